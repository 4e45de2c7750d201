import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type Stripe from 'stripe';
import type { Client } from 'graphql-ws';
import { createHarness, type Harness } from '../harness.js';
import { emulatorStripe, pendingPayout, postWebhook, sseSubscribe, stripeEvent, wsClient, wsSubscribe } from './clients.js';

const SECRET = 'whsec_subscriptions_test_secret';

const PAYOUT_UPDATED = /* GraphQL */ `
  subscription PayoutUpdated($id: ID!) {
    payoutUpdated(id: $id) {
      eventId
      type
      occurredAt
      payout {
        id
        status
        amount
        balanceTransaction { id amount }
      }
    }
  }
`;

type PayoutEventData = {
  payoutUpdated?: { eventId: string; type: string; occurredAt: string; payout: { id: string; status: string; amount: number; balanceTransaction: { id: string; amount: number } } };
};

let h: Harness;
let stripe: Stripe;
let client: Client;
const now = () => Math.floor(Date.now() / 1000);
/** Event times on the emulator's clock (its demo seed runs ahead of the wall clock), so hand-made events are newer than its own. */
let emulatorTime = 0;
const eventTime = () => (emulatorTime = Math.max(emulatorTime, h.emulator.clock.now()) + 10);

beforeAll(async () => {
  h = await createHarness({ transport: 'loopback', env: { STRIPE_WEBHOOK_SECRET: SECRET } });
  stripe = emulatorStripe(h.emulator);
  client = wsClient(h.url);
});

afterAll(async () => {
  await client?.dispose();
  await h?.close();
});

// Each test starts with no subscription held, so "the server holds it now" is a count going up from zero.
afterEach(async () => {
  for (let i = 0; i < 250 && h.gateway.live.stats().subscribers > 0; i++) await new Promise((r) => setTimeout(r, 20));
});

/** Subscribes to one payout over graphql-ws and waits until the server holds the subscription. */
async function watchPayout(id: string) {
  const before = h.gateway.live.stats().subscribers;
  const sub = wsSubscribe(client, PAYOUT_UPDATED, { id });
  for (let i = 0; i < 100 && h.gateway.live.stats().subscribers === before && !sub.inbox.completed; i++) await new Promise((r) => setTimeout(r, 20));
  return sub;
}

const WATCH_METADATA = /* GraphQL */ `
  subscription($id: ID!) { payoutUpdated(id: $id) { payout { status metadata } } }
`;
const metadataEventOf = (r: { data?: unknown }) => (r.data as { payoutUpdated?: { payout: unknown } } | undefined)?.payoutUpdated?.payout;

/** The emulator has delivered every webhook, and the gateway has had a moment to publish what it would. */
async function settled() {
  await h.emulator.webhooks.idle();
  await new Promise((r) => setTimeout(r, 150));
}

const eventIdOf = (r: { data?: unknown }) => (r.data as PayoutEventData | undefined)?.payoutUpdated?.eventId;

describe('per-object subscriptions over graphql-ws', () => {
  it('delivers a gateway mutation (cancelPayout) with nested fields resolved', async () => {
    const payout = await pendingPayout(stripe);
    const sub = await watchPayout(payout.id);

    const res = await h.gql(
      `mutation($id: ID!) { cancelPayout(input: { payoutId: $id }) { __typename ... on CancelPayoutPayload { payout { id status } } } }`,
      { id: payout.id },
    );
    expect(res.errors).toBeUndefined();

    // Whichever reports the cancel first is delivered: the gateway's own change (gw_, payout.canceled) or Stripe's webhook.
    const r = await sub.inbox.find((x) => (x.data as PayoutEventData | undefined)?.payoutUpdated?.payout.status === 'CANCELED');
    const event = (r.data as PayoutEventData).payoutUpdated!;
    expect(event.eventId.startsWith('gw_') ? event.type === 'payout.canceled' : event.eventId.startsWith('evt_')).toBe(true);
    expect(event.payout).toMatchObject({ id: payout.id, status: 'CANCELED', amount: 1234 });
    // Nested: loaded through the event's own loaders from the emulator.
    expect(event.payout.balanceTransaction.id).toMatch(/^txn_/);
    expect(event.payout.balanceTransaction.amount).toBe(-1234);
    expect(new Date(event.occurredAt).getTime()).toBeGreaterThan(0);
    sub.unsubscribe();
  });

  it("delivers a change made through the gateway once, though Stripe's webhooks for it arrive too; later changes still arrive", async () => {
    const payout = await pendingPayout(stripe);
    await h.emulator.webhooks.idle(); // payout.created is not part of this test
    const sub = wsSubscribe(client, WATCH_METADATA, { id: payout.id });
    for (let i = 0; i < 100 && h.gateway.live.stats().subscribers === 0 && !sub.inbox.completed; i++) await new Promise((r) => setTimeout(r, 20));

    const cancel = await h.gql(`mutation($id: ID!) { cancelPayout(input: { payoutId: $id }) { __typename } }`, { id: payout.id });
    expect(cancel.data).toEqual({ cancelPayout: { __typename: 'CancelPayoutPayload' } });
    await sub.inbox.waitFor(1);
    await settled();
    // Stripe did send its events for the cancel to the gateway (payout.updated and payout.canceled)...
    const sent = await stripe.events.list({ type: 'payout.*', created: { gte: payout.created }, limit: 100 });
    const forCancel = sent.data.filter((e) => (e.data.object as Stripe.Payout).id === payout.id && (e.data.object as Stripe.Payout).status === 'canceled');
    expect(forCancel.map((e) => e.type).sort()).toEqual(['payout.canceled', 'payout.updated']);
    expect(forCancel.every((e) => e.pending_webhooks === 0)).toBe(true);
    // ...yet the subscriber saw the cancel once.
    expect(sub.inbox.results.map(metadataEventOf)).toEqual([{ status: 'CANCELED', metadata: {} }]);

    const update = await h.gql(`mutation($id: ID!) { updatePayout(input: { payoutId: $id, metadata: { note: "later" } }) { __typename } }`, { id: payout.id });
    expect(update.data).toEqual({ updatePayout: { __typename: 'UpdatePayoutPayload' } });
    await sub.inbox.waitFor(2);
    await settled();
    expect(sub.inbox.results.map(metadataEventOf)).toEqual([
      { status: 'CANCELED', metadata: {} },
      { status: 'CANCELED', metadata: { note: 'later' } },
    ]);
    expect(sub.inbox.results.every((r) => r.errors === undefined)).toBe(true);
    sub.unsubscribe();
  });

  it('delivers a signed webhook, and never a bad, stale, malformed, unsigned, repeated or older one', async () => {
    const payout = await pendingPayout(stripe);
    const sub = await watchPayout(payout.id);
    const t = eventTime();

    const good = stripeEvent('payout.updated', { ...payout, description: 'first' }, t);
    const goodBody = JSON.stringify(good);
    const first = await postWebhook(h.url, goodBody, { secret: SECRET });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ received: true, outcome: 'published' });

    // Redelivery of the same event: accepted (200, so Stripe stops retrying) but not published again.
    const again = await postWebhook(h.url, goodBody, { secret: SECRET });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ outcome: 'duplicate' });

    const rejected = [
      await postWebhook(h.url, JSON.stringify(stripeEvent('payout.paid', payout, t)), { secret: 'whsec_someone_else' }),
      await postWebhook(h.url, JSON.stringify(stripeEvent('payout.paid', payout, t)), { secret: SECRET, timestamp: now() - 301 }),
      await postWebhook(h.url, '{"id": "evt_1", "type": "payout.paid", ', { secret: SECRET }),
      await postWebhook(h.url, JSON.stringify({ hello: 'world' }), { secret: SECRET }),
      await postWebhook(h.url, JSON.stringify(stripeEvent('payout.paid', payout, t)), { header: null }),
    ];
    const types: string[] = [];
    for (const res of rejected) {
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/json');
      types.push(((await res.json()) as { error: { type: string } }).error.type);
    }
    expect(types).toEqual(['invalid_signature', 'invalid_signature', 'malformed_body', 'malformed_body', 'missing_signature']);

    // An older snapshot arriving after a newer one is not delivered as the latest. Events are
    // ordered by their time but never later than their arrival (`t` lies ahead, on the emulator's
    // clock), so "older" means older than the wall clock when `good` arrived.
    const older = await postWebhook(h.url, JSON.stringify(stripeEvent('payout.updated', { ...payout, description: 'older' }, now() - 60)), { secret: SECRET });
    expect(await older.json()).toMatchObject({ outcome: 'stale' });

    const last = stripeEvent('payout.updated', { ...payout, description: 'last' }, t + 1);
    emulatorTime = t + 1;
    expect((await postWebhook(h.url, JSON.stringify(last), { secret: SECRET })).status).toBe(200);

    await sub.inbox.find((x) => eventIdOf(x) === last.id);
    expect(sub.inbox.results.map(eventIdOf)).toEqual([good.id, last.id]);
    expect(sub.inbox.results[0].errors).toBeUndefined();
    sub.unsubscribe();
  });

  it('reads nested objects fresh for every delivered event, not once per subscription', async () => {
    const payout = await pendingPayout(stripe);
    const sub = await watchPayout(payout.id);
    const { calls } = await h.upstreamCalls(async () => {
      for (const description of ['one', 'two']) {
        await postWebhook(h.url, JSON.stringify(stripeEvent('payout.updated', { ...payout, description }, eventTime())), { secret: SECRET });
      }
      await sub.inbox.waitFor(2);
    });
    expect(sub.inbox.results.every((r) => r.errors === undefined)).toBe(true);
    // The payout itself comes from each event's snapshot; its balance transaction is read again for each event.
    expect(calls.byRoute).toEqual({ 'GET /v1/balance_transactions/:id': 2 });
    sub.unsubscribe();
  });

  it('answers 200 and publishes nothing for event types no subscription serves', async () => {
    const res = await postWebhook(h.url, JSON.stringify(stripeEvent('customer.created', { id: 'cus_1' }, now())), { secret: SECRET });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ received: true, outcome: 'ignored' });
  });

  it('refuses an id with the wrong prefix before any upstream call, and an unknown id with NOT_FOUND', async () => {
    const { result: wrong, calls } = await h.upstreamCalls(async () => {
      const sub = wsSubscribe(client, PAYOUT_UPDATED, { id: 're_123' });
      await sub.inbox.waitFor(1);
      return sub.inbox.results[0];
    });
    expect(wrong.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(calls.total).toBe(0);

    const unknown = wsSubscribe(client, PAYOUT_UPDATED, { id: 'po_doesnotexist' });
    await unknown.inbox.waitFor(2); // resolves when the server completes the operation
    expect(unknown.inbox.results[0].errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(unknown.inbox.completed).toBe(true);
    expect(h.gateway.live.stats().subscribers).toBe(0);
  });

  it("follows a payout to PAID end to end: emulator clock → signed webhook over loopback → subscriber, each of Stripe's events once", async () => {
    const payout = await pendingPayout(stripe);
    await h.emulator.webhooks.idle();
    const sub = await watchPayout(payout.id);
    await h.emulator.advance(7 * 24 * 3600);
    await settled();

    // Stripe reports arrival as payout.updated and payout.paid (one snapshot): both reach the client, which can switch on the type.
    const delivered = sub.inbox.results.map((x) => (x.data as PayoutEventData).payoutUpdated!);
    expect(delivered.map((e) => [e.type, e.payout.status])).toEqual([
      ['payout.updated', 'IN_TRANSIT'],
      ['payout.updated', 'PAID'],
      ['payout.paid', 'PAID'],
    ]);
    const event = delivered[2];
    expect(event.eventId).toMatch(/^evt_/);
    expect(event.payout.balanceTransaction.id).toMatch(/^txn_/);
    sub.unsubscribe();
  });
});

describe('list subscriptions', () => {
  it('filters payoutEvents by status', async () => {
    const sub = wsSubscribe(client, `subscription { payoutEvents(status: [PAID]) { eventId payout { id status } } }`);
    for (let i = 0; i < 100 && h.gateway.live.stats().subscribers === 0; i++) await new Promise((r) => setTimeout(r, 20));
    const payout = await pendingPayout(stripe);
    const t = eventTime();
    await postWebhook(h.url, JSON.stringify(stripeEvent('payout.updated', { ...payout, status: 'in_transit' }, t)), { secret: SECRET });
    const paidEvent = stripeEvent('payout.paid', { ...payout, status: 'paid' }, t + 1);
    emulatorTime = t + 1;
    await postWebhook(h.url, JSON.stringify(paidEvent), { secret: SECRET });
    const r = await sub.inbox.find((x) => (x.data as { payoutEvents?: { eventId: string } }).payoutEvents?.eventId === paidEvent.id);
    expect(r.data).toEqual({ payoutEvents: { eventId: paidEvent.id, payout: { id: payout.id, status: 'PAID' } } });
    expect(sub.inbox.results.every((x) => (x.data as { payoutEvents: { payout: { status: string } } }).payoutEvents.payout.status === 'PAID')).toBe(true);
    sub.unsubscribe();
  });
});

describe('Server-Sent Events', () => {
  it('delivers a webhook to an SSE subscriber', async () => {
    const payout = await pendingPayout(stripe);
    const before = h.gateway.live.stats().subscribers;
    const sse = sseSubscribe(h.url, PAYOUT_UPDATED, { id: payout.id });
    await sse.opened;
    for (let i = 0; i < 100 && h.gateway.live.stats().subscribers === before; i++) await new Promise((r) => setTimeout(r, 20));

    const event = stripeEvent('payout.updated', { ...payout, description: 'via sse' }, eventTime());
    expect((await postWebhook(h.url, JSON.stringify(event), { secret: SECRET })).status).toBe(200);
    const r = await sse.inbox.find((x) => eventIdOf(x) === event.id);
    expect((r.data as PayoutEventData).payoutUpdated!.payout).toMatchObject({ id: payout.id, status: 'PENDING' });
    sse.close();
  });
});
