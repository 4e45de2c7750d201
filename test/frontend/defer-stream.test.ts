import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Client as UrqlClient, fetchExchange, gql } from '@urql/core';
import { createHarness, expectStillServing, type Harness } from '../harness.js';
import { wsClient } from '../subscriptions/clients.js';
import { streamed, type Part } from './support.js';

/** How slow the emulator makes the deferred part (a financial account is loaded by id: Stripe cannot expand it there). */
const SLOW_MS = 1200;

const DEFERRED = /* GraphQL */ `
  query Deferred($fa: ID!) {
    outboundPayments(financialAccount: $fa, first: 3) {
      edges {
        node {
          id
          status
          ... @defer(label: "account") {
            financialAccount { id nickname }
          }
        }
      }
    }
  }
`;

type Edge = { node: { id: string; status: string; financialAccount?: { id: string; nickname: string } } };

let h: Harness;
let financialAccount: string;
let payoutIds: string[];

beforeAll(async () => {
  h = await createHarness({ transport: 'loopback', emulator: { seed: 'demo' } });
  const accounts = await h.gql<{ financialAccounts: { edges: { node: { id: string } }[] } }>('{ financialAccounts(first: 1) { edges { node { id } } } }');
  financialAccount = accounts.data!.financialAccounts.edges[0].node.id;
  const payouts = await h.gql<{ payouts: { edges: { node: { id: string } }[] } }>('{ payouts(first: 3) { edges { node { id } } } }');
  payoutIds = payouts.data!.payouts.edges.map((e) => e.node.id);
});

afterAll(async () => h?.close());

afterEach(() => h.emulator.faults.clear());

/** The initial payload, then the deferred one SLOW_MS later: the first did not wait for the slow load. */
function expectDeferredLater(parts: Part[]): void {
  expect(parts.length).toBeGreaterThanOrEqual(2);
  const [initial, ...rest] = parts;
  expect(initial.payload.hasNext).toBe(true);
  const edges = (initial.payload.data as { outboundPayments: { edges: Edge[] } }).outboundPayments.edges;
  expect(edges).toHaveLength(3);
  for (const { node } of edges) expect(node.financialAccount).toBeUndefined();

  const incremental = rest.flatMap((p) => p.payload.incremental ?? []);
  expect(incremental).toHaveLength(3);
  for (const part of incremental) {
    expect(part.path).toEqual(['outboundPayments', 'edges', expect.any(Number), 'node']);
    expect((part.data as Edge['node']).financialAccount!.id).toBe(financialAccount);
  }
  expect(rest.at(-1)!.payload.hasNext).toBe(false);
  // Had the initial payload waited for the account, both would have arrived together.
  expect(rest[0].at - initial.at).toBeGreaterThan(SLOW_MS * 0.6);
}

describe('@defer', () => {
  for (const accept of ['multipart/mixed', 'text/event-stream'] as const) {
    it(`over ${accept}: the initial payload comes at once, the deferred account when its slow load ends`, async () => {
      h.emulator.faults.set([{ route: 'GET /v1/treasury/financial_accounts/:id', latencyMs: SLOW_MS }]);
      const { status, contentType, parts } = await streamed(h.url, { query: DEFERRED, variables: { fa: financialAccount } }, accept);
      expect(status).toBe(200);
      expect(contentType).toContain(accept);
      expectDeferredLater(parts);
    });
  }

  it('keeps the upstream-cost estimate at or above the calls made, reported on the last payload', async () => {
    const { result, calls } = await h.upstreamCalls(() => streamed(h.url, { query: DEFERRED, variables: { fa: financialAccount } }, 'multipart/mixed'));
    const cost = result.parts.at(-1)!.payload.extensions?.cost as { estimated: number; actual: number };
    // One page, and the account every item shares (the list's filter) loaded once.
    expect(cost).toEqual({ estimated: 2, actual: 2 });
    expect(calls.total).toBe(cost.actual);
    expect(result.parts[0].payload.extensions).toBeUndefined();
  });

  it('counts a field selected again in a deferred fragment once more: execution resolves it again there (estimate was 1, actual 3)', async () => {
    const query = /* GraphQL */ `
      query Again {
        payouts(first: 2) { edges { node { id } } }
        ... @defer(label: "fees") { payouts(first: 2) { edges { node { balanceTransaction { id } } } } }
        ...Statuses @defer(label: "statuses")
      }
      fragment Statuses on Query { payouts(first: 2) { edges { node { status } } } }
    `;
    const { parts } = await streamed(h.url, { query }, 'multipart/mixed');
    expect(parts.flatMap((p) => p.payload.incremental ?? [])).toHaveLength(2);
    const cost = parts.at(-1)!.payload.extensions?.cost as { estimated: number; actual: number };
    expect(cost.actual).toBe(3);
    expect(cost.estimated).toBeGreaterThanOrEqual(cost.actual);
  });

  it('maps a deferred part’s upstream failure to a coded error in that part, and still delivers the initial payload', async () => {
    h.emulator.faults.set([{ route: 'GET /v1/treasury/financial_accounts/:id', serverError: 1 }]);
    const { parts } = await streamed(h.url, { query: DEFERRED, variables: { fa: financialAccount } }, 'multipart/mixed');
    expect((parts[0].payload.data as { outboundPayments: { edges: Edge[] } }).outboundPayments.edges).toHaveLength(3);
    const errors = parts.slice(1).flatMap((p) => p.payload.incremental ?? []).flatMap((part) => part.errors ?? []);
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) {
      expect(error.extensions?.code).toBe('UPSTREAM_ERROR');
      expect(error.path?.slice(-1)).toEqual(['financialAccount']);
    }
  });

  it('is delivered incrementally to urql (its fetchExchange reads multipart), which merges the deferred part into the result', async () => {
    h.emulator.faults.set([{ route: 'GET /v1/treasury/financial_accounts/:id', latencyMs: SLOW_MS }]);
    const client = new UrqlClient({ url: `${h.url}/graphql`, exchanges: [fetchExchange], requestPolicy: 'network-only' });
    const started = performance.now();
    const results: { at: number; hasNext: boolean; edges: Edge[] }[] = [];
    await new Promise<void>((resolve, reject) => {
      const { unsubscribe } = client.query(gql(DEFERRED), { fa: financialAccount }).subscribe((result) => {
        if (result.error) return reject(result.error);
        const edges = (result.data as { outboundPayments: { edges: Edge[] } }).outboundPayments.edges;
        results.push({ at: performance.now() - started, hasNext: result.hasNext, edges });
        if (!result.hasNext) {
          unsubscribe();
          resolve();
        }
      });
    });
    const [first, last] = [results[0], results.at(-1)!];
    expect(first.hasNext).toBe(true);
    expect(first.edges.every((e) => e.node.financialAccount === undefined)).toBe(true);
    expect(last.edges.every((e) => e.node.financialAccount?.id === financialAccount)).toBe(true);
    expect(last.at - first.at).toBeGreaterThan(SLOW_MS * 0.6);
  });

  it('runs over graphql-ws as several `next` messages', async () => {
    const client = wsClient(h.url);
    try {
      const results: { hasNext?: boolean }[] = [];
      await new Promise<void>((resolve, reject) =>
        client.subscribe({ query: DEFERRED, variables: { fa: financialAccount } }, { next: (r) => results.push(r as { hasNext?: boolean }), error: reject, complete: resolve }),
      );
      expect(results.length).toBeGreaterThanOrEqual(2);
      expect(results[0].hasNext).toBe(true);
      expect(results.at(-1)!.hasNext).toBe(false);
    } finally {
      await client.dispose();
    }
  });

  it('is refused in subscriptions (each event is delivered whole), before anything runs', async () => {
    const res = await h.gql('subscription { payoutEvents { type ... @defer { payout { id } } } }');
    expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors?.[0]?.message).toMatch(/@defer is not supported in subscriptions/);
    // Also from a fragment the subscription spreads.
    const spread = await h.gql('subscription { payoutEvents { type ...Later } } fragment Later on PayoutEvent { ... @defer { payout { id } } }');
    expect(spread.errors?.map((e) => e.message)).toEqual([expect.stringMatching(/@defer is not supported in subscriptions/)]);
  });

  it('is served in a query’s named fragment, as colocated fragments have it (it was refused as if in a subscription)', async () => {
    const query = /* GraphQL */ `
      query Rows { payouts(first: 2) { edges { node { ...Row } } } }
      fragment Row on Payout { id ... @defer { amount } }
    `;
    const { status, parts } = await streamed(h.url, { query }, 'multipart/mixed');
    expect(status).toBe(200);
    expect(parts[0].payload.errors).toBeUndefined();
    expect(parts[0].payload.hasNext).toBe(true);
    const deferred = parts.slice(1).flatMap((p) => p.payload.incremental ?? []);
    expect(deferred.map((part) => part.data)).toEqual([{ amount: expect.any(Number) }, { amount: expect.any(Number) }]);
  });
});

describe('asked for with an Accept that admits no stream format', () => {
  const JSON_ONLY = { accept: 'application/json' };
  const CREATE = /* GraphQL */ `
    mutation ($input: CreatePayoutInput!) {
      createPayout(input: $input) {
        ... on CreatePayoutPayload { payout { id status ... @defer { balanceTransaction { id net } } } }
      }
    }
  `;
  const input = (note: string) => ({ amount: 321, currency: 'usd', metadata: { note } });

  it('a query with @defer is refused with 406 NOT_ACCEPTABLE naming the formats, before any upstream call', async () => {
    const { result, calls } = await h.upstreamCalls(() => h.gql(DEFERRED, { fa: financialAccount }, JSON_ONLY));
    expect(result.status).toBe(406);
    expect(result.headers.get('content-type')).toContain('application/json');
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_ACCEPTABLE', acceptable: ['text/event-stream', 'multipart/mixed'] });
    expect(result.errors?.[0]?.message).toMatch(/query using @defer or @stream is sent in parts/);
    expect(calls.total).toBe(0);
    await expectStillServing(h);
  });

  it('a query whose @defer is turned off (`if: false`, literal, variable, or a variable’s default) is answered whole', async () => {
    const off = DEFERRED.replace('@defer(label: "account")', '@defer(label: "account", if: $on)').replace('($fa: ID!)', '($fa: ID!, $on: Boolean!)');
    for (const [query, variables] of [
      [off, { fa: financialAccount, on: false }],
      [DEFERRED.replace('@defer(label: "account")', '@defer(if: false)'), { fa: financialAccount }],
      // A variable left out takes its default (this one was refused with 406).
      [off.replace('$on: Boolean!', '$on: Boolean = false'), { fa: financialAccount }],
    ] as const) {
      const res = await h.gql<{ outboundPayments: { edges: Edge[] } }>(query, variables, JSON_ONLY);
      expect(res.status).toBe(200);
      expect(res.errors).toBeUndefined();
      expect(res.data!.outboundPayments.edges.every((e) => e.node.financialAccount?.id === financialAccount)).toBe(true);
    }
    expect((await h.gql(off, { fa: financialAccount, on: true }, JSON_ONLY)).status).toBe(406);
  });

  it('a query whose @defer @skip/@include leave out (on the fragment, or around it) is answered whole (it was refused with 406)', async () => {
    for (const [query, variables] of [
      ['query ($d: Boolean = false) { payouts(first: 1) { edges { node { id ... @include(if: $d) @defer { amount } } } } }', {}],
      ['{ payouts(first: 1) { edges { node { id ... @skip(if: true) @defer { amount } } } } }', {}],
      ['query ($d: Boolean!) { payouts(first: 1) { edges { node { id ...Later @include(if: $d) } } } } fragment Later on Payout { ... @defer { amount } }', { d: false }],
    ] as const) {
      const res = await h.gql<{ payouts: { edges: { node: { id: string; amount?: number } }[] } }>(query, variables, JSON_ONLY);
      expect(res.status).toBe(200);
      expect(res.errors).toBeUndefined();
      expect(res.data!.payouts.edges[0].node).toEqual({ id: expect.stringMatching(/^po_/) });
    }
    // Included, it is still a stream.
    const included = await h.gql('query ($d: Boolean!) { payouts(first: 1) { edges { node { id ... @include(if: $d) @defer { amount } } } } }', { d: true }, JSON_ONLY);
    expect(included.status).toBe(406);
  });

  it('a document’s other operation using @defer does not count: the one asked for runs as JSON (it was refused with 406)', async () => {
    const document = /* GraphQL */ `
      query Plain { payouts(first: 1) { edges { node { id } } } }
      query Later { payouts(first: 1) { edges { node { id ... @defer { amount } } } } }
    `;
    const ask = (operationName: string) =>
      h.fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', ...JSON_ONLY }, body: JSON.stringify({ query: document, operationName }) });
    const plain = await ask('Plain');
    expect(plain.status).toBe(200);
    expect(((await plain.json()) as { data: { payouts: { edges: unknown[] } } }).data.payouts.edges).toHaveLength(1);
    const later = await ask('Later');
    expect(later.status).toBe(406);
  });

  it('a mutation with @defer in its payload is refused before it acts (yoga alone made the payout, then answered an empty 406)', async () => {
    const { result, calls } = await h.upstreamCalls(() => h.gql(CREATE, { input: input('refused-json') }, JSON_ONLY));
    expect(result.status).toBe(406);
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_ACCEPTABLE');
    expect(result.errors?.[0]?.message).toMatch(/mutation using @defer/);
    expect(calls.total).toBe(0);
  });

  it('the same mutation over multipart acts once and delivers the payout first, its balance transaction after', async () => {
    const { result, calls } = await h.upstreamCalls(() => streamed(h.url, { query: CREATE, variables: { input: input('multipart') } }, 'multipart/mixed'));
    expect(calls.byRoute['POST /v1/payouts']).toBe(1);
    const [initial, ...rest] = result.parts;
    const payout = (initial.payload.data as { createPayout: { payout: { id: string; status: string; balanceTransaction?: unknown } } }).createPayout.payout;
    expect(payout).toMatchObject({ id: expect.stringMatching(/^po_/), status: 'PENDING' });
    expect(payout.balanceTransaction).toBeUndefined();
    const deferred = rest.flatMap((p) => p.payload.incremental ?? []);
    expect(deferred).toHaveLength(1);
    expect(deferred[0].path).toEqual(['createPayout', 'payout']);
    expect(deferred[0].data).toMatchObject({ balanceTransaction: { id: expect.stringMatching(/^txn_/), net: -321 } });
    expect(rest.at(-1)!.payload.hasNext).toBe(false);
  });
});

describe('@stream', () => {
  it('refuses a negative `initialCount` (written, passed, or a variable’s default) with BAD_USER_INPUT before any upstream call (it was INTERNAL_SERVER_ERROR after the list call)', async () => {
    const cases = [
      { query: '{ payouts(first: 3) { edges @stream(initialCount: -1) { node { id } } } }', value: -1 },
      { query: 'query ($n: Int!) { payouts(first: 3) { edges @stream(initialCount: $n) { node { id } } } }', variables: { n: -5 }, value: -5 },
      { query: 'query ($n: Int = -2) { payouts(first: 3) { edges @stream(initialCount: $n) { node { id } } } }', value: -2 },
    ];
    for (const { query, variables, value } of cases) {
      for (const accept of ['multipart/mixed', 'text/event-stream'] as const) {
        const { result, calls } = await h.upstreamCalls(() => streamed(h.url, { query, variables }, accept));
        const errors = result.parts.flatMap((p) => p.payload.errors ?? []);
        expect(errors).toHaveLength(1);
        expect(errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'initialCount' });
        expect(errors[0].message).toContain(`got ${value}`);
        expect(calls.total).toBe(0);
      }
    }
    await expectStillServing(h);
  });

  it('leaves a negative `initialCount` alone where it does not run: another operation of the document, or a @stream its `if` turns off (both were refused with BAD_USER_INPUT)', async () => {
    const other = 'query Plain { payouts(first: 1) { edges { node { id } } } } query Streamed { payouts(first: 3) { edges @stream(initialCount: -1) { node { id } } } }';
    const off = 'query ($on: Boolean!) { payouts(first: 1) { edges @stream(if: $on, initialCount: -1) { node { id } } } }';
    for (const body of [{ query: other, operationName: 'Plain' }, { query: off, variables: { on: false } }]) {
      const res = await h.fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body) });
      expect(res.status).toBe(200);
      const result = (await res.json()) as { data?: { payouts: { edges: unknown[] } }; errors?: unknown[] };
      expect(result.errors).toBeUndefined();
      expect(result.data!.payouts.edges).toHaveLength(1);
    }
    // The operation that streams is still refused.
    const { result } = await h.upstreamCalls(() => streamed(h.url, { query: other, operationName: 'Streamed' }, 'multipart/mixed'));
    expect(result.parts.flatMap((p) => p.payload.errors ?? []).map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  });

  it('streams node lookups one by one after `initialCount`, each as its upstream call returns', async () => {
    h.emulator.faults.set([{ route: 'GET /v1/payouts/:id', latencyMs: 300 }]);
    const query = 'query ($ids: [ID!]!) { nodes(ids: $ids) @stream(initialCount: 1) { id ... on Payout { status } } }';
    const { parts } = await streamed(h.url, { query, variables: { ids: payoutIds } }, 'multipart/mixed');
    expect(parts[0].payload.hasNext).toBe(true);
    const initial = (parts[0].payload.data as { nodes: { id: string }[] }).nodes;
    expect(initial.map((n) => n.id)).toEqual(payoutIds.slice(0, 1));
    const streamedItems = parts.slice(1).flatMap((p) => p.payload.incremental ?? []).flatMap((part) => (part.items ?? []) as { id: string }[]);
    expect(streamedItems.map((n) => n.id).sort()).toEqual(payoutIds.slice(1).sort());
    expect(parts.at(-1)!.payload.hasNext).toBe(false);
  });

  it('counts @defer and @stream against MAX_DIRECTIVES like any directive', async () => {
    const limited = await createHarness({ env: { MAX_DIRECTIVES: '1' } });
    try {
      const res = await limited.gql('{ payouts(first: 1) { edges @stream { node { id ... @defer { amount } } } } }');
      expect(res.status).toBe(400);
      expect(res.errors?.[0]?.extensions?.code).toBe('TOO_MANY_DIRECTIVES');
    } finally {
      await limited.close();
    }
  });
});
