import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from 'graphql-ws';
import { createHarness, type Harness } from '../harness.js';
import { wsClient } from '../subscriptions/clients.js';
import { aliasedPages, codesOf, fragmentExplosion, hugeTokenCount, overHttp, overSse, overWs, transferNesting, type Outcome } from './documents.js';

const NORMAL_QUERY = '{ payouts(first: 2) { edges { node { id status balanceTransaction { net } } } } }';

type Send = (query: string) => Promise<Outcome>;

/** The transports of one gateway, and a check that it still answers after an attack. */
function transportsOf(h: () => Harness, ws: () => Client): [string, Send][] {
  return [
    ['HTTP', (query) => overHttp(h(), query)],
    ['SSE', (query) => overSse(h(), query)],
    ['graphql-ws', (query) => overWs(ws(), query)],
  ];
}

async function expectStillServing(h: Harness, send: Send): Promise<void> {
  const health = await h.fetch('/healthz');
  expect(health.status).toBe(200);
  const normal = await send(NORMAL_QUERY);
  expect(normal.result?.errors).toBeUndefined();
  expect((normal.result?.data as { payouts: { edges: unknown[] } }).payouts.edges).toHaveLength(2);
}

/**
 * The attacks of the Limits issue, over every transport. Before the limits, the depth attack
 * overflowed the stack inside a compiled query where nothing caught it (the process died) and
 * the fragment explosion held the event loop for minutes while graphql-jit compiled it.
 */
describe('hostile documents are refused and the gateway keeps serving', () => {
  let h: Harness;
  let ws: Client;
  let transferId: string;
  beforeAll(async () => {
    h = await createHarness({ transport: 'loopback', emulator: { seed: 'demo' } });
    ws = wsClient(h.url);
    const transfers = await h.gql<{ transfers: { edges: { node: { id: string } }[] } }>('{ transfers(first: 1) { edges { node { id } } } }');
    transferId = transfers.data!.transfers.edges[0].node.id;
  });
  afterAll(async () => {
    await ws?.dispose();
    await h?.close();
  });

  const attacks: [string, () => string, string][] = [
    // ~18 KB: longer than allowed before its tokens or depth are even looked at.
    ['transfer → reversals → transfer … nested 300 levels', () => transferNesting(transferId, 300), 'DOCUMENT_TOO_LONG'],
    ['the same nesting 100 levels deep (6 KB)', () => transferNesting(transferId, 100), 'QUERY_TOO_DEEP'],
    ['the same nesting 3 levels deep (14 fields)', () => transferNesting(transferId, 3), 'QUERY_TOO_DEEP'],
    [
      'fragments that each spread the previous one twice, 30 levels',
      () => fragmentExplosion(30, 'Payout', 'id amount', (spread) => `{ payouts(first: 1) { edges { node { ${spread} } } } }`),
      'QUERY_TOO_LARGE',
    ],
    ['1,000 aliased payouts(first: 100)', () => aliasedPages(1_000), 'DOCUMENT_TOO_LONG'],
    ['200 aliased payouts(first: 100)', () => aliasedPages(200), 'TOO_MANY_ALIASES'],
    ['101 aliased payouts(first: 100)', () => aliasedPages(101), 'TOO_MANY_ALIASES'],
    // Within every document limit, but more upstream calls than one request may plan.
    ['26 aliased payouts(first: 100)', () => aliasedPages(26), 'QUERY_TOO_EXPENSIVE'],
    ['a 15 KB document of 7,500 tokens', () => hugeTokenCount(15_000), 'TOO_MANY_TOKENS'],
    // Refused by its length before yoga's parse cache keeps it.
    ['a 500 KB document', () => hugeTokenCount(500_000), 'DOCUMENT_TOO_LONG'],
  ];

  describe.each(transportsOf(() => h, () => ws))('over %s', (_, send) => {
    it.each(attacks)('%s: refused before any upstream call, then /healthz and a normal query answer', async (_name, attack, code) => {
      const { result, calls } = await h.upstreamCalls(() => send(attack()));
      expect({ codes: codesOf(result), calls: calls.total }).toEqual({ codes: [code], calls: 0 });
      await expectStillServing(h, send);
    });
  });
});

/**
 * With the limits lifted far, a document nested 20,000 levels overflows the stack in graphql's
 * own parser: whatever throws is answered as a masked error, on every transport (graphql-ws
 * used to close the socket, with every other operation on it).
 */
describe('an exception while handling a document, with the limits lifted', () => {
  let h: Harness;
  let ws: Client;
  beforeAll(async () => {
    h = await createHarness({ transport: 'loopback', emulator: { seed: 'demo' }, env: { MAX_DOCUMENT_LENGTH: '10000000', MAX_TOKENS: '10000000', MAX_DEPTH: '10000000' } });
    ws = wsClient(h.url);
  });
  afterAll(async () => {
    await ws?.dispose();
    await h?.close();
  });

  const levels = 20_000;
  const deep = `{ __type(name: "Payout") { ${'ofType { '.repeat(levels)}name${' }'.repeat(levels)} } }`;

  it.each(transportsOf(() => h, () => ws))('is a masked INTERNAL_SERVER_ERROR over %s, and the gateway keeps serving', async (_, send) => {
    const outcome = await send(deep);
    expect(outcome.result?.errors).toEqual([{ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
    expect(outcome.error).toBeUndefined();
    await expectStillServing(h, send);
  });
});
