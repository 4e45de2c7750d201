import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, type OperationDefinitionNode } from 'graphql';
import { loadConfig } from '../../src/config.js';
import { AUTH_HEADERS_EXAMPLE, exampleTabs, graphiqlOptions } from '../../src/server/graphiql.js';
import { createHarness, type Harness } from '../harness.js';
import { emulatorStripe, pendingPayout, sseSubscribe } from '../subscriptions/clients.js';

type Page = { edges: { node: { id: string; status?: string } }[] };
type Result = { __typename: string; [key: string]: unknown };

const operationsOf = (query: string) => parse(query).definitions.map((d) => (d as OperationDefinitionNode).name?.value);

/** The operations a first-time user finds in GraphiQL's tabs, run as they would: lists first, then ids from them. */
describe('GraphiQL example tabs against the demo data', () => {
  let h: Harness;
  let tabs: ReturnType<typeof exampleTabs>;
  beforeAll(async () => {
    h = await createHarness({ transport: 'loopback', emulator: { seed: 'demo' } });
    tabs = exampleTabs(h.config);
  });
  afterAll(() => h?.close());

  const run = async <T>(tab: number, operationName: string, variables?: Record<string, unknown>) => {
    const response = await h.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: tabs[tab].query, operationName, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: unknown[] };
    expect(body.errors, operationName).toBeUndefined();
    return body.data as T;
  };

  it('has a tab of reads, one per mutation on a pending object, and one of live subscriptions; each variable they prefill is one their operations take', () => {
    expect(tabs.map((t) => operationsOf(t.query))).toEqual([
      ['RecentPayouts', 'PayoutById', 'RecentRefunds', 'FinancialAccounts', 'OutboundPayments', 'NodeById'],
      ['PendingPayouts', 'CancelPayout'],
      ['PaymentAccounts', 'ProcessingPayments', 'PostOutboundPayment', 'CancelOutboundPayment'],
      ['LivePayouts', 'LiveOutboundPayments'],
    ]);
    for (const tab of tabs) {
      const declared = new Set(parse(tab.query).definitions.flatMap((d) => (d as OperationDefinitionNode).variableDefinitions?.map((v) => v.variable.name.value) ?? []));
      for (const name of Object.keys(JSON.parse(tab.variables ?? '{}') as object)) expect(declared).toContain(name);
    }
  });

  it('the reads run, by ids taken from the lists', async () => {
    const { payouts } = await run<{ payouts: Page }>(0, 'RecentPayouts');
    expect(payouts.edges.length).toBeGreaterThan(0);
    const payoutId = payouts.edges[0].node.id;
    expect((await run<{ payout: { id: string } }>(0, 'PayoutById', { id: payoutId })).payout.id).toBe(payoutId);
    expect((await run<{ node: { __typename: string } }>(0, 'NodeById', { id: payoutId })).node.__typename).toBe('Payout');

    // Each refund's charge comes expanded in the list call: one upstream request for the page.
    const { result, calls } = await h.upstreamCalls(() => run<{ refunds: Page }>(0, 'RecentRefunds'));
    expect(result.refunds.edges.length).toBeGreaterThan(0);
    expect(calls).toEqual({ total: 1, byRoute: { 'GET /v1/refunds': 1 } });

    const { financialAccounts } = await run<{ financialAccounts: Page }>(0, 'FinancialAccounts');
    let payments = 0;
    for (const { node } of financialAccounts.edges) {
      payments += (await run<{ outboundPayments: Page }>(0, 'OutboundPayments', { financialAccount: node.id })).outboundPayments.edges.length;
    }
    expect(payments).toBeGreaterThan(0);
  });

  it('Cancel a payout: PendingPayouts finds it, CancelPayout cancels it, and again is a PayoutInvalidStateError comparable with status', async () => {
    const made = await pendingPayout(emulatorStripe(h.emulator));
    const { payouts } = await run<{ payouts: Page }>(1, 'PendingPayouts');
    expect(payouts.edges.map((e) => e.node.id)).toContain(made.id);
    const canceled = (await run<{ cancelPayout: Result }>(1, 'CancelPayout', { payoutId: made.id })).cancelPayout;
    expect(canceled).toMatchObject({ __typename: 'CancelPayoutPayload', payout: { id: made.id, status: 'CANCELED', failureBalanceTransaction: { type: 'PAYOUT_CANCEL' } } });
    const again = (await run<{ cancelPayout: Result }>(1, 'CancelPayout', { payoutId: made.id })).cancelPayout;
    expect(again).toMatchObject({ __typename: 'PayoutInvalidStateError', code: 'INVALID_STATE', currentStatus: (canceled.payout as { status: string }).status });
    // The prefilled placeholder is refused as typed input, before any upstream call.
    const placeholder = JSON.parse(tabs[1].variables!) as Record<string, unknown>;
    const { result, calls } = await h.upstreamCalls(() => run<{ cancelPayout: Result }>(1, 'CancelPayout', placeholder));
    expect(result.cancelPayout).toMatchObject({ __typename: 'InvalidInputError', code: 'BAD_USER_INPUT' });
    expect(calls.total).toBe(0);
  });

  it('Outbound payments: a PROCESSING payment of the demo data is posted, and posting it again is an OutboundPaymentInvalidStateError', async () => {
    const { financialAccounts } = await run<{ financialAccounts: Page }>(2, 'PaymentAccounts');
    const processing = [];
    for (const { node } of financialAccounts.edges) {
      processing.push(...(await run<{ outboundPayments: Page }>(2, 'ProcessingPayments', { financialAccount: node.id })).outboundPayments.edges);
    }
    expect(processing.length).toBeGreaterThan(0);
    const id = processing[0].node.id;
    expect((await run<{ postOutboundPayment: Result }>(2, 'PostOutboundPayment', { id })).postOutboundPayment).toMatchObject({
      __typename: 'PostOutboundPaymentPayload',
      outboundPayment: { id, status: 'POSTED' },
    });
    expect((await run<{ cancelOutboundPayment: Result }>(2, 'CancelOutboundPayment', { id })).cancelOutboundPayment).toMatchObject({
      __typename: 'OutboundPaymentInvalidStateError',
      currentStatus: 'POSTED',
    });
  });

  it('LivePayouts streams a payout the emulator creates, through its signed webhook', async () => {
    const live = sseSubscribe(h.url, tabs[3].query, {}, 'LivePayouts');
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

describe('GraphiQL options', () => {
  it('the open demo sends no header; with authentication configured, every tab shows where the token goes', () => {
    const open = graphiqlOptions(loadConfig({}));
    expect(open.defaultTabs?.every((tab) => tab.headers === undefined)).toBe(true);
    expect(open.headers).toBeUndefined();

    const closed = graphiqlOptions(loadConfig({ JWT_JWKS_URL: 'https://issuer.example/jwks.json', JWT_ISSUER: 'https://issuer.example/', JWT_AUDIENCE: 'gateway' }));
    expect(JSON.parse(AUTH_HEADERS_EXAMPLE)).toEqual({ Authorization: 'Bearer <token>' });
    expect(closed.defaultTabs?.map((tab) => tab.headers)).toEqual(Array(4).fill(AUTH_HEADERS_EXAMPLE));
    expect(closed).toMatchObject({ headers: AUTH_HEADERS_EXAMPLE, defaultEditorToolsVisibility: 'headers' });
  });

  it("the Live tab says what to expect: the demo's traffic, or Stripe's webhooks", () => {
    const demo = exampleTabs(loadConfig({}))[3].query;
    expect(demo).toContain('makes new payouts, outbound payments and refunds every\n# 20 s');
    expect(exampleTabs(loadConfig({ EMULATOR_TRAFFIC: '0' }))[3].query).toContain('makes no traffic of its own (EMULATOR_TRAFFIC=0)');
    expect(exampleTabs(loadConfig({ EMULATOR_SPEED: '0' }))[3].query).toContain('clock is frozen');
    expect(exampleTabs(loadConfig({ STRIPE_SECRET_KEY: 'sk_test_x', AUTH_DISABLED: 'true' }))[3].query).toContain("Stripe's webhooks");
  });
});
