import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Stripe from 'stripe';
import { NodeByIdDocument, NodesByIdsDocument, PayoutByIdDocument, PayoutPageDocument } from '../gql/graphql.js';
import { createHarness, type Harness } from '../harness.js';

const SECRET = 'sk_test_E2eSecretNeverShown0123456789';

/**
 * The gateway over loopback HTTP against a live emulator, through the official SDK.
 * The emulator starts empty; the test creates six payouts (newest first: payouts[0]).
 */
let h: Harness;
let payouts: string[];

beforeAll(async () => {
  h = await createHarness({ transport: 'loopback', emulator: { seed: 'none' }, env: { STRIPE_SECRET_KEY: SECRET, AUTH_DISABLED: 'true' } });
  const stripe = new Stripe('sk_test_setup', { httpClient: Stripe.createFetchHttpClient(h.emulator.fetch), maxNetworkRetries: 0 });
  await stripe.charges.create({ amount: 500_000, currency: 'usd', source: 'tok_visa' });
  await h.emulator.advance(7 * 86_400);
  const created: string[] = [];
  for (let i = 1; i <= 6; i++) created.push((await stripe.payouts.create({ amount: i * 1000, currency: 'usd' })).id);
  payouts = created.reverse();
});

afterAll(() => h?.close());

describe('reads', () => {
  it('fetches one payout with its balance transaction in one upstream call', async () => {
    const { result, calls } = await h.upstreamCalls(() => h.gql(PayoutByIdDocument, { id: payouts[0] }));
    expect(result.errors).toBeUndefined();
    expect(result.data?.payout).toMatchObject({ id: payouts[0], amount: 6000, currency: 'usd', status: 'PENDING' });
    expect(result.data?.payout?.balanceTransaction?.id).toMatch(/^txn_/);
    expect(calls).toEqual({ total: 1, byRoute: { 'GET /v1/payouts/:id': 1 } });
  });

  it('serves a page of payouts with balanceTransaction { fee } in exactly one upstream call', async () => {
    const { result, calls } = await h.upstreamCalls(() => h.gql(PayoutPageDocument, { first: 6 }));
    expect(result.errors).toBeUndefined();
    const nodes = result.data!.payouts.edges.map((e) => e.node);
    expect(nodes.map((n) => n.id)).toEqual(payouts);
    for (const node of nodes) expect(node.balanceTransaction).toMatchObject({ fee: expect.any(Number), net: -node.amount });
    expect(calls).toEqual({ total: 1, byRoute: { 'GET /v1/payouts': 1 } });
  });

  it('costs one upstream call per distinct id for node lookups, duplicates included', async () => {
    const [a, b] = payouts;
    const { result, calls } = await h.upstreamCalls(() => h.gql(NodesByIdsDocument, { ids: [a, b, a, b, a] }));
    expect(result.errors).toBeUndefined();
    expect(result.data?.nodes.map((n) => n?.id)).toEqual([a, b, a, b, a]);
    expect(result.data?.nodes.every((n) => n?.__typename === 'Payout')).toBe(true);
    expect(calls).toEqual({ total: 2, byRoute: { 'GET /v1/payouts/:id': 2 } });

    const single = await h.upstreamCalls(() => h.gql(NodeByIdDocument, { id: a }));
    expect(single.result.data?.node).toMatchObject({ __typename: 'Payout', id: a, amount: 6000 });
    expect(single.calls.total).toBe(1);
  });
});

describe('pagination', () => {
  it('pages forward with truthful pageInfo', async () => {
    const first = await h.gql(PayoutPageDocument, { first: 4 });
    expect(first.data!.payouts.edges.map((e) => e.node.id)).toEqual(payouts.slice(0, 4));
    expect(first.data!.payouts.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });

    const second = await h.gql(PayoutPageDocument, { first: 4, after: first.data!.payouts.pageInfo.endCursor });
    expect(second.data!.payouts.edges.map((e) => e.node.id)).toEqual(payouts.slice(4));
    expect(second.data!.payouts.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('pages backward from a cursor with truthful pageInfo', async () => {
    const page = await h.gql(PayoutPageDocument, { first: 2, after: (await h.gql(PayoutPageDocument, { first: 3 })).data!.payouts.pageInfo.endCursor });
    // page holds payouts[3..4]; go back from its start.
    const back = await h.gql(PayoutPageDocument, { last: 2, before: page.data!.payouts.pageInfo.startCursor });
    expect(back.errors).toBeUndefined();
    expect(back.data!.payouts.edges.map((e) => e.node.id)).toEqual(payouts.slice(1, 3));
    expect(back.data!.payouts.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });

    const toStart = await h.gql(PayoutPageDocument, { last: 5, before: back.data!.payouts.pageInfo.startCursor });
    expect(toStart.data!.payouts.edges.map((e) => e.node.id)).toEqual(payouts.slice(0, 1));
    expect(toStart.data!.payouts.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
  });

  it('refuses first: 101 with BAD_USER_INPUT and no upstream call', async () => {
    const { result, calls } = await h.upstreamCalls(() => h.gql(PayoutPageDocument, { first: 101 }));
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'first' } });
    expect(result.errors?.[0].message).toMatch(/between 1 and 100/);
    expect(calls.total).toBe(0);
  });

  it('refuses a forged cursor and `last` without `before`, with no upstream call', async () => {
    const { result, calls } = await h.upstreamCalls(() =>
      Promise.all([
        h.gql(PayoutPageDocument, { first: 2, after: 'not-a-cursor!' }),
        h.gql(PayoutPageDocument, { first: 2, after: Buffer.from('re_123').toString('base64url') }),
        h.gql(PayoutPageDocument, { last: 2 }),
      ]),
    );
    for (const res of result) expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(calls.total).toBe(0);
  });
});

describe('errors', () => {
  it('refuses an id of the wrong type with BAD_USER_INPUT and no upstream call', async () => {
    const { result, calls } = await h.upstreamCalls(() => h.gql(PayoutByIdDocument, { id: 're_3MtwBwLkdIwHu7ix28a3tqPa' }));
    expect(result.data?.payout).toBeNull();
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(calls.total).toBe(0);
  });

  it.each([
    ['an Int', 'query ($n: Int) { payouts(first: $n) { edges { cursor } } }', { n: 'ten' }, '$n'],
    ['a DateTime', 'query ($t: DateTime) { payouts(first: 1, created: { gte: $t }) { edges { cursor } } }', { t: 'yesterday' }, '$t'],
    ['an enum', 'query ($s: PayoutStatus) { payouts(first: 1, status: $s) { edges { cursor } } }', { s: 'NOPE' }, '$s'],
  ])('refuses a variable that is not %s with BAD_USER_INPUT naming it, and no upstream call', async (_what, query, variables, name) => {
    const { result, calls } = await h.upstreamCalls(() => h.gql(query, variables));
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toContain(`Variable "${name}"`);
    expect(calls.total).toBe(0);
  });

  it('answers NOT_FOUND with Stripe’s request id for an unknown payout', async () => {
    const res = await h.gql(PayoutByIdDocument, { id: 'po_doesNotExist123' });
    expect(res.data?.payout).toBeNull();
    expect(res.errors?.[0]).toMatchObject({ path: ['payout'], extensions: { code: 'NOT_FOUND', stripeCode: 'resource_missing' } });
    expect(res.errors?.[0].extensions?.stripeRequestId).toMatch(/^req_/);
    expect(res.errors?.[0].extensions?.requestId).toBe(res.headers.get('x-request-id'));
  });

  it('never shows the Stripe key in a response or a log line', async () => {
    const bodies = await Promise.all([
      h.gql(PayoutPageDocument, { first: 2 }),
      h.gql(PayoutByIdDocument, { id: 'po_missing' }),
      h.gql('{ __schema { queryType { name } } }'),
      h.gql('query { payouts(first: "x") { edges { cursor } } }'),
    ]);
    for (const res of bodies) expect(res.body).not.toContain(SECRET);
    expect(h.logs.length).toBeGreaterThan(0);
    expect(h.logs.join('\n')).not.toContain(SECRET);
  });
});

describe('http', () => {
  it('answers /healthz', async () => {
    const res = await h.fetch('/healthz');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
  });

  it('serves GraphiQL with no external script or stylesheet', async () => {
    const res = await h.fetch('/graphql', { headers: { accept: 'text/html' } });
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toContain('RecentPayouts');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i);
  });
});
