import Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../../src/emulator/index.js';
import { TEST_KEY, admin, inProcessStripe, loopbackStripe, stored, stripeError } from './support.js';

describe('emulator framework', () => {
  let emulator: Emulator;
  let stripe: Stripe;
  beforeEach(() => {
    emulator = createEmulator({ startTime: 1_700_000_000, accounts: ['acct_1A', 'acct_1B'] });
    stripe = inProcessStripe(emulator);
  });
  afterEach(() => emulator.close());

  it('401 for a malformed key, without echoing it', async () => {
    const secret = 'sk_live_thisLooksSecret98765';
    const err = await stripeError(() => new Stripe(secret, { httpClient: Stripe.createFetchHttpClient(emulator.fetch), maxNetworkRetries: 0 }).payouts.list());
    expect(err).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect(err.statusCode).toBe(401);
    expect(err.message).toMatch(/^Invalid API Key provided: /);
    expect(err.message).not.toContain('thisLooksSecret');
  });

  it('401 when no key is sent (the SDK always sends one, so this is raw HTTP)', async () => {
    const res = await emulator.fetch('/v1/payouts');
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: { type: string; message: string } };
    expect(body.error.type).toBe('invalid_request_error');
    expect(body.error.message).toMatch(/You did not provide an API key/);
  });

  it('accepts basic auth with the key as user', async () => {
    const res = await emulator.fetch('/v1/payouts', { headers: { authorization: `Basic ${Buffer.from(`${TEST_KEY}:`).toString('base64')}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('request-id')).toMatch(/^req_/);
  });

  it('404 for an unknown route, 400 for an unknown parameter', async () => {
    const notFound = await stripeError(() => stripe.rawRequest('GET', '/v1/nothing_here'));
    expect(notFound.statusCode).toBe(404);
    expect(notFound.message).toContain('Unrecognized request URL (GET: /v1/nothing_here)');
    const unknown = await stripeError(() => stripe.payouts.list({ colour: 'blue' } as Stripe.PayoutListParams));
    expect(unknown).toMatchObject({ statusCode: 400, code: 'parameter_unknown', param: 'colour', message: 'Received unknown parameter: colour' });
  });

  it('400 for a malformed body, store unchanged', async () => {
    await stripe.payouts.create({ amount: 1, currency: 'usd' });
    const before = emulator.snapshot();
    for (const [body, type] of [
      ['amount=%ZZ&currency=usd', 'application/x-www-form-urlencoded'],
      ['{"amount":100,"currency":"usd"}', 'application/json'],
    ]) {
      const res = await emulator.fetch('/v1/payouts', { method: 'POST', body, headers: { authorization: `Bearer ${TEST_KEY}`, 'content-type': type } });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { type: string } }).error.type).toBe('invalid_request_error');
    }
    expect(emulator.snapshot()).toEqual(before);
  });

  it('parses expand[]= and percent-encoded brackets alike', async () => {
    const payout = await stripe.payouts.create({ amount: 3, currency: 'usd' });
    const headers = { authorization: `Bearer ${TEST_KEY}` };
    for (const query of ['expand[]=destination', 'expand%5B0%5D=destination', 'expand%5B%5D=destination']) {
      const res = await emulator.fetch(`/v1/payouts/${payout.id}?${query}`, { headers });
      expect(((await res.json()) as { destination: { object: string } }).destination.object).toBe('bank_account');
    }
  });

  it('scopes objects by Stripe-Account: no account sees another’s payouts', async () => {
    const platform = await stripe.payouts.create({ amount: 10, currency: 'usd' });
    const a = await stripe.payouts.create({ amount: 20, currency: 'usd' }, { stripeAccount: 'acct_1A' });
    const b = await stripe.payouts.create({ amount: 30, currency: 'usd' }, { stripeAccount: 'acct_1B' });
    expect((await stripe.payouts.list()).data.map((p) => p.id)).toEqual([platform.id]);
    expect((await stripe.payouts.list({}, { stripeAccount: 'acct_1A' })).data.map((p) => p.id)).toEqual([a.id]);
    expect((await stripeError(() => stripe.payouts.retrieve(b.id, {}, { stripeAccount: 'acct_1A' }))).statusCode).toBe(404);
    expect((await stripeError(() => stripe.payouts.retrieve(a.id))).statusCode).toBe(404);
    const evt = (await stripe.events.list({}, { stripeAccount: 'acct_1B' })).data[0];
    expect(evt.account).toBe('acct_1B');
    expect((await admin<{ accounts: Record<string, Record<string, number>> }>(emulator, 'GET', 'store')).accounts.acct_1A.payout).toBe(1);
  });

  it('returned objects are copies: changing them does not change the store', async () => {
    const payout = await stripe.payouts.create({ amount: 10, currency: 'usd' });
    const live = emulator.account(null).get(payout.id)!;
    live.amount = 999;
    expect((await stripe.payouts.retrieve(payout.id)).amount).toBe(10);

    // put keeps its own deep copy: later changes to the object put (even nested) do not reach the store.
    const written = emulator.account(null).put({ ...emulator.account(null).get(payout.id)!, metadata: { k: 'v' } });
    (written.metadata as Record<string, string>).k = 'changed';
    expect((await stripe.payouts.retrieve(payout.id)).metadata).toEqual({ k: 'v' });

    // An event keeps the object as it was when it happened.
    await emulator.advance(3 * 24 * 3600);
    expect((await stripe.payouts.retrieve(payout.id)).status).toBe('paid');
    const [created] = (await stripe.events.list({ type: 'payout.created' })).data;
    expect((created.data.object as Stripe.Payout).status).toBe('pending');
  });

  it('counts requests by route pattern, excluding admin calls', async () => {
    const { mark } = await admin<{ mark: number }>(emulator, 'POST', 'requests/mark');
    const payout = await stripe.payouts.create({ amount: 10, currency: 'usd' });
    await stripe.payouts.retrieve(payout.id);
    await stripe.payouts.retrieve(payout.id);
    await admin(emulator, 'GET', 'clock');
    const counts = await emulator.fetch(`/_emulator/requests?since=${mark}`).then((r) => r.json());
    expect(counts).toMatchObject({ total: 3, byRoute: { 'POST /v1/payouts': 1, 'GET /v1/payouts/:id': 2 } });
  });

  it('admin API drives the clock, seeds demo data and resets', async () => {
    const clock = await admin<{ now: number }>(emulator, 'GET', 'clock');
    expect(clock.now).toBe(1_700_000_000);
    const payout = await stripe.payouts.create({ amount: 10, currency: 'usd' });
    expect((await admin<{ now: number }>(emulator, 'POST', 'clock/advance', { seconds: 3 * 86400 })).now).toBe(1_700_000_000 + 3 * 86400);
    expect((await stripe.payouts.retrieve(payout.id)).status).toBe('paid');
    await admin(emulator, 'POST', 'reset');
    expect(emulator.snapshot()).toEqual({});
    await admin(emulator, 'POST', 'seed', { kind: 'demo' });
    expect(stored(emulator, 'payout').length).toBeGreaterThan(0);
  });

  it('serves the same API over loopback, and close() stops it', async () => {
    const loop = await loopbackStripe(emulator);
    const payout = await loop.payouts.create({ amount: 10, currency: 'usd' });
    expect((await stripe.payouts.retrieve(payout.id)).id).toBe(payout.id);
    const url = emulator.url!;
    await emulator.close();
    await expect(fetch(`${url}/v1/payouts`)).rejects.toThrow();
  });
});

describe('independent emulators', () => {
  it('two emulators in one process share nothing', async () => {
    const one = createEmulator({ startTime: 1_000_000_000 });
    const two = createEmulator({ startTime: 1_500_000_000, payoutFailureRate: 1 });
    try {
      const s1 = inProcessStripe(one);
      const s2 = inProcessStripe(two);
      const p1 = await s1.payouts.create({ amount: 10, currency: 'usd' }, { idempotencyKey: 'same' });
      const p2 = await s2.payouts.create({ amount: 10, currency: 'usd' }, { idempotencyKey: 'same' });
      expect(p1.id).not.toBe(p2.id);
      expect((await stripeError(() => s2.payouts.retrieve(p1.id))).statusCode).toBe(404);
      await one.advance(3 * 86400);
      expect(two.clock.now()).toBe(1_500_000_000);
      expect((await s1.payouts.retrieve(p1.id)).status).toBe('paid');
      expect((await s2.payouts.retrieve(p2.id)).status).toBe('pending');
      await two.advance(3 * 86400);
      expect((await s2.payouts.retrieve(p2.id)).status).toBe('failed');
      expect([one.requestLog.since(0).total, two.requestLog.since(0).total]).toEqual([2, 4]);
    } finally {
      await one.close();
      await two.close();
    }
  });
});
