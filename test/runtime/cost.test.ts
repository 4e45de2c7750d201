import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Stripe from 'stripe';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import * as examples from '../gql/graphql.js';
import { createHarness, type GqlResult, type Harness } from '../harness.js';
import { inProcessStripe } from '../emulator/support.js';
import { wsClient } from '../subscriptions/clients.js';
import { prepareFixtures, shapes, type Fixtures } from '../../bench/queries.js';

interface Cost {
  estimated: number;
  actual?: number;
  budget?: number;
}

/** The response's extensions.cost. */
function costOf(res: GqlResult<unknown>): Cost {
  return (JSON.parse(res.body) as { extensions?: { cost?: Cost } }).extensions?.cost as Cost;
}

/** Runs `query`, counting the upstream calls the emulator saw, and reads its cost report. */
async function measured<TVariables>(h: Harness, query: TypedDocumentNode<unknown, TVariables> | string, variables?: TVariables) {
  const { result, calls } = await h.upstreamCalls(() => h.gql(query, variables));
  return { res: result, calls: calls.total, cost: costOf(result) };
}

/** After an attack: the gateway still answers its health check and an ordinary query. */
async function stillServes(h: Harness): Promise<void> {
  const health = await h.fetch('/healthz');
  expect(health.status).toBe(200);
  const page = await h.gql<{ payouts: { edges: unknown[] } }>('{ payouts(first: 3) { edges { node { id } } } }');
  expect(page.errors).toBeUndefined();
  expect(page.data?.payouts.edges).toHaveLength(3);
}

/**
 * Document limits lifted so that the cost gate is what answers: with the defaults, documents this
 * large are refused earlier, by size or alias count (test/runtime/document-limits.test.ts).
 */
const COST_GATE_ONLY = { MAX_ALIASES: '5000', MAX_TOKENS: '100000', MAX_DOCUMENT_LENGTH: '1000000', MAX_FIELDS: '100000' };

const ALIASED_PAGES = (n: number) =>
  `{ ${Array.from({ length: n }, (_, i) => `p${i}: payouts(first: 100) { edges { node { id balanceTransaction { fee } } } }`).join('\n')} }`;

describe('upstream cost budget', () => {
  let h: Harness;
  let stripe: Stripe;
  let fixtures: Fixtures;
  beforeAll(async () => {
    h = await createHarness({ transport: 'in-process', emulator: { seed: 'demo' }, env: COST_GATE_ONLY });
    stripe = inProcessStripe(h.emulator);
    fixtures = await prepareFixtures(stripe);
  });
  afterAll(() => h?.close());

  it('every bench query shape runs within the budget, estimated ≥ actual and at most one call above it', async () => {
    for (const shape of shapes(fixtures)) {
      const { res, calls, cost } = await measured(h, shape.query);
      expect(res.errors, shape.name).toBeUndefined();
      expect(cost.actual, shape.name).toBe(calls);
      expect(cost.estimated, shape.name).toBeGreaterThanOrEqual(calls);
      expect(cost.estimated, shape.name).toBeLessThanOrEqual(calls + 1);
    }
  });

  it('a page of 100 payouts with their balance transactions is planned and made as one call', async () => {
    const { res, calls, cost } = await measured(h, '{ payouts(first: 100) { edges { node { id amount balanceTransaction { fee net } } } } }');
    expect(res.status).toBe(200);
    expect({ calls, cost }).toEqual({ calls: 1, cost: { estimated: 1, actual: 1 } });
  });

  it('counts each alias of a list as its own call, and identical by-id fetches once', async () => {
    const lists = await measured(h, '{ a: payouts(first: 5) { edges { node { id } } } b: payouts(first: 5) { edges { node { id } } } }');
    expect(lists.cost).toEqual({ estimated: 2, actual: 2 });
    const sameId = await measured(
      h,
      `{ ${Array.from({ length: 30 }, (_, i) => `n${i}: node(id: "${fixtures.payoutId}") { id ... on Payout { balanceTransaction { fee } } }`).join(' ')} }`,
    );
    expect(sameId.res.errors).toBeUndefined();
    expect(sameId.cost).toEqual({ estimated: 1, actual: 1 });
  });

  it('multiplies loads Stripe cannot expand by the list sizes above them', async () => {
    // data.charge.payment_intent.latest_charge.balance_transaction is 5 levels: one load per refund.
    const deep = (first: number) =>
      `{ refunds(first: ${first}) { edges { node { id charge { paymentIntent { latestCharge { balanceTransaction { fee } } } } } } } }`;
    const within = await measured(h, deep(20));
    expect(within.res.errors).toBeUndefined();
    expect(within.cost.estimated).toBe(21);
    expect(within.calls).toBeLessThanOrEqual(21);
    const over = await measured(h, deep(30));
    expect(over.res.status).toBe(400);
    expect(over.calls).toBe(0);
    expect(over.res.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_EXPENSIVE', cost: { estimated: 31, budget: 25 } });
  });

  it('counts a transfer’s first ten reversals as embedded, more as one list call per transfer', async () => {
    const reversals = (first: number) => `{ transfers(first: 30) { edges { node { id reversals(first: ${first}) { edges { node { id } } } } } } }`;
    const embedded = await measured(h, reversals(10));
    expect(embedded.cost).toEqual({ estimated: 1, actual: 1 });
    const listed = await measured(h, reversals(11));
    expect(listed.res.status).toBe(400);
    expect(listed.cost).toEqual({ estimated: 31, actual: 0 });
    expect(listed.calls).toBe(0);
  });

  it('refuses 1,000 aliased pages of 100 payouts with QUERY_TOO_EXPENSIVE before any upstream call, then still serves', async () => {
    const { res, calls, cost } = await measured(h, ALIASED_PAGES(1_000));
    expect(res.status).toBe(400);
    expect(calls).toBe(0);
    expect(res.data).toBeUndefined();
    expect(res.errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('up to 1000 upstream calls'),
        extensions: { code: 'QUERY_TOO_EXPENSIVE', cost: { estimated: 1000, budget: 25 } },
      }),
    ]);
    expect(cost).toEqual({ estimated: 1000, actual: 0 });
    await stillServes(h);
  });

  it('refuses nodes(ids:) with more than 100 ids as BAD_USER_INPUT before any call; 10,000 ids too', async () => {
    for (const count of [101, 10_000]) {
      const ids = Array.from({ length: count }, (_, i) => `po_${String(i).padStart(24, '0')}`);
      const { res, calls } = await measured(h, 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids });
      expect(res.status).toBe(400);
      expect(calls).toBe(0);
      expect(res.errors).toEqual([
        expect.objectContaining({ message: `\`nodes\` takes at most 100 ids (each is an upstream call); got ${count}.`, extensions: { code: 'BAD_USER_INPUT', argument: 'ids' } }),
      ]);
    }
    // 100 distinct ids are within the limit, but not within a budget of 25 calls.
    const hundred = Array.from({ length: 100 }, (_, i) => `po_${String(i).padStart(24, '0')}`);
    const { res, calls } = await measured(h, 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: hundred });
    expect(res.errors?.[0]?.extensions).toEqual({ code: 'QUERY_TOO_EXPENSIVE', cost: { estimated: 100, budget: 25 } });
    expect(calls).toBe(0);
    await stillServes(h);
  });

  it('plans @skip/@include with the request’s variables', async () => {
    const query = 'query($all: Boolean!) { a: payouts(first: 5) { edges { node { id } } } b: payouts(first: 5) @include(if: $all) { edges { node { id } } } }';
    expect((await measured(h, query, { all: false })).cost).toEqual({ estimated: 1, actual: 1 });
    expect((await measured(h, query, { all: true })).cost).toEqual({ estimated: 2, actual: 2 });
  });

  it('every example operation (queries and mutations) is estimated at no fewer calls than it makes', async () => {
    // Typed as one entry per generated document: an operation added to examples/operations needs variables here to compile.
    const variables = await exampleVariables(stripe, fixtures);
    const names = Object.keys(variables) as ExampleName[];
    expect(names.length).toBeGreaterThan(20);
    for (const name of names) {
      const document = examples[`${name}Document`] as TypedDocumentNode<unknown, Record<string, unknown>>;
      const { res, calls, cost } = await measured(h, document, variables[name]);
      expect(res.errors, `${name}: ${JSON.stringify(res.errors)}`).toBeUndefined();
      expect(cost.actual, name).toBe(calls);
      expect(cost.estimated, name).toBeGreaterThanOrEqual(calls);
    }
  });
});

/** The example operations (examples/operations), by name: the typed documents `npm run codegen` generates into test/gql. */
type ExampleName = keyof typeof examples extends infer K ? (K extends `${infer N}Document` ? N : never) : never;
type ExampleVariables = { [N in ExampleName]: (typeof examples)[`${N}Document`] extends TypedDocumentNode<unknown, infer V> ? V : never };

/** Variables for each example operation, from the demo data (some mutations end in a typed refusal: that costs calls too). */
async function exampleVariables(stripe: Stripe, f: Fixtures): Promise<ExampleVariables> {
  const accounts = await stripe.treasury.financialAccounts.list({ limit: 2 });
  const [from, to] = accounts.data.map((a) => a.id);
  const payments = await stripe.treasury.outboundPayments.list({ financial_account: from, limit: 10 });
  const obp = (i: number) => payments.data[i % payments.data.length].id;
  const paid = (await stripe.payouts.list({ status: 'paid', limit: 3 })).data;
  const pending = (await stripe.payouts.list({ status: 'pending', limit: 3 })).data;
  const charges = (await stripe.charges.list({ limit: 10 })).data.filter((c) => c.amount_refunded < c.amount);
  const refunds = (await stripe.refunds.list({ limit: 3 })).data;
  const transfer = await stripe.transfers.retrieve(f.transferId);
  const reversal = transfer.reversals.data[0];
  return {
    NodeById: { id: f.payoutId },
    NodesByIds: { ids: f.nodeIds.slice(0, 20) },
    OpenFinancialAccount: {},
    FundFinancialAccount: { financialAccountId: from, amount: 10_000 },
    PayToFinancialAccount: { from, to, amount: 100 },
    CancelOutboundPayment: { id: obp(0) },
    PostOutboundPayment: { id: obp(1) },
    ReturnOutboundPayment: { id: obp(2) },
    TrackAchOutboundPayment: { id: obp(3), traceId: 'trace-1' },
    CreatePayout: { input: { amount: 500, currency: 'usd' } },
    UpdatePayoutMetadata: { payoutId: paid[0].id, metadata: { note: 'cost test' } },
    CancelPayout: { payoutId: (pending[0] ?? paid[1]).id },
    ReversePayout: { payoutId: paid[2].id },
    PayoutPage: { first: 20 },
    PayoutById: { id: f.payoutId },
    CreateRefund: { input: { chargeId: charges[0].id, amount: 1 } },
    UpdateRefundMetadata: { refundId: refunds[0].id, metadata: { note: 'cost test' } },
    CancelRefund: { refundId: refunds[1].id },
    ExpireRefund: { refundId: refunds[2].id },
    RefundPage: { first: 20 },
    CreateTransfer: { input: { amount: 100, currency: 'usd', destination: transfer.destination as string } },
    UpdateTransfer: { transferId: transfer.id, description: 'cost test' },
    ReverseTransfer: { transferId: transfer.id, amount: 1 },
    UpdateTransferReversal: { reversalId: `${reversal.id}:${transfer.id}`, metadata: { note: 'cost test' } },
    FinancialAccountPage: { first: 5 },
    OutboundPaymentPage: { financialAccount: from, first: 20 },
  };
}

describe('upstream cost over graphql-ws', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ transport: 'loopback', emulator: { seed: 'demo' }, env: COST_GATE_ONLY });
  });
  afterAll(() => h?.close());

  it('the same budget refuses an expensive operation sent over a WebSocket, with no upstream call', async () => {
    const client = wsClient(h.url);
    try {
      const { result, calls } = await h.upstreamCalls(
        () =>
          new Promise<{ errors?: { extensions?: Record<string, unknown> }[]; data?: unknown }>((resolve, reject) => {
            let last: { errors?: { extensions?: Record<string, unknown> }[] } = {};
            client.subscribe({ query: ALIASED_PAGES(200) }, { next: (r) => (last = r as typeof last), error: reject, complete: () => resolve(last) });
          }),
      );
      expect(calls.total).toBe(0);
      expect(result.errors?.[0]?.extensions).toEqual({ code: 'QUERY_TOO_EXPENSIVE', cost: { estimated: 200, budget: 25 } });
      const ok = await new Promise<{ data?: unknown; extensions?: unknown }>((resolve, reject) => {
        let last = {};
        client.subscribe({ query: '{ payouts(first: 2) { edges { node { id } } } }' }, { next: (r) => (last = r), error: reject, complete: () => resolve(last) });
      });
      expect(ok).toMatchObject({ data: { payouts: { edges: [{ node: {} }, { node: {} }] } }, extensions: { cost: { estimated: 1, actual: 1 } } });
    } finally {
      await client.dispose();
    }
    await stillServes(h);
  });
});
