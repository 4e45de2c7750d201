import { afterAll, beforeAll, expect, it } from 'vitest';
import type Stripe from 'stripe';
import type { Client } from 'graphql-ws';
import type { ExecutionResult } from 'graphql';
import { createHarness, type Harness } from '../harness.js';
import { emulatorStripe, pendingPayout, postWebhook, sseSubscribe, stripeEvent, wsClient, wsSubscribe, type WsSubscription } from './clients.js';

// Subscribers asking the same thing share one execution per event (src/server/shared-subscriptions.ts).

const SECRET = 'whsec_shared_subscriptions_test';
const WATCH = /* GraphQL */ `
  subscription Watch($id: ID!) {
    payoutUpdated(id: $id) { eventId payout { id description balanceTransaction { id fee } } }
  }
`;
type Watched = { payoutUpdated: { eventId: string; payout: { id: string; description: string | null; balanceTransaction: { id: string; fee: number } } } };

let h: Harness;
let stripe: Stripe;
const clients: Client[] = [];
let eventTime = 0;

beforeAll(async () => {
  h = await createHarness({ transport: 'loopback', env: { STRIPE_WEBHOOK_SECRET: SECRET } });
  stripe = emulatorStripe(h.emulator);
  eventTime = h.emulator.clock.now();
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await h?.close();
});

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 250 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
  expect(check()).toBe(true);
}

/** Posts a signed payout.updated webhook carrying `payout` with a new description. */
async function changeDescription(payout: Stripe.Payout, description: string): Promise<string> {
  const event = stripeEvent('payout.updated', { ...payout, description }, (eventTime += 10));
  expect((await postWebhook(h.url, JSON.stringify(event), { secret: SECRET })).status).toBe(200);
  return event.id;
}

const eventIdOf = (r: ExecutionResult) => (r.data as Watched | undefined)?.payoutUpdated.eventId;

it('runs one execution per event for every subscriber of the same operation and variables, over graphql-ws and SSE alike', async () => {
  const [payout, other] = [await pendingPayout(stripe), await pendingPayout(stripe)];
  await h.emulator.webhooks.idle();
  const ws: WsSubscription[] = [];
  for (let i = 0; i < 20; i++) {
    const client = wsClient(h.url);
    clients.push(client);
    ws.push(wsSubscribe(client, WATCH, { id: payout.id }));
  }
  const sse = sseSubscribe(h.url, WATCH, { id: payout.id });
  const elsewhere = wsSubscribe(clients[0], WATCH, { id: other.id });
  await until(() => h.gateway.live.stats().subscribers === 22);
  // 21 subscribers of one payout share one stream; the other payout has its own.
  expect(h.gateway.live.stats().listeners).toBe(2);

  const { result: eventId, calls } = await h.upstreamCalls(async () => {
    const id = await changeDescription(payout, 'shared');
    await Promise.all([...ws, sse].map((s) => s.inbox.find((r) => eventIdOf(r) === id)));
    return id;
  });
  // One execution: the balance transaction (not in the webhook's snapshot) is read once, not 21 times.
  expect(calls.byRoute).toEqual({ 'GET /v1/balance_transactions/:id': 1 });
  for (const s of [...ws, sse]) {
    const delivered = s.inbox.results.filter((r) => eventIdOf(r) === eventId);
    expect(delivered).toHaveLength(1);
    expect(delivered[0].errors).toBeUndefined();
    expect((delivered[0].data as Watched).payoutUpdated.payout).toMatchObject({ id: payout.id, description: 'shared', balanceTransaction: { id: payout.balance_transaction } });
  }
  expect(elsewhere.inbox.results).toHaveLength(0);

  // Half leave: the rest keep receiving; the stream stays.
  for (const s of ws.slice(0, 10)) s.unsubscribe();
  sse.close();
  await until(() => h.gateway.live.stats().subscribers === 11);
  const next = await changeDescription(payout, 'after some left');
  for (const s of ws.slice(10)) await s.inbox.find((r) => eventIdOf(r) === next);
  for (const s of ws.slice(0, 10)) expect(s.inbox.results.map(eventIdOf)).not.toContain(next);

  // The last one out releases the stream and its pubsub listener.
  for (const s of ws.slice(10)) s.unsubscribe();
  await until(() => h.gateway.live.stats().subscribers === 1);
  expect(h.gateway.live.stats().listeners).toBe(1);
  elsewhere.unsubscribe();
  await until(() => h.gateway.live.stats().subscribers === 0);
  expect(h.gateway.live.stats().listeners).toBe(0);
});

it('starts a new stream for a subscriber arriving after the last one left, and refuses an unknown id on its own', async () => {
  const payout = await pendingPayout(stripe);
  await h.emulator.webhooks.idle();
  const client = wsClient(h.url);
  clients.push(client);

  const first = wsSubscribe(client, WATCH, { id: payout.id });
  await until(() => h.gateway.live.stats().subscribers === 1);
  first.unsubscribe();
  await until(() => h.gateway.live.stats().listeners === 0);

  const again = wsSubscribe(client, WATCH, { id: payout.id });
  const unknown = wsSubscribe(client, WATCH, { id: 'po_doesnotexist' });
  await until(() => h.gateway.live.stats().subscribers === 1 && unknown.inbox.completed);
  expect(unknown.inbox.results[0].errors?.[0].extensions?.code).toBe('NOT_FOUND');

  const id = await changeDescription(payout, 'again');
  expect((await again.inbox.find((r) => eventIdOf(r) === id)).errors).toBeUndefined();
  again.unsubscribe();
  await until(() => h.gateway.live.stats().subscribers === 0 && h.gateway.live.stats().listeners === 0);
});

it('delivers a read that failed during a shared event to every subscriber as a coded error, and goes on after it', async () => {
  const payout = await pendingPayout(stripe);
  await h.emulator.webhooks.idle();
  const client = wsClient(h.url);
  clients.push(client);
  const ws = Array.from({ length: 5 }, () => wsSubscribe(client, WATCH, { id: payout.id }));
  const sse = sseSubscribe(h.url, WATCH, { id: payout.id });
  await until(() => h.gateway.live.stats().subscribers === 6);

  h.emulator.faults.set([{ route: 'GET /v1/balance_transactions/:id', serverError: 1 }]);
  try {
    const id = await changeDescription(payout, 'while Stripe fails');
    for (const s of [...ws, sse]) {
      const result = await s.inbox.find((r) => eventIdOf(r) === id);
      expect(result.errors).toEqual([
        expect.objectContaining({ path: ['payoutUpdated', 'payout', 'balanceTransaction'], extensions: expect.objectContaining({ code: 'UPSTREAM_ERROR' }) }),
      ]);
    }
  } finally {
    h.emulator.faults.clear();
  }
  const recovered = await changeDescription(payout, 'Stripe is back');
  for (const s of [...ws, sse]) expect((await s.inbox.find((r) => eventIdOf(r) === recovered)).errors).toBeUndefined();

  for (const s of ws) s.unsubscribe();
  sse.close();
  await until(() => h.gateway.live.stats().subscribers === 0);
});

it('gives graphql-ws subscribers (written to directly) and SSE subscribers of one stream the same result, masked the same way', async () => {
  const payout = await pendingPayout(stripe);
  await h.emulator.webhooks.idle();
  const AMOUNT = 'subscription Amount($id: ID!) { payoutUpdated(id: $id) { eventId payout { id amount } } }';
  const client = wsClient(h.url);
  clients.push(client);
  const ws = wsSubscribe(client, AMOUNT, { id: payout.id });
  const sse = sseSubscribe(h.url, AMOUNT, { id: payout.id });
  await until(() => h.gateway.live.stats().subscribers === 2);

  // A snapshot whose amount is not an Int: the field fails, and its cause is not shown.
  const event = stripeEvent('payout.updated', { ...payout, amount: 'not a number' } as unknown as Stripe.Payout, (eventTime += 10));
  expect((await postWebhook(h.url, JSON.stringify(event), { secret: SECRET })).status).toBe(200);
  const fromWs = await ws.inbox.find(() => true);
  const fromSse = await sse.inbox.find(() => true);
  expect(fromWs).toEqual(fromSse);
  expect(fromWs.errors).toEqual([
    expect.objectContaining({ message: 'Unexpected error.', path: ['payoutUpdated', 'payout', 'amount'], extensions: expect.objectContaining({ code: 'INTERNAL_SERVER_ERROR' }) }),
  ]);

  ws.unsubscribe();
  sse.close();
  await until(() => h.gateway.live.stats().subscribers === 0);
});
