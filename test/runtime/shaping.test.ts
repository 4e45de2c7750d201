import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Stripe from 'stripe';
import { loadConfig } from '../../src/config.js';
import { createStripeClient } from '../../src/stripe/client.js';
import { createShapingHttpClient } from '../../src/stripe/shaper.js';
import { createEmulator, type Emulator } from '../../src/emulator/index.js';
import { createHarness, type Harness } from '../harness.js';

/**
 * Calls to Stripe are shaped (src/stripe/shaper.ts): under STRIPE_MAX_RPS, with a bounded
 * wait, 429s backed off, identical concurrent reads made once. The emulator's fault rules
 * play Stripe's limiter (`maxPerSecond`, `retryAfter`) and its request log times every call.
 */

/** Funds the platform and creates `n` payouts directly on the emulator; returns their ids. */
async function createPayouts(emulator: Emulator, n: number): Promise<string[]> {
  const stripe = new Stripe('sk_test_setup', { httpClient: Stripe.createFetchHttpClient(emulator.fetch), maxNetworkRetries: 0 });
  await stripe.charges.create({ amount: 1_000_000, currency: 'usd', source: 'tok_visa' });
  await emulator.advance(7 * 86_400);
  const ids: string[] = [];
  for (let i = 1; i <= n; i++) ids.push((await stripe.payouts.create({ amount: i * 100, currency: 'usd' })).id);
  return ids;
}

async function harnessWithPayouts(n: number, env: Record<string, string> = {}) {
  const h = await createHarness({ transport: 'in-process', emulator: { seed: 'none' }, env });
  return { h, payouts: await createPayouts(h.emulator, n) };
}

const PAGE = `{ payouts(first: 100) { edges { node { id amount status balanceTransaction { id net } } } } }`;
const ONE = `query ($id: ID!) { payout(id: $id) { id amount } }`;

describe('through the gateway (rate well above the load, 2 s wait budget)', () => {
  let h: Harness;
  let payouts: string[];
  beforeAll(async () => ({ h, payouts } = await harnessWithPayouts(3, { STRIPE_MAX_QUEUE_MS: '2000' })));
  afterAll(() => h?.close());

  it('makes one upstream call for 50 concurrent identical page-of-100 queries', async () => {
    // Stripe takes a while to answer a list with expansions; the emulator is made as slow, so the 50 overlap.
    h.emulator.faults.set([{ route: 'GET /v1/payouts', latencyMs: 300 }]);
    try {
      const { result, calls } = await h.upstreamCalls(() => Promise.all(Array.from({ length: 50 }, () => h.gql(PAGE))));
      expect(calls).toEqual({ total: 1, byRoute: { 'GET /v1/payouts': 1 } });
      for (const res of result) {
        expect(res.errors).toBeUndefined();
        expect(res.body).toBe(result[0].body);
      }
      expect(JSON.parse(result[0].body).data.payouts.edges).toHaveLength(3);
    } finally {
      h.emulator.faults.clear();
    }
  });

  it('never coalesces writes: two identical concurrent updates are two upstream calls', async () => {
    h.emulator.faults.set([{ route: 'POST /v1/payouts/:id', latencyMs: 200 }]);
    const update = `mutation ($id: ID!) { updatePayout(input: { payoutId: $id, metadata: { note: "same" } }) { __typename } }`;
    try {
      const { result, calls } = await h.upstreamCalls(() => Promise.all([h.gql(update, { id: payouts[0] }), h.gql(update, { id: payouts[0] })]));
      expect(result.map((r) => r.data)).toEqual([{ updatePayout: { __typename: 'UpdatePayoutPayload' } }, { updatePayout: { __typename: 'UpdatePayoutPayload' } }]);
      expect(calls.byRoute).toEqual({ 'POST /v1/payouts/:id': 2 });
    } finally {
      h.emulator.faults.clear();
    }
  });

  it('waits as long as Retry-After asks before retrying a 429, and the read succeeds', async () => {
    // Stripe's limiter at one read per second: of two parallel reads, one is turned away with Retry-After: 1.
    h.emulator.faults.set([{ route: 'GET /v1/payouts/:id', maxPerSecond: 1, retryAfter: 1 }]);
    try {
      const mark = h.emulator.requestLog.mark();
      const res = await h.gql(`query ($a: ID!, $b: ID!) { a: payout(id: $a) { id } b: payout(id: $b) { id } }`, { a: payouts[0], b: payouts[1] });
      expect(res.errors).toBeUndefined();
      expect(res.data).toEqual({ a: { id: payouts[0] }, b: { id: payouts[1] } });
      // Retried once, a second later: an earlier retry (exponential backoff starts at 0.25–0.5 s) would have met a second 429.
      expect(h.emulator.requestLog.since(mark).total).toBe(3);
      expect(h.emulator.requestLog.pace(mark).rateLimited).toBe(1);
    } finally {
      h.emulator.faults.clear();
    }
  });

  it('surfaces a 429 at once as RATE_LIMITED when Retry-After is beyond the wait budget', async () => {
    h.emulator.faults.set([{ route: 'GET /v1/payouts/:id', rateLimit: 1, retryAfter: 30 }]);
    try {
      const { result, calls } = await h.upstreamCalls(() => h.gql(ONE, { id: payouts[2] }));
      expect(calls.total).toBe(1);
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', stripeCode: 'rate_limit', stripeRequestId: expect.stringMatching(/^req_/) });
    } finally {
      h.emulator.faults.clear();
    }
    expect((await h.gql(ONE, { id: payouts[2] })).data).toEqual({ payout: { id: payouts[2], amount: 300 } });
  });
});

describe('shaping under load (STRIPE_MAX_RPS=10)', () => {
  const RPS = 10;
  let h: Harness;
  let payouts: string[];
  beforeAll(async () => ({ h, payouts } = await harnessWithPayouts(3 * RPS, { STRIPE_MAX_RPS: String(RPS), STRIPE_MAX_QUEUE_MS: '10000' })));
  afterAll(() => h?.close());

  it('offered twice the rate of distinct reads, queues them: no 429 reaches Stripe or the client, none fails', async () => {
    // Stripe's limiter, at the configured rate.
    h.emulator.faults.set([{ route: 'GET /v1/payouts/:id', maxPerSecond: RPS }]);
    const mark = h.emulator.requestLog.mark();
    const offered: Promise<Awaited<ReturnType<Harness['gql']>>>[] = [];
    for (const id of payouts) {
      offered.push(h.gql(ONE, { id }));
      await new Promise((r) => setTimeout(r, 1000 / (2 * RPS)));
    }
    const results = await Promise.all(offered);
    expect(results.filter((r) => r.errors)).toEqual([]);
    expect(results.map((r) => (r.data as { payout: { id: string } }).payout.id)).toEqual(payouts);
    expect(h.emulator.requestLog.since(mark).total).toBe(payouts.length);
    const pace = h.emulator.requestLog.pace(mark);
    expect(pace.rateLimited).toBe(0);
    expect(pace.peakPerSecond).toBeLessThanOrEqual(RPS);
  });
});

describe('a start delayed by a busy event loop (STRIPE_MAX_RPS=1)', () => {
  let emulator: Emulator;
  beforeAll(() => (emulator = createEmulator({ seed: 'none' })));
  afterAll(() => emulator?.close());

  /** Three distinct reads through a shaper at one call per second, the event loop kept busy from 1 s until `busyUntilMs`. */
  async function threeReadsWithABusyLoop(maxQueueMs: number, busyUntilMs: number) {
    const shaped = createShapingHttpClient(Stripe.createFetchHttpClient(emulator.fetch), { maxRequestsPerSecond: 1, maxQueueMs });
    const stripe = new Stripe('sk_test_shaping', { httpClient: shaped, maxNetworkRetries: 0 });
    const mark = emulator.requestLog.mark();
    const started = performance.now();
    const hog = new Promise<void>((resolve) =>
      setTimeout(() => {
        while (performance.now() - started < busyUntilMs);
        resolve();
      }, 1000),
    );
    const [reads] = await Promise.all([Promise.allSettled([1, 2, 3].map((limit) => stripe.payouts.list({ limit }))), hog]);
    return { reads, calls: emulator.requestLog.since(mark).total, pace: emulator.requestLog.pace(mark) };
  }

  it('holds back the calls reserved after it, so Stripe still never sees two starts within a second', async () => {
    // The second read is due about 1.05 s in, the third 1.05 s after it. The event loop is
    // kept busy until 1.3 s, so the second's timer fires late and it starts at about 1.3 s.
    const { reads, calls, pace } = await threeReadsWithABusyLoop(10_000, 1300);
    expect(reads.map((r) => r.status === 'fulfilled' && r.value.object)).toEqual(['list', 'list', 'list']);
    // Timed where Stripe sees them: the third had to wait for the second's actual start, not its reserved one.
    expect(calls).toBe(3);
    expect(pace.peakPerSecond).toBe(1);
  });

  it('still refuses a call held back past its queue budget (STRIPE_MAX_QUEUE_MS=2200) instead of starting it late', async () => {
    // Reserved at about 0, 1.05 and 2.1 s, all within the budget. The second starts at 1.7 s at
    // the earliest (the loop is busy), so the third could not start before 2.75 s: past its budget.
    const { reads, calls } = await threeReadsWithABusyLoop(2_200, 1700);
    expect(reads.slice(0, 2).map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(reads[2]).toMatchObject({ status: 'rejected', reason: { statusCode: 429, rawType: 'gateway_queue_full' } });
    expect(calls).toBe(2);
  });
});

describe('a full queue (STRIPE_MAX_RPS=2, STRIPE_MAX_QUEUE_MS=500)', () => {
  let h: Harness;
  let payouts: string[];
  beforeAll(async () => ({ h, payouts } = await harnessWithPayouts(5, { STRIPE_MAX_RPS: '2', STRIPE_MAX_QUEUE_MS: '500' })));
  afterAll(() => h?.close());

  it('refuses what would wait too long with RATE_LIMITED, before any upstream call', async () => {
    const reads = payouts.map((id, i) => `p${i}: payout(id: "${id}") { id }`).join(' ');
    const { result, calls } = await h.upstreamCalls(() => h.gql(`{ ${reads} }`));
    // Two start at once; the third's turn would come a second later, past the 0.5 s budget.
    expect(calls.total).toBe(2);
    expect(Object.values(result.data ?? {}).filter((p) => p !== null)).toHaveLength(2);
    expect(result.errors).toHaveLength(3);
    for (const error of result.errors!) {
      expect(error.extensions).toMatchObject({ code: 'RATE_LIMITED' });
      expect(error.extensions).not.toHaveProperty('stripeRequestId');
      expect(error.message).toMatch(/^The gateway is already calling Stripe as often as Stripe allows/);
    }
    expect((await h.fetch('/healthz')).status).toBe(200);
  });
});

describe('the Stripe client', () => {
  let emulator: Emulator;
  let payouts: string[];
  beforeAll(async () => {
    emulator = createEmulator({ seed: 'none' });
    payouts = await createPayouts(emulator, 1);
  });
  afterAll(() => emulator.close());

  it('gives each coalesced reader its own object, with its own lastResponse', async () => {
    const stripe = createStripeClient(loadConfig({ STRIPE_MAX_NETWORK_RETRIES: '0' }), { fetch: emulator.fetch });
    emulator.faults.set([{ route: 'GET /v1/payouts/:id', latencyMs: 100 }]);
    try {
      const mark = emulator.requestLog.mark();
      const [a, b] = await Promise.all([stripe.payouts.retrieve(payouts[0]), stripe.payouts.retrieve(payouts[0])]);
      expect(emulator.requestLog.since(mark).total).toBe(1);
      expect(a).not.toBe(b);
      expect(a).toEqual(b);
      // The SDK defines a read-only lastResponse on the object it returns: one object per reader.
      expect(a.lastResponse.requestId).toMatch(/^req_/);
      expect(b.lastResponse.requestId).toBe(a.lastResponse.requestId);
    } finally {
      emulator.faults.clear();
    }
  });

  it('retries a POST turned away with 429 with the same Idempotency-Key, and it acts once', async () => {
    const keys: string[] = [];
    const recording: typeof fetch = (input, init) => {
      if (init?.method === 'POST') keys.push(new Headers(init.headers).get('idempotency-key') ?? '');
      return emulator.fetch(input as string, init);
    };
    const stripe = createStripeClient(loadConfig({ STRIPE_MAX_NETWORK_RETRIES: '0' }), { fetch: recording });
    emulator.faults.set([{ route: 'POST /v1/payouts', maxPerSecond: 1, retryAfter: 1 }]);
    try {
      const before = emulator.counts()['(platform)']?.payout ?? 0;
      const [first, second] = await Promise.all([
        stripe.payouts.create({ amount: 100, currency: 'usd' }),
        stripe.payouts.create({ amount: 200, currency: 'usd' }),
      ]);
      expect([first.amount, second.amount]).toEqual([100, 200]);
      expect(emulator.counts()['(platform)']?.payout).toBe(before + 2);
      // Three POSTs for two payouts: the one turned away was sent again under its own key.
      expect(keys).toHaveLength(3);
      expect(new Set(keys).size).toBe(2);
      expect(keys.every((k) => k.startsWith('stripe-node-retry-'))).toBe(true);
    } finally {
      emulator.faults.clear();
    }
  });
});
