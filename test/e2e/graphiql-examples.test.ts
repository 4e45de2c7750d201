import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, type OperationDefinitionNode } from 'graphql';
import { EXAMPLE_QUERIES } from '../../src/server/graphiql.js';
import { createHarness, type Harness } from '../harness.js';
import { emulatorStripe, pendingPayout, sseSubscribe } from '../subscriptions/clients.js';

type Page = { edges: { node: { id: string } }[] };

/** The operations a first-time user finds in GraphiQL, run as they would: lists first, then ids from them. */
describe('GraphiQL example operations against the demo data', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ transport: 'loopback', emulator: { seed: 'demo' } });
  });
  afterAll(() => h?.close());

  const run = async <T>(operationName: string, variables?: Record<string, unknown>) => {
    const response = await h.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: EXAMPLE_QUERIES, operationName, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: unknown[] };
    expect(body.errors, operationName).toBeUndefined();
    return body.data as T;
  };

  it('names every operation it offers, and each one runs', async () => {
    const names = parse(EXAMPLE_QUERIES).definitions.map((d) => (d as OperationDefinitionNode).name?.value);
    expect(names).toEqual(['RecentPayouts', 'PayoutById', 'RecentRefunds', 'FinancialAccounts', 'OutboundPayments', 'LivePayouts', 'NodeById']);

    const { payouts } = await run<{ payouts: Page }>('RecentPayouts');
    expect(payouts.edges.length).toBeGreaterThan(0);
    const payoutId = payouts.edges[0].node.id;
    expect((await run<{ payout: { id: string } }>('PayoutById', { id: payoutId })).payout.id).toBe(payoutId);
    expect((await run<{ node: { __typename: string } }>('NodeById', { id: payoutId })).node.__typename).toBe('Payout');

    // Each refund's charge comes expanded in the list call: one upstream request for the page.
    const { result, calls } = await h.upstreamCalls(() => run<{ refunds: Page }>('RecentRefunds'));
    expect(result.refunds.edges.length).toBeGreaterThan(0);
    expect(calls).toEqual({ total: 1, byRoute: { 'GET /v1/refunds': 1 } });

    const { financialAccounts } = await run<{ financialAccounts: Page }>('FinancialAccounts');
    expect(financialAccounts.edges.length).toBeGreaterThan(0);
    let payments = 0;
    for (const { node } of financialAccounts.edges) {
      const { outboundPayments } = await run<{ outboundPayments: Page }>('OutboundPayments', { financialAccount: node.id });
      payments += outboundPayments.edges.length;
    }
    expect(payments).toBeGreaterThan(0);
  });

  it('LivePayouts streams a payout the emulator creates, through its signed webhook', async () => {
    const live = sseSubscribe(h.url, EXAMPLE_QUERIES, {}, 'LivePayouts');
    await live.opened;
    try {
      const payout = await pendingPayout(emulatorStripe(h.emulator));
      const event = await live.inbox.find((r) => (r.data?.payoutEvents as { payout?: { id: string } })?.payout?.id === payout.id);
      expect(event.errors).toBeUndefined();
      expect(event.data?.payoutEvents).toMatchObject({ type: 'payout.created', payout: { id: payout.id, status: 'PENDING' } });
    } finally {
      live.close();
    }
  });
});
