import { afterAll, beforeAll, expect, it } from 'vitest';
import type Stripe from 'stripe';
import type { Client } from 'graphql-ws';
import { createHarness, type Harness } from '../harness.js';
import { emulatorStripe, pendingPayout, postWebhook, wsClient, wsSubscribe } from './clients.js';

const SECRET = 'whsec_poller_test_secret';
let h: Harness;
let stripe: Stripe;
let client: Client;

beforeAll(async () => {
  // A key, so the gateway treats the emulator as Stripe: no webhook endpoint is registered and only the poller feeds events.
  h = await createHarness({ transport: 'loopback', env: { STRIPE_SECRET_KEY: 'sk_test_poller', AUTH_DISABLED: 'true', STRIPE_WEBHOOK_SECRET: SECRET, EVENTS_POLL_INTERVAL_MS: '100' } });
  stripe = emulatorStripe(h.emulator);
  client = wsClient(h.url);
});

afterAll(async () => {
  await client?.dispose();
  await h?.close();
});

it('delivers events it polls from GET /v1/events, and publishes an event seen by webhook too only once', async () => {
  const payout = await pendingPayout(stripe);
  const sub = wsSubscribe(client, `subscription($id: ID!) { payoutUpdated(id: $id) { eventId type payout { id status } } }`, { id: payout.id });
  for (let i = 0; i < 100 && h.gateway.live.stats().subscribers === 0; i++) await new Promise((r) => setTimeout(r, 20));

  await stripe.payouts.cancel(payout.id);
  // Stripe reports the cancel twice (payout.updated, payout.canceled; one snapshot): whichever is polled first is delivered.
  const r = await sub.inbox.find((x) => (x.data as { payoutUpdated?: { payout: { status: string } } }).payoutUpdated?.payout.status === 'CANCELED');
  const delivered = (r.data as { payoutUpdated: { eventId: string; payout: { status: string } } }).payoutUpdated;
  expect(delivered.eventId).toMatch(/^evt_/);
  expect(delivered.payout.status).toBe('CANCELED');

  // The same event arriving by webhook as well is recognised as already published.
  const event = await stripe.events.retrieve(delivered.eventId);
  const res = await postWebhook(h.url, JSON.stringify(event), { secret: SECRET });
  expect(await res.json()).toEqual({ received: true, outcome: 'duplicate' });
  sub.unsubscribe();
});
