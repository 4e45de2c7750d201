import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../../src/emulator/index.js';
import { inProcessStripe, stripeError } from './support.js';

interface Received {
  body: string;
  signature: string;
}

/** A tiny webhook receiver: records every POST; the first `failFirst` attempts answer 500. */
async function receiver(failFirst = 0): Promise<{ url: string; received: Received[]; attempts: () => number; server: Server }> {
  const received: Received[] = [];
  let attempts = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      attempts++;
      if (attempts <= failFirst) return void res.writeHead(500).end('not yet');
      received.push({ body: Buffer.concat(chunks).toString('utf8'), signature: String(req.headers['stripe-signature']) });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, received, attempts: () => attempts, server };
}

const CONNECTED_A = 'acct_1WebhooksConnectA';
const CONNECTED_B = 'acct_1WebhooksConnectB';

describe('webhooks and events', () => {
  let emulator: Emulator;
  let stripe: Stripe;
  const servers: Server[] = [];
  beforeEach(() => {
    emulator = createEmulator({ webhookRetryDelayMs: 20, accounts: [CONNECTED_A, CONNECTED_B] });
    stripe = inProcessStripe(emulator);
  });
  afterEach(async () => {
    await emulator.close();
    for (const s of servers.splice(0)) await new Promise((r) => s.close(r));
  });

  it('delivers signed events the SDK verifies, in order per object', async () => {
    const hook = await receiver();
    servers.push(hook.server);
    const endpoint = await stripe.webhookEndpoints.create({ url: hook.url, enabled_events: ['payout.created', 'payout.canceled', 'payout.updated'] });
    expect(endpoint.secret).toMatch(/^whsec_/);
    expect((await stripe.webhookEndpoints.retrieve(endpoint.id)).secret).toBeUndefined();

    const payout = await stripe.payouts.create({ amount: 100, currency: 'usd' });
    await stripe.payouts.update(payout.id, { metadata: { step: '2' } });
    await stripe.payouts.cancel(payout.id);
    await emulator.webhooks.idle();

    const events = hook.received.map((r) => stripe.webhooks.constructEvent(r.body, r.signature, endpoint.secret!));
    expect(events.map((e) => e.type)).toEqual(['payout.created', 'payout.updated', 'payout.updated', 'payout.canceled']);
    expect(events.every((e) => (e.data.object as Stripe.Payout).id === payout.id)).toBe(true);
    expect(events[1].data.previous_attributes).toEqual({ metadata: {} });
    expect((events[3].data.object as Stripe.Payout).status).toBe('canceled');
    expect(events[0]).toMatchObject({ object: 'event', api_version: '2026-10-28.endive', livemode: false });
    expect(events[0].request?.idempotency_key).toMatch(/^stripe-node-retry-/);

    expect(() => stripe.webhooks.constructEvent(hook.received[0].body, hook.received[0].signature, 'whsec_wrong')).toThrow(
      Stripe.errors.StripeSignatureVerificationError,
    );
    const listed = await stripe.events.list({ delivery_success: true });
    expect(listed.data).toHaveLength(4);
  });

  it('retries a failed delivery and delivers once the endpoint answers 2xx', async () => {
    const hook = await receiver(2);
    servers.push(hook.server);
    const endpoint = await stripe.webhookEndpoints.create({ url: hook.url, enabled_events: ['payout.created'] });
    await stripe.payouts.create({ amount: 100, currency: 'usd' });
    expect((await stripe.events.list({ delivery_success: false })).data).toHaveLength(1);
    await emulator.webhooks.idle();
    expect(hook.attempts()).toBe(3);
    expect(hook.received).toHaveLength(1);
    expect(stripe.webhooks.constructEvent(hook.received[0].body, hook.received[0].signature, endpoint.secret!).type).toBe('payout.created');
    expect((await stripe.events.list({ delivery_success: true })).data).toHaveLength(1);
  });

  it('does not deliver to deleted endpoints or events not enabled', async () => {
    const hook = await receiver();
    servers.push(hook.server);
    const only = await stripe.webhookEndpoints.create({ url: hook.url, enabled_events: ['payout.canceled'] });
    const gone = await stripe.webhookEndpoints.create({ url: hook.url, enabled_events: ['*'] });
    expect(await stripe.webhookEndpoints.del(gone.id)).toMatchObject({ id: gone.id, deleted: true });
    expect((await stripe.webhookEndpoints.list()).data.map((e) => e.id)).toEqual([only.id]);
    const payout = await stripe.payouts.create({ amount: 100, currency: 'usd' });
    await stripe.payouts.cancel(payout.id);
    await emulator.webhooks.idle();
    expect(hook.received.map((r) => JSON.parse(r.body).type)).toEqual(['payout.canceled']);
  });

  it("routes Connect events: connect endpoints get connected accounts' events with `account`, other endpoints only their own account's", async () => {
    const [platformHook, connectHook, ownHook] = [await receiver(), await receiver(), await receiver()];
    servers.push(platformHook.server, connectHook.server, ownHook.server);
    const platformEndpoint = await stripe.webhookEndpoints.create({ url: platformHook.url, enabled_events: ['payout.created'] });
    const connectEndpoint = await stripe.webhookEndpoints.create({ url: connectHook.url, enabled_events: ['payout.created'], connect: true });
    // A connected account's own (account) endpoint.
    const ownEndpoint = await stripe.webhookEndpoints.create({ url: ownHook.url, enabled_events: ['payout.created'] }, { stripeAccount: CONNECTED_B });
    // As on Stripe, `connect` is not a field of the endpoint object.
    expect(connectEndpoint).not.toHaveProperty('connect');
    expect(await stripe.webhookEndpoints.retrieve(connectEndpoint.id)).not.toHaveProperty('connect');

    const onPlatform = await stripe.payouts.create({ amount: 1, currency: 'usd' });
    const onA = await stripe.payouts.create({ amount: 2, currency: 'usd' }, { stripeAccount: CONNECTED_A });
    const onB = await stripe.payouts.create({ amount: 3, currency: 'usd' }, { stripeAccount: CONNECTED_B });
    await emulator.webhooks.idle();

    const seen = (hook: Awaited<ReturnType<typeof receiver>>, secret: string) =>
      hook.received.map((r) => {
        const event = stripe.webhooks.constructEvent(r.body, r.signature, secret);
        return { account: event.account, payout: (event.data.object as Stripe.Payout).id };
      });
    expect(seen(platformHook, platformEndpoint.secret!)).toEqual([{ account: undefined, payout: onPlatform.id }]);
    expect(seen(connectHook, connectEndpoint.secret!)).toEqual([
      { account: CONNECTED_A, payout: onA.id },
      { account: CONNECTED_B, payout: onB.id },
    ]);
    expect(seen(ownHook, ownEndpoint.secret!)).toEqual([{ account: CONNECTED_B, payout: onB.id }]);
    // B's event counted both endpoints that received it.
    expect((await stripe.events.list({ delivery_success: true }, { stripeAccount: CONNECTED_B })).data.map((e) => e.type)).toEqual(['payout.created']);
  });

  it('lists events by type wildcard, types and created; retrieves one', async () => {
    const p = await stripe.payouts.create({ amount: 100, currency: 'usd' });
    await emulator.advance(10);
    await stripe.payouts.cancel(p.id);
    await stripe.webhookEndpoints.create({ url: 'http://127.0.0.1:9/none', enabled_events: ['account.updated'] });
    const types = async (params: Stripe.EventListParams) => (await stripe.events.list(params)).data.map((e) => e.type);
    expect(await types({ type: 'payout.*' })).toEqual(['payout.canceled', 'payout.updated', 'payout.created']);
    expect(await types({ type: 'payout.created' })).toEqual(['payout.created']);
    expect(await types({ types: ['payout.created', 'payout.canceled'] })).toEqual(['payout.canceled', 'payout.created']);
    const first = (await stripe.events.list({ type: 'payout.created' })).data[0];
    expect(await types({ created: { gt: first.created } })).toEqual(['payout.canceled', 'payout.updated']);
    expect((await stripe.events.retrieve(first.id)).id).toBe(first.id);
    expect((await stripeError(() => stripe.events.list({ type: 'payout.*', types: ['payout.created'] }))).statusCode).toBe(400);
    expect((await stripeError(() => stripe.events.list({ types: Array.from({ length: 21 }, (_, i) => `t.${i}`) }))).statusCode).toBe(400);
  });
});
