// Attacks on POST /webhooks/stripe: oversized bodies, signatures dated ahead, events dated ahead,
// CORS; and WEBHOOK_REFETCH. After each attack the gateway must still answer.
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Stripe from 'stripe';
import type { Client } from 'graphql-ws';
import { createHarness, expectStillServing, type Harness } from '../harness.js';
import { emulatorStripe, pendingPayout, postWebhook, stripeEvent, wsClient, wsSubscribe } from './clients.js';

const SECRET = 'whsec_webhook_limits_test_secret';
const LIMIT = 64 * 1024;
const CHUNK = 16 * 1024;
const now = () => Math.floor(Date.now() / 1000);

/** An endless body that counts the bytes anyone pulled from it. */
function endlessBody() {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled += CHUNK;
      controller.enqueue(new Uint8Array(CHUNK).fill(0x20));
    },
  });
  return { stream, pulled: () => pulled };
}

/** The webhook's answer to an endless body, in process (no socket), with the given headers. */
async function postEndless(h: Harness, headers: Record<string, string>) {
  const body = endlessBody();
  const res = await h.gateway.yoga.fetch('http://gateway.test/webhooks/stripe', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'stripe-signature': `t=${now()},v1=00`, ...headers },
    body: body.stream,
    duplex: 'half',
  } as RequestInit);
  return { res, pulled: body.pulled };
}

/** Sends `total` bytes over a real socket (chunked unless `contentLength`), stopping once the answer arrives. */
function sendOverSocket(baseUrl: string, total: number, contentLength: boolean): Promise<{ status: number; body: string; sent: number }> {
  const url = new URL('/webhooks/stripe', baseUrl);
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = httpRequest(
      url,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'stripe-signature': `t=${now()},v1=00`,
          ...(contentLength ? { 'content-length': String(total) } : {}),
        },
      },
      (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), sent });
          req.destroy();
        });
      },
    );
    // The server may close the socket once it has answered: that is the point.
    req.on('error', (err) => (answered ? undefined : reject(err)));
    const chunk = Buffer.alloc(256 * 1024, 0x20);
    const pump = () => {
      while (!answered && sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

let h: Harness;
let stripe: Stripe;
let client: Client;

beforeAll(async () => {
  h = await createHarness({ transport: 'loopback', emulator: { seed: 'demo' }, env: { STRIPE_WEBHOOK_SECRET: SECRET, WEBHOOK_MAX_BYTES: String(LIMIT) } });
  stripe = emulatorStripe(h.emulator);
  client = wsClient(h.url);
});

afterAll(async () => {
  await client?.dispose();
  await h?.close();
});

describe('webhook body limit (WEBHOOK_MAX_BYTES)', () => {
  it('refuses a declared Content-Length over the limit with 413 before reading the body', async () => {
    const { res, pulled } = await postEndless(h, { 'content-length': String(100 * 1024 * 1024) });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { type: 'payload_too_large' } });
    // A stream fills its first chunk by itself; nobody read more.
    expect(pulled()).toBeLessThanOrEqual(CHUNK);
    await expectStillServing(h);
  });

  it('stops reading a chunked body at the limit and answers 413', async () => {
    const { res, pulled } = await postEndless(h, {});
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { type: 'payload_too_large' } });
    // The limit plus what the streams between sender and reader buffer, and no more later on.
    const read = pulled();
    expect(read).toBeLessThan(2 * LIMIT);
    await new Promise((r) => setTimeout(r, 50));
    expect(pulled()).toBe(read);
    await expectStillServing(h);
  });

  it('over a real socket: a 100 MB body is answered 413 long before it is sent, declared or chunked', async () => {
    const total = 100 * 1024 * 1024;
    for (const declared of [true, false]) {
      const { status, body, sent } = await sendOverSocket(h.url, total, declared);
      expect(status).toBe(413);
      expect(JSON.parse(body)).toMatchObject({ error: { type: 'payload_too_large' } });
      expect(sent).toBeLessThan(total / 4);
    }
    await expectStillServing(h);
  });

  it('still accepts a signed event under the limit', async () => {
    const payout = await pendingPayout(stripe);
    const res = await postWebhook(h.url, JSON.stringify(stripeEvent('payout.updated', { ...payout, description: 'small' }, now())), { secret: SECRET });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ received: true, outcome: 'published' });
  });
});

describe('webhook timestamps', () => {
  it('refuses a signature dated more than 300 s ahead (and behind), accepts one inside the window', async () => {
    const payout = await pendingPayout(stripe);
    const body = () => JSON.stringify(stripeEvent('payout.updated', { ...payout, description: 'timestamps' }, now()));
    for (const timestamp of [now() + 3600, now() + 301, now() - 301]) {
      const res = await postWebhook(h.url, body(), { secret: SECRET, timestamp });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: { type: 'invalid_signature' } });
    }
    const inside = await postWebhook(h.url, body(), { secret: SECRET, timestamp: now() + 200 });
    expect(inside.status).toBe(200);
    await expectStillServing(h);
  });

  it('an event dated years ahead is delivered, but cannot make later genuine events of its object stale', async () => {
    const payout = await pendingPayout(stripe);
    await h.emulator.webhooks.idle();
    const sub = wsSubscribe(client, 'subscription($id: ID!) { payoutUpdated(id: $id) { eventId payout { description } } }', { id: payout.id });
    for (let i = 0; i < 100 && h.gateway.live.stats().subscribers === 0; i++) await new Promise((r) => setTimeout(r, 20));

    const ahead = stripeEvent('payout.updated', { ...payout, description: 'from the future' }, now() + 5 * 365 * 86_400);
    const first = await postWebhook(h.url, JSON.stringify(ahead), { secret: SECRET });
    expect(await first.json()).toEqual({ received: true, outcome: 'published' });

    const genuine = stripeEvent('payout.updated', { ...payout, description: 'genuine, later' }, now() + 1);
    const second = await postWebhook(h.url, JSON.stringify(genuine), { secret: SECRET });
    expect(await second.json()).toEqual({ received: true, outcome: 'published' });

    // Ordering still holds for events that really are older.
    const older = stripeEvent('payout.updated', { ...payout, description: 'older' }, now() - 120);
    expect(await (await postWebhook(h.url, JSON.stringify(older), { secret: SECRET })).json()).toMatchObject({ outcome: 'stale' });

    await sub.inbox.find((r) => (r.data as { payoutUpdated?: { eventId: string } })?.payoutUpdated?.eventId === genuine.id);
    const descriptions = sub.inbox.results.map((r) => (r.data as { payoutUpdated: { payout: { description: string } } }).payoutUpdated.payout.description);
    expect(descriptions).toEqual(['from the future', 'genuine, later']);
    sub.unsubscribe();
    await expectStillServing(h);
  });
});

describe('webhook responses and CORS', () => {
  it('carry no CORS headers, for a POST from a browser origin or a preflight', async () => {
    const payout = await pendingPayout(stripe);
    const payload = JSON.stringify(stripeEvent('payout.updated', payout, now()));
    const header = (await import('stripe')).default.webhooks.generateTestHeaderString({ payload, secret: SECRET });
    const post = await fetch(`${h.url}/webhooks/stripe`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/json', 'stripe-signature': header },
      body: payload,
    });
    expect(post.status).toBe(200);
    const preflight = await fetch(`${h.url}/webhooks/stripe`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'stripe-signature' },
    });
    for (const res of [post, preflight]) {
      const cors = [...res.headers.keys()].filter((k) => k.startsWith('access-control-'));
      expect(cors).toEqual([]);
    }
    await expectStillServing(h);
  });
});

describe('WEBHOOK_REFETCH=true', () => {
  let r: Harness;
  let rStripe: Stripe;
  let rClient: Client;
  beforeAll(async () => {
    r = await createHarness({ transport: 'loopback', env: { STRIPE_WEBHOOK_SECRET: SECRET, WEBHOOK_REFETCH: 'true' } });
    rStripe = emulatorStripe(r.emulator);
    rClient = wsClient(r.url);
  });
  afterAll(async () => {
    await rClient?.dispose();
    await r?.close();
  });

  // A list subscription: a per-object one would first look the payout up as the platform.
  const WATCH = 'subscription { payoutEvents { eventId payout { id metadata } } }';
  type Delivered = { payoutEvents?: { eventId: string; payout: { metadata: Record<string, string> } } };
  const metadataOf = (x: { data?: unknown }) => (x.data as Delivered).payoutEvents!.payout.metadata;

  async function deliverStale(event: Stripe.Event, on: { h: Harness; client: Client } = { h: r, client: rClient }) {
    await on.h.emulator.webhooks.idle();
    const sub = wsSubscribe(on.client, WATCH);
    for (let i = 0; i < 100 && on.h.gateway.live.stats().subscribers === 0; i++) await new Promise((res) => setTimeout(res, 20));
    const { result: res, calls } = await on.h.upstreamCalls(() => postWebhook(on.h.url, JSON.stringify(event), { secret: SECRET }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ received: true, outcome: 'published' });
    expect(calls.byRoute['GET /v1/payouts/:id']).toBe(1);
    const delivered = await sub.inbox.find((x) => (x.data as Delivered | undefined)?.payoutEvents?.eventId === event.id);
    sub.unsubscribe();
    return delivered;
  }

  it("publishes the payout as Stripe holds it now, not the event's older snapshot", async () => {
    const payout = await pendingPayout(rStripe);
    await rStripe.payouts.update(payout.id, { metadata: { state: 'current' } });
    const delivered = await deliverStale(stripeEvent('payout.updated', { ...payout, metadata: { state: 'snapshot' } }, now()));
    expect(metadataOf(delivered)).toEqual({ state: 'current' });
    await expectStillServing(r);
  });

  it("reads it as the event's connected account (Stripe-Account)", async () => {
    const account = 'acct_1RefetchConnected';
    // Its subscribers act as that account: a connected account's changes reach only them.
    const tenant = await createHarness({
      transport: 'loopback',
      emulator: { accounts: [account] },
      env: { STRIPE_WEBHOOK_SECRET: SECRET, WEBHOOK_REFETCH: 'true', STRIPE_ACCOUNT: account },
    });
    const client = wsClient(tenant.url);
    try {
      const payout = await emulatorStripe(tenant.emulator).payouts.create({ amount: 2500, currency: 'usd', metadata: { state: 'current' } }, { stripeAccount: account });
      const event = { ...stripeEvent('payout.updated', { ...payout, metadata: {} }, now()), account } as Stripe.Event;
      const delivered = await deliverStale(event, { h: tenant, client });
      expect(metadataOf(delivered)).toEqual({ state: 'current' });
    } finally {
      await client.dispose();
      await tenant.close();
    }
  });
});
