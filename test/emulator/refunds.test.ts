import type Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../../src/emulator/index.js';
import { REFUND_EXAMPLE, expectShape } from './shape.js';
import { inProcessStripe, stripeError } from './support.js';

const DAY = 24 * 3600;
const REFUND_TYPE = { file: 'Refunds.d.ts', name: 'Refund' };

describe('refunds through the SDK', () => {
  let emulator: Emulator;
  let stripe: Stripe;
  beforeEach(() => {
    emulator = createEmulator({ startTime: 1_700_000_000 });
    stripe = inProcessStripe(emulator);
  });
  afterEach(() => emulator.close());

  const cardPayment = (amount = 5000) =>
    stripe.paymentIntents.create({ amount, currency: 'usd', confirm: true, payment_method: 'pm_card_visa', description: 'Order 42' });
  const bankTransferPayment = (amount = 3000) =>
    stripe.paymentIntents.create({ amount, currency: 'usd', confirm: true, payment_method: 'pm_customer_balance', customer: 'cus_demo', receipt_email: 'jenny@example.com' });

  it('a confirmed PaymentIntent succeeds with a captured charge that credited the balance', async () => {
    const pi = await stripe.paymentIntents.create({ amount: 5000, currency: 'usd', confirm: true, payment_method: 'pm_card_visa', expand: ['latest_charge'] });
    expect(pi.status).toBe('succeeded');
    const charge = pi.latest_charge as Stripe.Charge;
    expect(charge.id).toMatch(/^ch_/);
    expect(charge).toMatchObject({ paid: true, captured: true, amount_captured: 5000, amount_refunded: 0, refunded: false, payment_intent: pi.id });
    expectShape(charge, { file: 'Charges.d.ts', name: 'Charge' });
    expectShape(pi, { file: 'PaymentIntents.d.ts', name: 'PaymentIntent' });
    const txn = await stripe.balanceTransactions.retrieve(charge.balance_transaction as string);
    expect(txn).toMatchObject({ type: 'charge', amount: 5000, source: charge.id });
  });

  it('a card refund succeeds at once, defaults to the remainder and updates the charge', async () => {
    const pi = await cardPayment();
    const partial = await stripe.refunds.create({ payment_intent: pi.id, amount: 1500, reason: 'requested_by_customer', metadata: { ticket: 'T-1' } });
    expect(partial).toMatchObject({ status: 'succeeded', amount: 1500, payment_intent: pi.id, reason: 'requested_by_customer', metadata: { ticket: 'T-1' } });
    expect(partial.id).toMatch(/^re_/);
    expectShape(partial, REFUND_TYPE);
    expect(partial).not.toHaveProperty('livemode');
    const rest = await stripe.refunds.create({ charge: pi.latest_charge as string });
    expect(rest.amount).toBe(3500);
    const charge = await stripe.charges.retrieve(pi.latest_charge as string);
    expect(charge).toMatchObject({ amount_refunded: 5000, refunded: true });
    const txn = await stripe.balanceTransactions.retrieve(rest.balance_transaction as string);
    expect(txn).toMatchObject({ type: 'refund', amount: -3500, source: rest.id });
    const types = (await stripe.events.list({ limit: 100 })).data.map((e) => e.type);
    expect(types.filter((t) => t === 'refund.created')).toHaveLength(2);
    expect(types.filter((t) => t === 'charge.refunded')).toHaveLength(2);
  });

  it('refuses too much, a refunded charge, both or neither target, and leaves the store unchanged', async () => {
    const pi = await cardPayment(2000);
    const before = emulator.snapshot();
    const tooMuch = await stripeError(() => stripe.refunds.create({ payment_intent: pi.id, amount: 2001 }));
    expect(tooMuch).toMatchObject({ statusCode: 400, code: 'amount_too_large', param: 'amount' });
    expect(tooMuch.message).toContain('2000');
    const both = await stripeError(() => stripe.refunds.create({ payment_intent: pi.id, charge: pi.latest_charge as string }));
    expect(both.statusCode).toBe(400);
    const neither = await stripeError(() => stripe.refunds.create({ amount: 100 }));
    expect(neither.statusCode).toBe(400);
    const badReason = await stripeError(() => stripe.refunds.create({ payment_intent: pi.id, reason: 'bored' as 'duplicate' }));
    expect(badReason.param).toBe('reason');
    expect(emulator.snapshot()).toEqual(before);

    await stripe.refunds.create({ payment_intent: pi.id });
    const again = await stripeError(() => stripe.refunds.create({ payment_intent: pi.id }));
    expect(again).toMatchObject({ statusCode: 400, code: 'charge_already_refunded' });
  });

  it('answers 404 in Stripe words for an unknown refund', async () => {
    const err = await stripeError(() => stripe.refunds.retrieve('re_missing'));
    expect(err).toMatchObject({ statusCode: 404, code: 'resource_missing', message: "No such refund: 're_missing'" });
  });

  it('a customer_balance refund waits in requires_action; cancel matches the seed example and gives the money back', async () => {
    const pi = await bankTransferPayment();
    const refund = await stripe.refunds.create({ payment_intent: pi.id, amount: 1000 });
    expect(refund.status).toBe('requires_action');
    expect(refund.next_action).toEqual({
      type: 'display_details',
      display_details: { email_sent: { email_sent_at: 1_700_000_000, email_sent_to: 'jenny@example.com' }, expires_at: 1_700_000_000 + 30 * DAY },
    });

    const canceled = await stripe.refunds.cancel(refund.id);
    expectShape(canceled, REFUND_TYPE, REFUND_EXAMPLE);
    expect(canceled).toMatchObject({ status: 'canceled', failure_reason: 'merchant_request', amount: 1000 });
    expect(canceled).not.toHaveProperty('next_action');
    const failureTxn = await stripe.balanceTransactions.retrieve(canceled.failure_balance_transaction as string);
    expect(failureTxn).toMatchObject({ type: 'refund_failure', amount: 1000, source: refund.id });
    const charge = await stripe.charges.retrieve(pi.latest_charge as string);
    expect(charge).toMatchObject({ amount_refunded: 0, refunded: false });
    const updated = await stripe.events.list({ type: 'refund.updated' });
    expect(updated.data[0].data.previous_attributes).toMatchObject({ status: 'requires_action' });

    const before = emulator.snapshot();
    const twice = await stripeError(() => stripe.refunds.cancel(refund.id));
    expect(twice.statusCode).toBe(400);
    expect(twice.message).toContain('canceled');
    expect(twice.message).toContain('requires_action');
    expect(emulator.snapshot()).toEqual(before);
  });

  it('a card refund cannot be canceled or expired', async () => {
    const refund = await stripe.refunds.create({ payment_intent: (await cardPayment()).id });
    for (const call of [() => stripe.refunds.cancel(refund.id), () => stripe.testHelpers.refunds.expire(refund.id)]) {
      const err = await stripeError(call);
      expect(err.statusCode).toBe(400);
      expect(err.message).toContain('succeeded');
    }
  });

  it('expire (test helper) and the clock fail a requires_action refund', async () => {
    const pi = await bankTransferPayment();
    const first = await stripe.refunds.create({ payment_intent: pi.id, amount: 1000, instructions_email: 'refunds@example.com' });
    expect(first.instructions_email).toBe('refunds@example.com');
    const expired = await stripe.testHelpers.refunds.expire(first.id);
    expect(expired).toMatchObject({ status: 'failed', failure_reason: 'unknown' });
    expect((await stripe.events.list({ type: 'refund.failed' })).data).toHaveLength(1);

    const second = await stripe.refunds.create({ payment_intent: pi.id, amount: 2000 });
    await emulator.advance(30 * DAY);
    expect((await stripe.refunds.retrieve(second.id)).status).toBe('failed');
    expect((await stripe.charges.retrieve(pi.latest_charge as string)).amount_refunded).toBe(0);
  });

  it('a customer_balance refund without any email to write to needs instructions_email', async () => {
    const pi = await stripe.paymentIntents.create({ amount: 1000, currency: 'usd', confirm: true, payment_method: 'pm_customer_balance', customer: 'cus_x' });
    const err = await stripeError(() => stripe.refunds.create({ payment_intent: pi.id }));
    expect(err).toMatchObject({ code: 'parameter_missing', param: 'instructions_email' });
  });

  it('update changes metadata and fires refund.updated with the changed keys', async () => {
    const refund = await stripe.refunds.create({ payment_intent: (await cardPayment()).id, metadata: { a: '1' } });
    const updated = await stripe.refunds.update(refund.id, { metadata: { b: '2', a: '' } });
    expect(updated.metadata).toEqual({ b: '2' });
    const [event] = (await stripe.events.list({ type: 'refund.updated' })).data;
    expect(event.data.previous_attributes).toEqual({ metadata: { a: '1', b: null } });
  });

  it('lists filter by charge, payment_intent and created, newest first', async () => {
    const a = await cardPayment();
    await stripe.refunds.create({ payment_intent: a.id, amount: 100 });
    await emulator.advance(100);
    const b = await cardPayment();
    const rb = await stripe.refunds.create({ payment_intent: b.id, amount: 200 });
    await stripe.refunds.create({ payment_intent: a.id, amount: 300 });

    expect((await stripe.refunds.list({ payment_intent: a.id })).data.map((r) => r.amount)).toEqual([300, 100]);
    expect((await stripe.refunds.list({ charge: b.latest_charge as string })).data.map((r) => r.id)).toEqual([rb.id]);
    expect((await stripe.refunds.list({ created: { lt: 1_700_000_050 } })).data.map((r) => r.amount)).toEqual([100]);
    const page = await stripe.refunds.list({ limit: 2 });
    expect(page).toMatchObject({ has_more: true, url: '/v1/refunds' });
  });

  it('expands charge, balance_transaction and payment_intent.latest_charge', async () => {
    const pi = await cardPayment();
    const refund = await stripe.refunds.create({ payment_intent: pi.id, expand: ['charge', 'balance_transaction', 'payment_intent.latest_charge'] });
    expect((refund.charge as Stripe.Charge).object).toBe('charge');
    expect((refund.balance_transaction as Stripe.BalanceTransaction).type).toBe('refund');
    expect(((refund.payment_intent as Stripe.PaymentIntent).latest_charge as Stripe.Charge).amount_refunded).toBe(5000);
  });

  it('charges: create with a test token, list by payment_intent, manual capture', async () => {
    const direct = await stripe.charges.create({ amount: 700, currency: 'usd', source: 'tok_mastercard', description: 'direct' });
    expect(direct.payment_method_details?.card?.brand).toBe('mastercard');
    const pi = await stripe.paymentIntents.create({ amount: 900, currency: 'usd', confirm: true, payment_method: 'pm_card_visa', capture_method: 'manual' });
    expect(pi.status).toBe('requires_capture');
    const uncaptured = await stripeError(() => stripe.refunds.create({ payment_intent: pi.id }));
    expect(uncaptured.statusCode).toBe(400);
    const captured = await stripe.paymentIntents.capture(pi.id);
    expect(captured).toMatchObject({ status: 'succeeded', amount_received: 900 });
    expect((await stripe.charges.list({ payment_intent: pi.id })).data.map((c) => c.id)).toEqual([pi.latest_charge]);
    expect((await stripe.charges.list()).data).toHaveLength(2);
  });
});
