import { readFileSync } from 'node:fs';
import Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../../src/emulator/index.js';
import { PAYOUT_EXAMPLE_FIELDS, jsonType } from './payout-shape.js';
import { admin, inProcessStripe, loopbackStripe, stored, stripeError } from './support.js';

const HOUR = 3600;
const DAY = 24 * HOUR;

/** Field names of the SDK's `export interface Payout { … }`, read from the installed type definitions. */
function sdkPayoutFields(): string[] {
  const dts = readFileSync(new URL('../../node_modules/stripe/esm/resources/Payouts.d.ts', import.meta.url), 'utf8');
  const body = /export interface Payout \{\n([\s\S]*?)\n\}/.exec(dts)?.[1] ?? '';
  return [...body.matchAll(/^ {4}([a-z_0-9]+)\??:/gm)].map((m) => m[1]);
}

function expectPayoutShape(payout: Stripe.Payout) {
  for (const [field, types] of Object.entries(PAYOUT_EXAMPLE_FIELDS)) {
    expect(types, `payout.${field} is ${jsonType((payout as unknown as Record<string, unknown>)[field])}`).toContain(
      jsonType((payout as unknown as Record<string, unknown>)[field]),
    );
  }
  for (const field of sdkPayoutFields()) expect(payout, `SDK field ${field}`).toHaveProperty(field);
  expect(payout.object).toBe('payout');
  expect(payout.id).toMatch(/^po_[A-Za-z0-9]{24}$/);
  expect(payout.livemode).toBe(false);
}

for (const transport of ['in-process', 'loopback'] as const) {
  describe(`payout calls through the SDK (${transport})`, () => {
    let emulator: Emulator;
    let stripe: Stripe;
    beforeEach(async () => {
      emulator = createEmulator({ startTime: 1_700_000_000 });
      stripe = transport === 'in-process' ? inProcessStripe(emulator) : await loopbackStripe(emulator);
    });
    afterEach(() => emulator.close());

    it('reads the SDK Payout type so the shape check cannot be vacuous', () => {
      expect(sdkPayoutFields()).toEqual(expect.arrayContaining(['id', 'amount', 'trace_id', 'payout_method', 'reversed_by']));
    });

    it('create, retrieve, update, cancel and list answer Stripe-shaped payouts', async () => {
      const created = await stripe.payouts.create({ amount: 1100, currency: 'usd', description: 'Weekly', metadata: { order_id: '6735' } });
      expectPayoutShape(created);
      expect(created).toMatchObject({
        amount: 1100,
        currency: 'usd',
        status: 'pending',
        automatic: false,
        method: 'standard',
        reconciliation_status: 'not_applicable',
        type: 'bank_account',
        original_payout: null,
        reversed_by: null,
        failure_balance_transaction: null,
        metadata: { order_id: '6735' },
        arrival_date: 1_700_000_000 + 2 * DAY,
      });
      expect(created.destination).toMatch(/^ba_/);

      const retrieved = await stripe.payouts.retrieve(created.id);
      expectPayoutShape(retrieved);
      expect(retrieved.id).toBe(created.id);

      const updated = await stripe.payouts.update(created.id, { metadata: { order_id: '', note: 'x' } });
      expectPayoutShape(updated);
      expect(updated.metadata).toEqual({ note: 'x' });

      const canceled = await stripe.payouts.cancel(created.id);
      expectPayoutShape(canceled);
      expect(canceled.status).toBe('canceled');
      expect(canceled.failure_balance_transaction).toMatch(/^txn_/);

      const list = await stripe.payouts.list({ limit: 3 });
      expect(list.object).toBe('list');
      expect(list.url).toBe('/v1/payouts');
      expect(list.data.map((p) => p.id)).toEqual([created.id]);
      list.data.forEach(expectPayoutShape);
    });

    it('reverse creates a negative pending payout pointing back at the original', async () => {
      const original = await stripe.payouts.create({ amount: 1100, currency: 'usd' });
      await emulator.advance(HOUR * 7);
      const reversal = await stripe.payouts.reverse(original.id, { metadata: { reason: 'wrong account' } });
      expectPayoutShape(reversal);
      expect(reversal).toMatchObject({ amount: -1100, status: 'pending', original_payout: original.id, destination: original.destination, metadata: { reason: 'wrong account' } });
      expect((await stripe.payouts.retrieve(original.id)).reversed_by).toBe(reversal.id);
    });
  });
}

describe('payout state machine', () => {
  let emulator: Emulator;
  let stripe: Stripe;
  afterEach(() => emulator.close());

  function start(payoutFailureRate = 0) {
    emulator = createEmulator({ startTime: 1_700_000_000, payoutFailureRate });
    stripe = inProcessStripe(emulator);
  }

  it('the clock moves a payout pending → in_transit → paid at its arrival date', async () => {
    start();
    const payout = await stripe.payouts.create({ amount: 2500, currency: 'usd' });
    await emulator.advance(HOUR);
    expect((await stripe.payouts.retrieve(payout.id)).status).toBe('pending');
    await emulator.advance(6 * HOUR);
    expect((await stripe.payouts.retrieve(payout.id)).status).toBe('in_transit');
    await emulator.advance(2 * DAY);
    const paid = await stripe.payouts.retrieve(payout.id);
    expect(paid.status).toBe('paid');
    expect(paid.trace_id?.status).toBe('supported');
    const types = (await stripe.events.list({ limit: 100 })).data.map((e) => e.type).reverse();
    expect(types).toEqual(['payout.created', 'payout.updated', 'payout.updated', 'payout.paid']);
  });

  it('an automatic payout (made through the admin API, as Stripe makes them) cannot be canceled and is reconciled once paid', async () => {
    start();
    const made = await admin<Stripe.Payout>(emulator, 'POST', 'payouts/automatic', { amount: 4200 });
    expectPayoutShape(made);
    expect(made).toMatchObject({ amount: 4200, currency: 'usd', automatic: true, status: 'pending', reconciliation_status: 'in_progress' });
    const before = emulator.snapshot();
    const refusal = await stripeError(() => stripe.payouts.cancel(made.id));
    expect(refusal).toMatchObject({ statusCode: 400, type: 'StripeInvalidRequestError' });
    expect(refusal.message).toMatch(/automatic payouts can't be canceled/i);
    expect(emulator.snapshot()).toEqual(before);

    await emulator.advance(3 * DAY);
    const paid = await stripe.payouts.retrieve(made.id);
    expect(paid).toMatchObject({ status: 'paid', reconciliation_status: 'completed' });
    const types = (await stripe.events.list({ limit: 100 })).data.map((e) => e.type).reverse();
    expect(types.slice(-3)).toEqual(['payout.paid', 'payout.updated', 'payout.reconciliation_completed']);
    const swept = await stripe.balanceTransactions.list({ payout: made.id });
    expect(swept.data.map((t) => [t.type, t.amount])).toEqual([['payout', -4200]]);
    await expect(admin(emulator, 'POST', 'payouts/automatic', { amount: -1 })).rejects.toThrow(/400.*positive integer/);
  });

  it('with payoutFailureRate 1 a payout fails at arrival and the money comes back', async () => {
    start(1);
    const payout = await stripe.payouts.create({ amount: 2500, currency: 'usd' });
    await emulator.advance(3 * DAY);
    const failed = await stripe.payouts.retrieve(payout.id, { expand: ['failure_balance_transaction'] });
    expect(failed.status).toBe('failed');
    expect(failed.failure_code).toBe('account_closed');
    expect(failed.failure_message).toBe('The bank account has been closed.');
    const txn = failed.failure_balance_transaction as Stripe.BalanceTransaction;
    expect(txn).toMatchObject({ type: 'payout_failure', amount: 2500, source: payout.id });
    expect((await stripe.events.list({ type: 'payout.failed' })).data).toHaveLength(1);
  });

  it('a pending reversal is canceled when its original fails', async () => {
    start(1);
    const payout = await stripe.payouts.create({ amount: 700, currency: 'usd' });
    await emulator.advance(2 * DAY - HOUR);
    const reversal = await stripe.payouts.reverse(payout.id);
    await emulator.advance(2 * HOUR);
    expect((await stripe.payouts.retrieve(payout.id)).status).toBe('failed');
    expect((await stripe.payouts.retrieve(reversal.id)).status).toBe('canceled');
  });

  it('balance transactions record create, cancel and follow the available balance', async () => {
    start();
    const payout = await stripe.payouts.create({ amount: 1234, currency: 'usd' });
    const before = emulator.account(null).balance.usd.available;
    await stripe.payouts.cancel(payout.id);
    expect(emulator.account(null).balance.usd.available).toBe(before + 1234);
    const txns = await stripe.balanceTransactions.list({ source: payout.id });
    expect(txns.data.map((t) => [t.type, t.amount])).toEqual([
      ['payout_cancel', 1234],
      ['payout', -1234],
    ]);
    const txn = await stripe.balanceTransactions.retrieve(txns.data[1].id, { expand: ['source'] });
    expect((txn.source as Stripe.Payout).id).toBe(payout.id);
    for (const field of ['amount', 'available_on', 'balance_type', 'created', 'currency', 'description', 'exchange_rate', 'fee', 'fee_details', 'net', 'reporting_category', 'source', 'status', 'type']) {
      expect(txn).toHaveProperty(field);
    }
    expect((await stripe.balanceTransactions.list({ type: 'payout_cancel' })).data).toHaveLength(1);
    const err = await stripeError(() => stripe.balanceTransactions.list({ payout: payout.id }));
    expect(err.statusCode).toBe(400);
  });

  it('instant payouts go to the debit card and arrive now', async () => {
    start();
    const payout = await stripe.payouts.create({ amount: 500, currency: 'usd', method: 'instant' });
    expect(payout).toMatchObject({ method: 'instant', type: 'card', arrival_date: emulator.clock.now() });
    expect(payout.destination).toMatch(/^card_/);
    await emulator.advance(HOUR);
    expect((await stripe.payouts.retrieve(payout.id)).status).toBe('paid');
  });

  it('refuses every transition the documentation forbids, saying the current status', async () => {
    start();
    const payout = await stripe.payouts.create({ amount: 900, currency: 'usd' });
    const pendingReverse = await stripeError(() => stripe.payouts.reverse(payout.id));
    expect(pendingReverse.statusCode).toBe(400);
    expect(pendingReverse.message).toMatch(/cancel/);

    await emulator.advance(7 * HOUR);
    const inTransitCancel = await stripeError(() => stripe.payouts.cancel(payout.id));
    expect(inTransitCancel.message).toMatch(/this payout is in_transit/);

    await emulator.advance(2 * DAY);
    const paidCancel = await stripeError(() => stripe.payouts.cancel(payout.id));
    expect(paidCancel.message).toMatch(/this payout is paid/);

    const reversal = await stripe.payouts.reverse(payout.id);
    expect((await stripeError(() => stripe.payouts.reverse(payout.id))).message).toMatch(/already been reversed/);
    expect((await stripeError(() => stripe.payouts.reverse(reversal.id))).statusCode).toBe(400);

    const other = await stripe.payouts.create({ amount: 900, currency: 'usd' });
    await stripe.payouts.cancel(other.id);
    expect((await stripeError(() => stripe.payouts.cancel(other.id))).message).toMatch(/this payout is canceled/);
    expect((await stripeError(() => stripe.payouts.reverse(other.id))).message).toMatch(/this payout is canceled/);

    const missing = await stripeError(() => stripe.payouts.retrieve('po_doesnotexist'));
    expect(missing).toMatchObject({ statusCode: 404, code: 'resource_missing', message: "No such payout: 'po_doesnotexist'" });
  });

  it('refuses bad input with Stripe errors and leaves the store unchanged', async () => {
    start();
    const existing = await stripe.payouts.create({ amount: 100, currency: 'usd' });
    const before = emulator.snapshot();
    const bad: Array<[Stripe.PayoutCreateParams, RegExp | string]> = [
      [{ amount: 0, currency: 'usd' }, 'amount'],
      [{ amount: -5, currency: 'usd' }, 'amount'],
      [{ amount: 1.5, currency: 'usd' }, 'amount'],
      [{ amount: 100, currency: 'xyz' }, 'currency'],
      [{ amount: 100 } as Stripe.PayoutCreateParams, 'currency'],
      [{ amount: 100, currency: 'usd', statement_descriptor: 'x'.repeat(23) }, 'statement_descriptor'],
      [{ amount: 100, currency: 'usd', destination: 'ba_nothere' }, 'destination'],
      [{ amount: 100, currency: 'usd', method: 'teleport' }, 'method'],
      [{ amount: 100, currency: 'usd', metadata: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v'])) }, 'metadata'],
      [{ amount: 100, currency: 'usd', metadata: { ['k'.repeat(41)]: 'v' } }, /metadata/],
      [{ amount: 100, currency: 'usd', metadata: { k: 'v'.repeat(501) } }, 'metadata[k]'],
      [{ amount: 10_000_000_000, currency: 'usd' }, /insufficient/],
      [{ amount: { nested: 1 } as unknown as number, currency: 'usd' }, 'amount'],
    ];
    for (const [params, expected] of bad) {
      const err = await stripeError(() => stripe.payouts.create(params));
      expect(err.statusCode, JSON.stringify(params).slice(0, 80)).toBe(400);
      expect(err.type).toBe('StripeInvalidRequestError');
      if (typeof expected === 'string') expect(err.param ?? '').toBe(expected);
      else expect(`${err.param} ${err.message}`).toMatch(expected);
    }
    const unknown = await stripeError(() => stripe.payouts.update(existing.id, { description: 'no' } as Stripe.PayoutUpdateParams));
    expect(unknown).toMatchObject({ statusCode: 400, code: 'parameter_unknown', param: 'description' });
    await stripeError(() => stripe.payouts.update(existing.id, { metadata: { ['k'.repeat(41)]: 'v' } }));
    expect(emulator.snapshot()).toEqual(before);
  });

  it('lists filter by status, destination, created and arrival_date', async () => {
    start();
    const a = await stripe.payouts.create({ amount: 100, currency: 'usd' });
    await emulator.advance(DAY);
    const b = await stripe.payouts.create({ amount: 200, currency: 'usd' });
    await stripe.payouts.cancel(b.id);
    const c = await stripe.payouts.create({ amount: 300, currency: 'usd', method: 'instant' });
    const ids = async (params: Stripe.PayoutListParams) => (await stripe.payouts.list(params)).data.map((p) => p.id);
    expect(await ids({ status: 'canceled' })).toEqual([b.id]);
    expect(await ids({ destination: c.destination as string })).toEqual([c.id]);
    expect(await ids({ created: { lt: b.created } })).toEqual([a.id]);
    expect(await ids({ created: a.created })).toEqual([a.id]);
    expect(await ids({ arrival_date: { lte: emulator.clock.now() } })).toEqual([c.id]);
    expect(await ids({ arrival_date: { gt: emulator.clock.now() } })).toEqual([b.id, a.id]);
    expect(stored(emulator, 'payout')).toHaveLength(3);
  });
});
