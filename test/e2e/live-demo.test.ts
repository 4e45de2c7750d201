import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from 'graphql-ws';
import { wsClient, wsSubscribe, type WsSubscription } from '../subscriptions/clients.js';
import { startGatewayProcess, stopGatewayProcess, type GatewayProcess } from '../lifecycle/process.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** `npm start`'s entry as a first-time user runs it: emulator mode, clock ×60, demo traffic as configured. */
const start = (env: Record<string, string>) => startGatewayProcess(['node', '--import', 'tsx', 'src/main.ts'], ROOT, env);

async function gql<T>(s: GatewayProcess, query: string, variables?: Record<string, unknown>): Promise<T> {
  const res = await fetch(`${s.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown };
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data!;
}

const PAYOUT_EVENTS = 'subscription { payoutEvents { eventId type occurredAt payout { id status created } } }';
const OBP_EVENTS = 'subscription ($fa: ID!) { outboundPaymentEvents(financialAccount: $fa) { type occurredAt outboundPayment { id status } } }';
type PayoutEvent = { eventId: string; type: string; occurredAt: string; payout: { id: string; status: string; created: string } };
const payoutEvent = (r: { data?: Record<string, unknown> | null }) => r.data?.payoutEvents as PayoutEvent;

/** The first event's arrival, in seconds after the gateway was ready. */
async function firstEventAfterReady(s: GatewayProcess, sub: WsSubscription, timeoutMs: number): Promise<number> {
  await sub.inbox.waitFor(1, timeoutMs);
  return (performance.now() - s.readyAt) / 1000;
}

describe('a fresh npm start is live from the first minute (the embedded emulator keeps demo traffic going)', () => {
  let live: GatewayProcess | undefined;
  let quiet: GatewayProcess | undefined;
  let liveClient: Client | undefined;
  let quietClient: Client | undefined;
  let payouts: WsSubscription;
  let payments: WsSubscription;
  let quietPayouts: WsSubscription;

  beforeAll(async () => {
    // GatewayProcess side by side: the quiet one's silence is watched while the live one is tested.
    [live, quiet] = await Promise.all([start({}), start({ EMULATOR_TRAFFIC: '0' })]);
    liveClient = wsClient(live.url);
    quietClient = wsClient(quiet.url);
    quietPayouts = wsSubscribe(quietClient, PAYOUT_EVENTS);
    // What a user does first: list the financial accounts, subscribe to one of them.
    const { financialAccounts } = await gql<{ financialAccounts: { edges: { node: { id: string } }[] } }>(live, '{ financialAccounts(first: 5) { edges { node { id } } } }');
    payouts = wsSubscribe(liveClient, PAYOUT_EVENTS);
    payments = wsSubscribe(liveClient, OBP_EVENTS, { fa: financialAccounts.edges.at(-1)!.node.id });
  }, 90_000);

  afterAll(async () => {
    await Promise.all([liveClient?.dispose(), quietClient?.dispose()]);
    await Promise.all([stopGatewayProcess(live), stopGatewayProcess(quiet)]);
  });

  it('payoutEvents and outboundPaymentEvents deliver their first event within 15 s of ready, over graphql-ws', async () => {
    const [payoutAfter, paymentAfter] = await Promise.all([firstEventAfterReady(live!, payouts, 15_000), firstEventAfterReady(live!, payments, 15_000)]);
    expect(payoutAfter).toBeLessThan(15);
    expect(paymentAfter).toBeLessThan(15);
    expect(payoutEvent(payouts.inbox.results[0]).type).toMatch(/^payout\./);
    expect(payments.inbox.results[0].data?.outboundPaymentEvents).toMatchObject({ type: expect.stringMatching(/^treasury\.outbound_payment\./) });
    expect(live!.output()).toContain('demo traffic: new payouts, outbound payments and refunds every 20 s');
  }, 20_000);

  it("a mutation's event is dated by the emulator's clock, so it sorts among the emulator's own events", async () => {
    const before = payouts.inbox.results.length;
    const { createPayout } = await gql<{ createPayout: { payout: { id: string; created: string } } }>(
      live!,
      'mutation { createPayout(input: { amount: 1234, currency: "usd" }) { ... on CreatePayoutPayload { payout { id created } } } }',
    );
    const mine = payoutEvent(await payouts.inbox.find((r) => payoutEvent(r).payout.id === createPayout.payout.id, 5_000));
    // Dated as the emulator made the payout, not by the gateway's clock (minutes behind the ×60 emulator).
    expect(Math.abs(Date.parse(mine.occurredAt) - Date.parse(createPayout.payout.created))).toBeLessThanOrEqual(2_000);
    expect(Date.parse(mine.occurredAt) - Date.now()).toBeGreaterThan(60_000);
    // The next event the emulator sends (the traffic's next step, within 20 s) is dated after it.
    const index = payouts.inbox.results.findIndex((r) => payoutEvent(r).payout.id === createPayout.payout.id);
    const next = payoutEvent(await payouts.inbox.find((r) => payouts.inbox.results.indexOf(r) > index && payoutEvent(r).payout.id !== createPayout.payout.id, 25_000));
    const earlier = payouts.inbox.results.slice(0, before).map((r) => Date.parse(payoutEvent(r).occurredAt));
    expect(Math.max(...earlier)).toBeLessThanOrEqual(Date.parse(mine.occurredAt));
    expect(Date.parse(next.occurredAt)).toBeGreaterThanOrEqual(Date.parse(mine.occurredAt));
  }, 35_000);

  it('EMULATOR_TRAFFIC=0 makes no traffic: nothing happens past the first traffic step', async () => {
    // The traffic's first step comes 2 s after ready and the next 20 s later: wait past both.
    const wait = quiet!.readyAt + 25_000 - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    expect(quietPayouts.inbox.results).toEqual([]);
    expect(quiet!.output()).toContain('no demo traffic (EMULATOR_TRAFFIC=0)');
  }, 30_000);
});
