import type Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../../src/emulator/index.js';
import { OUTBOUND_PAYMENT_EXAMPLE, expectShape } from './shape.js';
import { inProcessStripe, stripeError } from './support.js';

const OBP_TYPE = { file: 'Treasury/OutboundPayments.d.ts', name: 'OutboundPayment' };
const T0 = 1_700_000_000;

describe('treasury outbound payments through the SDK', () => {
  let emulator: Emulator;
  let stripe: Stripe;
  let fa: Stripe.Treasury.FinancialAccount;
  beforeEach(async () => {
    emulator = createEmulator({ startTime: T0 });
    stripe = inProcessStripe(emulator);
    fa = await stripe.treasury.financialAccounts.create({ supported_currencies: ['usd'] });
    await stripe.testHelpers.treasury.receivedCredits.create({ amount: 50_000, currency: 'usd', financial_account: fa.id, network: 'ach' });
  });
  afterEach(() => emulator.close());

  const toFinancialAccount = (amount = 10_000) =>
    stripe.treasury.outboundPayments.create({
      amount,
      currency: 'usd',
      financial_account: fa.id,
      description: 'OutboundPayment to a 3rd party',
      destination_payment_method_data: { type: 'financial_account', financial_account: 'fa_1LpyM72eZvKYlo2CiUmr2kuV' },
    });
  const toBank = (amount = 10_000, extra: Partial<Stripe.Treasury.OutboundPaymentCreateParams> = {}) =>
    stripe.treasury.outboundPayments.create({
      amount,
      currency: 'usd',
      financial_account: fa.id,
      destination_payment_method_data: {
        type: 'us_bank_account',
        us_bank_account: { account_number: '000123456789', routing_number: '110000000', account_holder_type: 'company' },
        billing_details: { name: 'Acme Supplies' },
      },
      ...extra,
    });
  const balance = async () => (await stripe.treasury.financialAccounts.retrieve(fa.id)).balance;

  it('create: processing, cancelable, open transaction, cash moved to outbound_pending', async () => {
    const obp = await toBank(10_000, { customer: 'cus_1', metadata: { invoice: 'INV-1' } });
    expectShape(obp, OBP_TYPE, OUTBOUND_PAYMENT_EXAMPLE);
    expect(obp).toMatchObject({ status: 'processing', cancelable: true, statement_descriptor: 'payment', livemode: false, customer: 'cus_1' });
    expect(obp.id).toMatch(/^obp_/);
    expect(obp.destination_payment_method_details).toMatchObject({ type: 'us_bank_account', us_bank_account: { last4: '6789', network: 'ach' }, billing_details: { name: 'Acme Supplies' } });
    expect(obp.expected_arrival_date).toBeGreaterThan(T0);
    const txn = await stripe.treasury.transactions.retrieve(obp.transaction as string);
    expect(txn).toMatchObject({ status: 'open', flow_type: 'outbound_payment', flow: obp.id, amount: -10_000, balance_impact: { cash: -10_000, inbound_pending: 0, outbound_pending: 10_000 } });
    expect(await balance()).toEqual({ cash: { usd: 40_000 }, inbound_pending: { usd: 0 }, outbound_pending: { usd: 10_000 } });
  });

  it('cancel matches the seed example, voids the transaction and releases the funds; a second cancel is refused', async () => {
    const obp = await toFinancialAccount();
    await emulator.advance(1);
    const canceled = await stripe.treasury.outboundPayments.cancel(obp.id);
    expectShape(canceled, OBP_TYPE, OUTBOUND_PAYMENT_EXAMPLE);
    expect(canceled).toMatchObject({ status: 'canceled', cancelable: false, status_transitions: { canceled_at: T0 + 1, posted_at: null, failed_at: null, returned_at: null } });
    expect(canceled.destination_payment_method_details).toMatchObject({ type: 'financial_account', financial_account: { id: 'fa_1LpyM72eZvKYlo2CiUmr2kuV', network: 'stripe' } });
    expect((await stripe.treasury.transactions.retrieve(obp.transaction as string)).status).toBe('void');
    expect((await balance()).cash.usd).toBe(50_000);

    const before = emulator.snapshot();
    const again = await stripeError(() => stripe.treasury.outboundPayments.cancel(obp.id));
    expect(again.statusCode).toBe(400);
    expect(again.message).toContain('canceled');
    expect(emulator.snapshot()).toEqual(before);
  });

  it('test helpers post / fail / return only from processing', async () => {
    const posted = await stripe.testHelpers.treasury.outboundPayments.post((await toBank(1000)).id);
    expectShape(posted, OBP_TYPE, OUTBOUND_PAYMENT_EXAMPLE);
    expect(posted).toMatchObject({ status: 'posted', cancelable: false, status_transitions: { posted_at: T0 } });
    expect(await balance()).toMatchObject({ cash: { usd: 49_000 }, outbound_pending: { usd: 0 } });

    const failed = await stripe.testHelpers.treasury.outboundPayments.fail((await toBank(2000)).id);
    expect(failed).toMatchObject({ status: 'failed', status_transitions: { failed_at: T0 } });
    expect((await balance()).cash.usd).toBe(49_000);

    const returned = await stripe.testHelpers.treasury.outboundPayments.returnOutboundPayment((await toBank(3000)).id);
    expectShape(returned, OBP_TYPE, OUTBOUND_PAYMENT_EXAMPLE);
    expect(returned).toMatchObject({ status: 'returned', returned_details: { code: 'account_closed' }, status_transitions: { posted_at: T0, returned_at: T0 } });
    const credit = await stripe.treasury.transactions.retrieve(returned.returned_details?.transaction as string);
    expect(credit).toMatchObject({ amount: 3000, status: 'posted', balance_impact: { cash: 3000 } });
    expect(await balance()).toMatchObject({ cash: { usd: 49_000 }, outbound_pending: { usd: 0 } });

    const coded = await stripe.testHelpers.treasury.outboundPayments.returnOutboundPayment((await toBank(10)).id, { returned_details: { code: 'no_account' } });
    expect(coded.returned_details?.code).toBe('no_account');

    for (const call of [
      () => stripe.testHelpers.treasury.outboundPayments.post(posted.id),
      () => stripe.testHelpers.treasury.outboundPayments.fail(posted.id),
      () => stripe.testHelpers.treasury.outboundPayments.returnOutboundPayment(failed.id),
      () => stripe.treasury.outboundPayments.cancel(returned.id),
    ]) {
      expect((await stripeError(call)).statusCode).toBe(400);
    }
    const types = (await stripe.events.list({ limit: 100 })).data.map((e) => e.type);
    for (const t of ['created', 'posted', 'failed', 'returned']) expect(types).toContain(`treasury.outbound_payment.${t}`);
  });

  it('tracking details: refused while cancelable, set once after the clock locks it, refused again', async () => {
    const obp = await toBank(500);
    const tracking = { tracking_details: { type: 'ach' as const, ach: { trace_id: '841042400123450' } } };
    expect((await stripeError(() => stripe.testHelpers.treasury.outboundPayments.update(obp.id, tracking))).message).toContain('cancelable');
    await emulator.advance(30 * 60);
    const locked = await stripe.treasury.outboundPayments.retrieve(obp.id);
    expect(locked).toMatchObject({ status: 'processing', cancelable: false });
    expect((await stripeError(() => stripe.treasury.outboundPayments.cancel(obp.id))).statusCode).toBe(400);
    const updated = await stripe.testHelpers.treasury.outboundPayments.update(obp.id, tracking);
    expect(updated.tracking_details).toEqual({ type: 'ach', ach: { trace_id: '841042400123450' } });
    expect((await stripeError(() => stripe.testHelpers.treasury.outboundPayments.update(obp.id, tracking))).message).toContain('already');
    expect((await stripe.events.list({ type: 'treasury.outbound_payment.tracking_details_updated' })).data).toHaveLength(1);
  });

  it('the clock posts a processing payment at its expected arrival date', async () => {
    const obp = await toBank(700);
    await emulator.advance(obp.expected_arrival_date - T0);
    const now = await stripe.treasury.outboundPayments.retrieve(obp.id);
    expect(now).toMatchObject({ status: 'posted', status_transitions: { posted_at: obp.expected_arrival_date } });
    expect((await stripe.treasury.transactions.retrieve(obp.transaction as string)).status).toBe('posted');
  });

  it('refuses more than the cash balance (insufficient_funds) and changes nothing', async () => {
    const before = emulator.snapshot();
    const err = await stripeError(() => toBank(50_001));
    expect(err).toMatchObject({ statusCode: 400, code: 'insufficient_funds' });
    expect(emulator.snapshot()).toEqual(before);
  });

  it('list requires financial_account and filters by status, customer and created', async () => {
    const missing = await stripeError(() => stripe.treasury.outboundPayments.list({} as Stripe.Treasury.OutboundPaymentListParams));
    expect(missing).toMatchObject({ statusCode: 400, code: 'parameter_missing', param: 'financial_account' });
    const a = await toBank(100, { customer: 'cus_a' });
    await emulator.advance(10);
    const b = await toBank(200);
    await stripe.testHelpers.treasury.outboundPayments.post(b.id);
    const list = (p: Partial<Stripe.Treasury.OutboundPaymentListParams>) =>
      stripe.treasury.outboundPayments.list({ financial_account: fa.id, ...p }).then((l) => l.data.map((o) => o.id));
    expect(await list({})).toEqual([b.id, a.id]);
    expect(await list({ status: 'posted' })).toEqual([b.id]);
    expect(await list({ customer: 'cus_a' })).toEqual([a.id]);
    expect(await list({ created: { lte: T0 } })).toEqual([a.id]);
  });

  it('expands transaction', async () => {
    const obp = await stripe.treasury.outboundPayments.retrieve((await toBank(100)).id, { expand: ['transaction'] });
    expect((obp.transaction as Stripe.Treasury.Transaction).object).toBe('treasury.transaction');
  });

  it('expands returned_details.transaction through the plain hash, on one payment and on lists', async () => {
    const returned = await stripe.testHelpers.treasury.outboundPayments.returnOutboundPayment((await toBank(300)).id, {
      expand: ['returned_details.transaction'],
    });
    const credit = returned.returned_details?.transaction as Stripe.Treasury.Transaction;
    expect(credit).toMatchObject({ object: 'treasury.transaction', amount: 300, status: 'posted', flow: returned.id });
    expect(returned.returned_details?.code).toBe('account_closed');

    const processing = await toBank(100);
    const list = await stripe.treasury.outboundPayments.list({ financial_account: fa.id, expand: ['data.returned_details.transaction', 'data.transaction'] });
    const byId = new Map(list.data.map((p) => [p.id, p]));
    expect((byId.get(returned.id)?.returned_details?.transaction as Stripe.Treasury.Transaction).id).toBe(credit.id);
    expect((byId.get(returned.id)?.transaction as Stripe.Treasury.Transaction).amount).toBe(-300);
    expect(byId.get(processing.id)?.returned_details).toBeNull();

    // Stored objects keep the id; the hash itself and its other fields are not expandable.
    expect((await stripe.treasury.outboundPayments.retrieve(returned.id)).returned_details?.transaction).toBe(credit.id);
    for (const [path, refused] of [['returned_details', 'returned_details'], ['returned_details.code', 'returned_details.code'], ['status_transitions.posted_at', 'status_transitions']]) {
      const err = await stripeError(() => stripe.treasury.outboundPayments.retrieve(returned.id, { expand: [path] }));
      expect(err).toMatchObject({ statusCode: 400, message: `This property cannot be expanded (${refused}).` });
    }
  });
});
