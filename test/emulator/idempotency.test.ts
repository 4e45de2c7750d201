import Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../../src/emulator/index.js';
import { admin, inProcessStripe, loopbackStripe, stored, stripeError } from './support.js';

describe('idempotency', () => {
  let emulator: Emulator;
  let stripe: Stripe;
  beforeEach(() => {
    emulator = createEmulator({ startTime: 1_700_000_000, accounts: ['acct_1Connected'] });
    stripe = inProcessStripe(emulator);
  });
  afterEach(() => emulator.close());

  it('replays the same answer for the same key: one payout in the store', async () => {
    const first = await stripe.payouts.create({ amount: 1000, currency: 'usd' }, { idempotencyKey: 'order-1' });
    const replay = await stripe.payouts.create({ amount: 1000, currency: 'usd' }, { idempotencyKey: 'order-1' });
    expect(replay.id).toBe(first.id);
    expect(replay.lastResponse.requestId).toBe(first.lastResponse.requestId);
    expect(stored(emulator, 'payout')).toHaveLength(1);
  });

  it('refuses the same key with other params or another endpoint', async () => {
    const first = await stripe.payouts.create({ amount: 1000, currency: 'usd' }, { idempotencyKey: 'order-2' });
    const otherParams = await stripeError(() => stripe.payouts.create({ amount: 2000, currency: 'usd' }, { idempotencyKey: 'order-2' }));
    expect(otherParams).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(otherParams.statusCode).toBe(400);
    const otherPath = await stripeError(() => stripe.payouts.update(first.id, { metadata: { a: 'b' } }, { idempotencyKey: 'order-2' }));
    expect(otherPath).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(stored(emulator, 'payout')).toHaveLength(1);
  });

  it('does not keep refused requests, and keys are per account', async () => {
    await stripeError(() => stripe.payouts.create({ amount: 0, currency: 'usd' }, { idempotencyKey: 'k' }));
    const ok = await stripe.payouts.create({ amount: 5, currency: 'usd' }, { idempotencyKey: 'k' });
    const connected = await stripe.payouts.create({ amount: 5, currency: 'usd' }, { idempotencyKey: 'k', stripeAccount: 'acct_1Connected' });
    expect(connected.id).not.toBe(ok.id);
  });

  it('runs the key as a new request after 24 h of emulator time', async () => {
    const first = await stripe.payouts.create({ amount: 1000, currency: 'usd' }, { idempotencyKey: 'daily' });
    await emulator.advance(23 * 3600);
    expect((await stripe.payouts.create({ amount: 1000, currency: 'usd' }, { idempotencyKey: 'daily' })).id).toBe(first.id);
    await emulator.advance(3600);
    const later = await stripe.payouts.create({ amount: 1000, currency: 'usd' }, { idempotencyKey: 'daily' });
    expect(later.id).not.toBe(first.id);
    expect(stored(emulator, 'payout')).toHaveLength(2);
  });

  it('answers 409 to a concurrent duplicate while the first is in flight', async () => {
    emulator.faults.set([{ route: 'POST /v1/payouts', latencyMs: 150 }]);
    const [a, b] = await Promise.allSettled([
      stripe.payouts.create({ amount: 10, currency: 'usd' }, { idempotencyKey: 'race' }),
      new Promise((r) => setTimeout(r, 30)).then(() => stripe.payouts.create({ amount: 10, currency: 'usd' }, { idempotencyKey: 'race' })),
    ]);
    expect(a.status).toBe('fulfilled');
    expect(b.status).toBe('rejected');
    expect((b as PromiseRejectedResult).reason).toMatchObject({ statusCode: 409, code: 'idempotency_key_in_use' });
    expect(stored(emulator, 'payout')).toHaveLength(1);
  });
});

describe('faults', () => {
  let emulator: Emulator;
  beforeEach(() => {
    emulator = createEmulator();
  });
  afterEach(() => emulator.close());

  for (const transport of ['in-process', 'loopback'] as const) {
    it(`dropAfterCommit + SDK retry gives exactly one payout and the same object (${transport})`, async () => {
      const stripe = transport === 'in-process' ? inProcessStripe(emulator, { maxNetworkRetries: 2 }) : await loopbackStripe(emulator, { maxNetworkRetries: 2 });
      await admin(emulator, 'POST', 'faults', { rules: [{ route: 'POST /v1/payouts', dropAfterCommit: 1 }] });
      const mark = emulator.requestLog.mark();
      const payout = await stripe.payouts.create({ amount: 4200, currency: 'usd' });
      expect(emulator.requestLog.since(mark).byRoute['POST /v1/payouts']).toBe(2);
      expect(stored(emulator, 'payout').map((p) => p.id)).toEqual([payout.id]);
      expect(payout.amount).toBe(4200);
    });
  }

  it('without retries the dropped call fails as a connection error, but the change is committed', async () => {
    const stripe = inProcessStripe(emulator);
    emulator.faults.set([{ route: 'POST /v1/payouts', dropAfterCommit: 1 }]);
    const err = await stripeError(() => stripe.payouts.create({ amount: 1, currency: 'usd' }));
    expect(err).toBeInstanceOf(Stripe.errors.StripeConnectionError);
    expect(stored(emulator, 'payout')).toHaveLength(1);
  });

  it('injects 429 and 500 answers and clears them', async () => {
    const stripe = inProcessStripe(emulator);
    await admin(emulator, 'POST', 'faults', [{ route: 'GET /v1/payouts', rateLimit: 1 }, { route: 'GET /v1/payouts/:id', serverError: 1 }]);
    expect(await stripeError(() => stripe.payouts.list())).toBeInstanceOf(Stripe.errors.StripeRateLimitError);
    const server = await stripeError(() => stripe.payouts.retrieve('po_x'));
    expect(server).toMatchObject({ statusCode: 500 });
    await admin(emulator, 'DELETE', 'faults');
    expect((await stripe.payouts.list()).data).toEqual([]);
  });
});
