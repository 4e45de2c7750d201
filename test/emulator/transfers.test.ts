import type Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../../src/emulator/index.js';
import { REVERSAL_EXAMPLE, expectShape } from './shape.js';
import { inProcessStripe, stored, stripeError } from './support.js';

const CONNECTED = 'acct_1DemoConnected01';
const OTHER = 'acct_1OtherConnected';

describe('transfers and reversals through the SDK', () => {
  let emulator: Emulator;
  let stripe: Stripe;
  beforeEach(() => {
    emulator = createEmulator({ startTime: 1_700_000_000, accounts: [CONNECTED, OTHER] });
    stripe = inProcessStripe(emulator);
  });
  afterEach(() => emulator.close());

  const transfer = (amount = 1000, extra: Partial<Stripe.TransferCreateParams> = {}) =>
    stripe.transfers.create({ amount, currency: 'usd', destination: CONNECTED, ...extra });

  it('creates a transfer with a balance transaction and a py_ payment the connected account sees', async () => {
    const tr = await transfer(1100, { description: 'Payout share', transfer_group: 'ORDER_1', metadata: { order: '1' } });
    expectShape(tr, { file: 'Transfers.d.ts', name: 'Transfer' });
    expect(tr).toMatchObject({ amount: 1100, amount_reversed: 0, reversed: false, destination: CONNECTED, livemode: false, transfer_group: 'ORDER_1' });
    // Exactly the keys of Stripe's embedded list (no total_count).
    expect(tr.reversals).toEqual({ object: 'list', data: [], has_more: false, url: `/v1/transfers/${tr.id}/reversals` });
    expect(await stripe.balanceTransactions.retrieve(tr.balance_transaction as string)).toMatchObject({ type: 'transfer', amount: -1100 });
    expect(tr.destination_payment).toMatch(/^py_/);
    const payment = await stripe.charges.retrieve(tr.destination_payment as string, {}, { stripeAccount: CONNECTED });
    expect(payment).toMatchObject({ amount: 1100, source_transfer: tr.id, paid: true });
    await expect(stripe.charges.retrieve(tr.destination_payment as string)).rejects.toMatchObject({ statusCode: 404 });
  });

  it('reverses in parts up to the remainder, then refuses; arithmetic and effects match Stripe', async () => {
    const tr = await transfer(1000);
    const first = await stripe.transfers.createReversal(tr.id, { amount: 400, metadata: { why: 'partial' } });
    expectShape(first, { file: 'TransferReversals.d.ts', name: 'TransferReversal' }, REVERSAL_EXAMPLE);
    expect(first).toMatchObject({ amount: 400, transfer: tr.id, currency: 'usd', source_refund: null, metadata: { why: 'partial' } });
    expect(first.id).toMatch(/^trr_/);
    expect(first.destination_payment_refund).toMatch(/^pyr_/);
    expect(first).not.toHaveProperty('livemode');
    expect(await stripe.balanceTransactions.retrieve(first.balance_transaction as string)).toMatchObject({ type: 'transfer_refund', amount: 400 });
    const pyr = await stripe.refunds.retrieve(first.destination_payment_refund as string, {}, { stripeAccount: CONNECTED });
    expect(pyr).toMatchObject({ amount: 400, source_transfer_reversal: first.id, status: 'succeeded' });

    let current = await stripe.transfers.retrieve(tr.id);
    expect(current).toMatchObject({ amount_reversed: 400, reversed: false });
    expect(current.reversals.data.map((r) => r.id)).toEqual([first.id]);

    const before = emulator.snapshot();
    const tooMuch = await stripeError(() => stripe.transfers.createReversal(tr.id, { amount: 601 }));
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.message).toContain('600');
    expect(emulator.snapshot()).toEqual(before);

    const rest = await stripe.transfers.createReversal(tr.id);
    expect(rest.amount).toBe(600);
    current = await stripe.transfers.retrieve(tr.id);
    expect(current).toMatchObject({ amount_reversed: 1000, reversed: true });
    expect(current.reversals.data.map((r) => r.id)).toEqual([rest.id, first.id]);
    expect(Object.keys(current.reversals).sort()).toEqual(['data', 'has_more', 'object', 'url']);

    const done = await stripeError(() => stripe.transfers.createReversal(tr.id, { amount: 1 }));
    expect(done.statusCode).toBe(400);
    expect(done.message).toContain('fully reversed');

    const reversedEvents = (await stripe.events.list({ type: 'transfer.reversed' })).data;
    expect(reversedEvents).toHaveLength(2);
    expect((reversedEvents[0].data.object as Stripe.Transfer).amount_reversed).toBe(1000);
  });

  it('lists, retrieves and updates reversals (only through their own transfer)', async () => {
    const tr = await transfer(900);
    const other = await transfer(500);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.unshift((await stripe.transfers.createReversal(tr.id, { amount: 100 })).id);
    const page = await stripe.transfers.listReversals(tr.id, { limit: 2 });
    expect(page).toMatchObject({ object: 'list', has_more: true, url: `/v1/transfers/${tr.id}/reversals` });
    expect(page.data.map((r) => r.id)).toEqual(ids.slice(0, 2));
    const all = await stripe.transfers.listReversals(tr.id).autoPagingToArray({ limit: 10 });
    expect(all.map((r) => r.id)).toEqual(ids);

    const updated = await stripe.transfers.updateReversal(tr.id, ids[0], { metadata: { order_id: '6735' } });
    expectShape(updated, { file: 'TransferReversals.d.ts', name: 'TransferReversal' }, REVERSAL_EXAMPLE);
    expect(updated.metadata).toEqual({ order_id: '6735' });
    expect((await stripe.transfers.retrieveReversal(tr.id, ids[0])).metadata).toEqual({ order_id: '6735' });
    expect((await stripe.transfers.retrieve(tr.id)).reversals.data[0].metadata).toEqual({ order_id: '6735' });
    const wrong = await stripeError(() => stripe.transfers.retrieveReversal(other.id, ids[0]));
    expect(wrong.statusCode).toBe(404);
  });

  it('updates description and metadata with transfer.updated, and filters lists', async () => {
    const a = await transfer(100, { transfer_group: 'G1' });
    await emulator.advance(60);
    const b = await stripe.transfers.create({ amount: 200, currency: 'usd', destination: OTHER });
    const updated = await stripe.transfers.update(a.id, { description: 'Adjusted', metadata: { k: 'v' } });
    expect(updated).toMatchObject({ description: 'Adjusted', metadata: { k: 'v' } });
    const [event] = (await stripe.events.list({ type: 'transfer.updated' })).data;
    expect(event.data.previous_attributes).toEqual({ description: null, metadata: { k: null } });

    expect((await stripe.transfers.list({ destination: CONNECTED })).data.map((t) => t.id)).toEqual([a.id]);
    expect((await stripe.transfers.list({ transfer_group: 'G1' })).data.map((t) => t.id)).toEqual([a.id]);
    expect((await stripe.transfers.list({ created: { gt: 1_700_000_030 } })).data.map((t) => t.id)).toEqual([b.id]);
  });

  it('expands reversals.data.balance_transaction and a reversal\'s transfer', async () => {
    const tr = await transfer(800);
    const rev = await stripe.transfers.createReversal(tr.id, { amount: 300, expand: ['transfer', 'balance_transaction'] });
    expect((rev.transfer as Stripe.Transfer).amount_reversed).toBe(300);
    expect((rev.balance_transaction as Stripe.BalanceTransaction).amount).toBe(300);
    const withTxns = await stripe.transfers.retrieve(tr.id, { expand: ['reversals.data.balance_transaction', 'balance_transaction'] });
    expect((withTxns.reversals.data[0].balance_transaction as Stripe.BalanceTransaction).type).toBe('transfer_refund');
  });

  it('expands the destination account\'s py_ payment and pyr_ refund from the platform', async () => {
    const tr = await transfer(700, { expand: ['destination_payment'] });
    const payment = tr.destination_payment as Stripe.Charge;
    expect(payment).toMatchObject({ object: 'charge', amount: 700, source_transfer: tr.id });
    expect(payment.id).toMatch(/^py_/);
    const rev = await stripe.transfers.createReversal(tr.id, { amount: 200, expand: ['destination_payment_refund', 'transfer'] });
    const refund = rev.destination_payment_refund as Stripe.Refund;
    expect(refund).toMatchObject({ object: 'refund', amount: 200, charge: payment.id, source_transfer_reversal: rev.id });
    expect((rev.transfer as Stripe.Transfer).id).toBe(tr.id);

    // Nested levels continue in the account the object lives in.
    const deep = await stripe.transfers.retrieve(tr.id, {
      expand: ['destination_payment.balance_transaction', 'reversals.data.destination_payment_refund'],
    });
    const paymentTxn = (deep.destination_payment as Stripe.Charge).balance_transaction as Stripe.BalanceTransaction;
    expect(paymentTxn).toMatchObject({ object: 'balance_transaction', amount: 700, source: payment.id });
    expect((deep.reversals.data[0].destination_payment_refund as Stripe.Refund).id).toBe(refund.id);
    const listed = await stripe.transfers.listReversals(tr.id, { expand: ['data.destination_payment_refund'] });
    expect((listed.data[0].destination_payment_refund as Stripe.Refund).id).toBe(refund.id);
    const fromList = await stripe.transfers.list({ expand: ['data.destination_payment'] });
    expect((fromList.data[0].destination_payment as Stripe.Charge).id).toBe(payment.id);
  });

  it('keeps accounts isolated: a connected account cannot expand into another account', async () => {
    // The connected account's payment names the platform's transfer; it stays an id there.
    const tr = await transfer(400);
    const payment = await stripe.charges.retrieve(tr.destination_payment as string, { expand: ['source_transfer'] }, { stripeAccount: CONNECTED });
    expect(payment.source_transfer).toBe(tr.id);
    // A transfer made by a connected account does not reach its destination's objects.
    const sideways = await stripe.transfers.create({ amount: 50, currency: 'usd', destination: OTHER, expand: ['destination_payment'] }, { stripeAccount: CONNECTED });
    expect(sideways.destination_payment).toMatch(/^py_/);
  });

  it('refuses a bad destination, a missing currency and an unknown transfer', async () => {
    expect((await stripeError(() => stripe.transfers.create({ amount: 1, currency: 'usd', destination: 'ba_123' }))).param).toBe('destination');
    expect((await stripeError(() => stripe.transfers.create({ amount: 1, destination: CONNECTED } as Stripe.TransferCreateParams))).param).toBe('currency');
    expect(await stripeError(() => stripe.transfers.createReversal('tr_missing'))).toMatchObject({ statusCode: 404, message: "No such transfer: 'tr_missing'" });
    expect(stored(emulator, 'transfer')).toHaveLength(0);
  });
});
