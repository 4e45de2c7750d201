import type { FormattedExecutionResult, GraphQLFormattedError } from 'graphql';
import type { Client } from 'graphql-ws';
import type { Harness } from '../harness.js';
import { sseSubscribe } from '../subscriptions/clients.js';

/** Documents at a chosen size for each document limit, and the hostile ones from the Limits issue. */

/** Depth `n`: `__type` and its `ofType` chain, answered by introspection (no upstream call). */
export const ofDepth = (n: number) => `{ __type(name: "Payout") { ${'ofType { '.repeat(n - 2)}name${' }'.repeat(n - 2)} } }`;

/** `n` aliased fields (introspection, no upstream call). */
export const withAliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: __type(name: "Payout") { name }`).join(' ')} }`;

/** `n` directives. */
export const withDirectives = (n: number) => `{ ${'__typename @include(if: true) '.repeat(n)}}`;

/** Exactly `n` characters: one field, then a comment. */
export const ofLength = (n: number) => `{ __typename }\n#${'x'.repeat(n - 16)}`;

/** Exactly `n` tokens, with about a quarter as many fields: `__type(name: "Payout") { name }` is 9 tokens, 2 fields. */
export function ofTokens(n: number): string {
  const types = Math.floor((n - 2) / 9);
  return `{ ${'__type(name: "Payout") { name } '.repeat(types)}${'__typename '.repeat(n - 2 - 9 * types)}}`;
}

/** F0 selects `leaf`; each next fragment spreads the previous one twice, so F<i> expands to 2^i times `leaf`. */
function doublingFragments(levels: number, on: string, leaf: string): string {
  const fragments = [`fragment F0 on ${on} { ${leaf} }`];
  for (let i = 1; i <= levels; i++) fragments.push(`fragment F${i} on ${on} { ...F${i - 1} ...F${i - 1} }`);
  return fragments.join(' ');
}

/**
 * `n` fields once fragments are expanded: the doubling fragments of n's binary digits. (As `n`
 * sibling fields they would exhaust the work budget of graphql's own overlapping-fields rule.)
 */
export function withFields(n: number): string {
  const bits = [...n.toString(2)].reverse();
  const spreads = bits.flatMap((bit, i) => (bit === '1' ? [`...F${i}`] : []));
  return `{ ${spreads.join(' ')} } ${doublingFragments(bits.length - 1, 'Query', '__typename')}`;
}

/** Fragments that each spread the previous one twice: about 1 KB at 30 levels, 2^30 fields expanded. */
export function fragmentExplosion(levels: number, on = 'Query', leaf = '__typename', root = (spread: string) => `{ ${spread} }`): string {
  return `${root(`...F${levels}`)} ${doublingFragments(levels, on, leaf)}`;
}

/** A transfer, its reversals, their transfer, its reversals… `levels` times. */
export function transferNesting(transferId: string, levels: number): string {
  let selection = 'id';
  for (let i = 0; i < levels; i++) selection = `id reversals(first: 1) { edges { node { transfer { ${selection} } } } }`;
  return `{ transfer(id: "${transferId}") { ${selection} } }`;
}

/** `n` aliased pages of 100 payouts: one upstream call each, were they run. */
export const aliasedPages = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `p${i}: payouts(first: 100) { edges { cursor } }`).join(' ')} }`;

/** About `bytes` of a one-letter field repeated: half as many tokens as bytes. */
export const hugeTokenCount = (bytes: number) => `{ ${'a '.repeat(Math.ceil(bytes / 2))}}`;

export type Outcome = { result?: FormattedExecutionResult; status?: number; error?: unknown };

/** The document over HTTP POST, as a JSON client sends it. */
export async function overHttp(h: Harness, query: string, opts: { accept?: string; operationName?: string } = {}): Promise<Outcome> {
  const res = await h.fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: opts.accept ?? 'application/json' },
    body: JSON.stringify({ query, operationName: opts.operationName }),
  });
  return { status: res.status, result: (await res.json()) as FormattedExecutionResult };
}

/** The document over Server-Sent Events: its first event. */
export async function overSse(h: Harness, query: string): Promise<Outcome> {
  const stream = sseSubscribe(h.url, query);
  try {
    const [result] = await stream.inbox.waitFor(1, 10_000);
    return { result, error: stream.inbox.error };
  } finally {
    stream.close();
  }
}

/** The document over graphql-ws: its first result, or the error the client reports (the errors of an `error` message). */
export function overWs(client: Client, query: string): Promise<Outcome> {
  return new Promise((resolve) => {
    let first: FormattedExecutionResult | undefined;
    client.subscribe<Record<string, unknown>, Record<string, unknown>>(
      { query },
      {
        next: (result) => (first ??= result),
        error: (error) => resolve(Array.isArray(error) ? { result: { errors: error as GraphQLFormattedError[] } } : { error }),
        complete: () => resolve({ result: first }),
      },
    );
  });
}

/** The `extensions.code` of each error of an outcome. */
export const codesOf = (outcome: Outcome) => (outcome.result?.errors ?? []).map((e) => e.extensions?.code);
