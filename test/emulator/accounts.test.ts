import Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../../src/emulator/index.js';
import { TEST_KEY, admin, inProcessStripe, stored, stripeError } from './support.js';

const KNOWN = 'acct_1KnownConnected01';
const UNKNOWN = 'acct_doesnotexist';

describe('connected accounts: only known ones exist', () => {
  let emulator: Emulator;
  let stripe: Stripe;
  beforeEach(() => {
    emulator = createEmulator({ startTime: 1_700_000_000, accounts: [KNOWN] });
    stripe = inProcessStripe(emulator);
  });
  afterEach(() => emulator.close());

  /** A raw request, to see the whole answer (status and Stripe's error envelope). */
  async function raw(path: string, account: string, init: RequestInit = {}) {
    const res = await emulator.fetch(path, { ...init, headers: { authorization: `Bearer ${TEST_KEY}`, 'stripe-account': account, ...init.headers } });
    return { status: res.status, text: await res.text() };
  }

  it('refuses a read as an unknown account with 403 account_invalid, and never echoes the key', async () => {
    const res = await raw('/v1/charges', UNKNOWN);
    expect(res.status).toBe(403);
    const body = JSON.parse(res.text) as { error: Record<string, string> };
    expect(body.error).toMatchObject({ type: 'invalid_request_error', code: 'account_invalid' });
    expect(body.error.message).toMatch(/^The provided key 'sk_test_\*+1234' does not have access to account 'acct_doesnotexist' \(or that account does not exist\)\./);
    expect(res.text).not.toContain(TEST_KEY);
    // The SDK raises it as a permission error.
    const err = await stripeError(() => stripe.payouts.list({}, { stripeAccount: UNKNOWN }));
    expect(err).toBeInstanceOf(Stripe.errors.StripePermissionError);
    expect(err.statusCode).toBe(403);
    // A known account reads (its empty list).
    expect((await raw('/v1/charges', KNOWN)).status).toBe(200);
  });

  it('refuses a write as an unknown (or malformed) account and stores nothing', async () => {
    for (const account of [UNKNOWN, 'not_an_account']) {
      const err = await stripeError(() => stripe.payouts.create({ amount: 100, currency: 'usd' }, { stripeAccount: account, idempotencyKey: `k-${account}` }));
      expect(err).toMatchObject({ statusCode: 403, code: 'account_invalid' });
    }
    expect(emulator.snapshot()).toEqual({});
    expect(emulator.counts()).not.toHaveProperty(UNKNOWN);
    const ok = await stripe.payouts.create({ amount: 100, currency: 'usd' }, { stripeAccount: KNOWN });
    expect(stored(emulator, 'payout', KNOWN).map((p) => p.id)).toEqual([ok.id]);
  });

  it('POST /_emulator/accounts makes an account exist (given or new id); reset keeps only the configured ones', async () => {
    expect((await raw('/v1/payouts', 'acct_1AddedLater')).status).toBe(403);
    expect(await admin(emulator, 'POST', 'accounts', { id: 'acct_1AddedLater' })).toEqual({ id: 'acct_1AddedLater' });
    expect((await raw('/v1/payouts', 'acct_1AddedLater')).status).toBe(200);

    const { id: fresh } = await admin<{ id: string }>(emulator, 'POST', 'accounts');
    expect(fresh).toMatch(/^acct_[A-Za-z0-9]+$/);
    expect((await stripe.payouts.create({ amount: 5, currency: 'usd' }, { stripeAccount: fresh })).amount).toBe(5);
    expect(await admin(emulator, 'GET', 'accounts')).toEqual({ accounts: [KNOWN, 'acct_1AddedLater', fresh] });

    const bad = await emulator.fetch('/_emulator/accounts', { method: 'POST', body: JSON.stringify({ id: 'ba_123' }) });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: { message: 'id must be an acct_ id' } });

    await admin(emulator, 'POST', 'reset');
    expect(emulator.accounts()).toEqual([KNOWN]);
    expect((await raw('/v1/payouts', 'acct_1AddedLater')).status).toBe(403);
  });

  it('refuses a transfer to an unknown destination like Stripe: 400, param destination, nothing moved', async () => {
    const before = emulator.snapshot();
    const err = await stripeError(() => stripe.transfers.create({ amount: 100, currency: 'usd', destination: 'acct_1Nobody' }));
    expect(err).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(err).toMatchObject({ statusCode: 400, param: 'destination', message: "No such destination: 'acct_1Nobody'" });
    expect(emulator.snapshot()).toEqual(before);
    expect(emulator.counts()).not.toHaveProperty('acct_1Nobody');
    const tr = await stripe.transfers.create({ amount: 100, currency: 'usd', destination: KNOWN });
    expect(tr.destination).toBe(KNOWN);
  });

  it('refuses an automatic payout for an unknown account', async () => {
    const res = await emulator.fetch('/_emulator/payouts/automatic', { method: 'POST', body: JSON.stringify({ amount: 100, account: UNKNOWN }) });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { message: `unknown connected account '${UNKNOWN}'` } });
    expect((await emulator.automaticPayout({ amount: 100, account: KNOWN })).amount).toBe(100);
  });

  it('refuses accounts option entries that are not acct_ ids', () => {
    expect(() => createEmulator({ accounts: ['ba_1'] })).toThrow(/not an acct_ id/);
  });
});
