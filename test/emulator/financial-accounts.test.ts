import type Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../../src/emulator/index.js';
import { expectShape, sdkFields } from './shape.js';
import { inProcessStripe, stripeError } from './support.js';

const FA_FILE = 'Treasury/FinancialAccounts.d.ts';
const T0 = 1_700_000_000;

describe('treasury financial accounts through the SDK', () => {
  let emulator: Emulator;
  let stripe: Stripe;
  beforeEach(() => {
    emulator = createEmulator({ startTime: T0, accounts: ['acct_1SomeoneElse'] });
    stripe = inProcessStripe(emulator);
  });
  afterEach(() => emulator.close());

  const open = (extra: Partial<Stripe.Treasury.FinancialAccountCreateParams> = {}) =>
    stripe.treasury.financialAccounts.create({ supported_currencies: ['usd'], ...extra });
  const credit = (financialAccount: string, amount: number) =>
    stripe.testHelpers.treasury.receivedCredits.create({ amount, currency: 'usd', financial_account: financialAccount, network: 'ach' });

  it('create answers every field of the SDK type, features only when expanded', async () => {
    const fa = await open({
      nickname: 'Operating',
      metadata: { team: 'ops' },
      features: { card_issuing: { requested: true }, outbound_payments: { us_domestic_wire: { requested: false } } },
      platform_restrictions: { outbound_flows: 'restricted' },
    });
    for (const field of sdkFields(FA_FILE, 'FinancialAccount')) {
      if (field !== 'features') expect(fa, `FinancialAccount.${field}`).toHaveProperty(field);
    }
    expect(fa).not.toHaveProperty('features');
    expect(fa.id).toMatch(/^fa_/);
    expect(fa).toMatchObject({
      object: 'treasury.financial_account',
      status: 'open',
      status_details: { closed: null },
      supported_currencies: ['usd'],
      balance: { cash: { usd: 0 }, inbound_pending: { usd: 0 }, outbound_pending: { usd: 0 } },
      created: T0,
      livemode: false,
      nickname: 'Operating',
      metadata: { team: 'ops' },
      platform_restrictions: { inbound_flows: null, outbound_flows: 'restricted' },
    });
    expect(fa.active_features).toContain('card_issuing');
    expect(fa.active_features).toContain('outbound_payments.ach');
    expect(fa.active_features).not.toContain('outbound_payments.us_domestic_wire');
    expect(fa.financial_addresses[0]).toMatchObject({ type: 'aba', aba: { account_holder_name: 'Operating' } });
    expect((await stripe.treasury.financialAccounts.retrieve(fa.id))).not.toHaveProperty('features');

    const expanded = await stripe.treasury.financialAccounts.retrieve(fa.id, { expand: ['features'] });
    expect(expanded.features).toMatchObject({
      object: 'treasury.financial_account_features',
      card_issuing: { requested: true, status: 'active' },
      outbound_payments: { ach: { requested: true, status: 'active' } },
    });
    expect(expanded.features?.outbound_payments?.us_domestic_wire).toBeUndefined();
    const listed = await stripe.treasury.financialAccounts.list({ expand: ['data.features'] });
    expect(listed.data[0].features?.object).toBe('treasury.financial_account_features');
    expect((await stripe.treasury.financialAccounts.list()).data[0]).not.toHaveProperty('features');
    expect((await stripe.events.list({ type: 'treasury.financial_account.created' })).data[0].data.object).toMatchObject({ id: fa.id });
  });

  it('update changes nickname, metadata, restrictions and features (features_status_updated)', async () => {
    const fa = await open({ metadata: { keep: 'yes', drop: 'me' } });
    const updated = await stripe.treasury.financialAccounts.update(fa.id, {
      nickname: 'Payroll',
      metadata: { drop: '' },
      platform_restrictions: { inbound_flows: 'restricted' },
      features: { outbound_payments: { ach: { requested: false } } },
      expand: ['features'],
    });
    expect(updated).toMatchObject({ nickname: 'Payroll', metadata: { keep: 'yes' }, platform_restrictions: { inbound_flows: 'restricted', outbound_flows: null } });
    expect(updated.active_features).not.toContain('outbound_payments.ach');
    expect(updated.features?.outbound_payments?.ach).toBeUndefined();
    expect(await stripe.treasury.financialAccounts.retrieve(fa.id)).toMatchObject({ nickname: 'Payroll', active_features: updated.active_features });
    expect((await stripe.events.list({ type: 'treasury.financial_account.features_status_updated' })).data).toHaveLength(1);

    // Without the feature, an ACH outbound payment is refused.
    await credit(fa.id, 1000);
    const refused = await stripeError(() =>
      stripe.treasury.outboundPayments.create({
        amount: 100,
        currency: 'usd',
        financial_account: fa.id,
        destination_payment_method_data: { type: 'us_bank_account', us_bank_account: { account_number: '000123456789', routing_number: '110000000' } },
      }),
    );
    expect(refused).toMatchObject({ statusCode: 400, param: 'financial_account' });
    expect(refused.message).toContain('outbound_payments.ach');
  });

  it('close: closed with a reason, refused with funds or twice, and a closed account takes no money', async () => {
    const funded = await open();
    await credit(funded.id, 500);
    const before = emulator.snapshot();
    const holding = await stripeError(() => stripe.treasury.financialAccounts.close(funded.id));
    expect(holding.statusCode).toBe(400);
    expect(holding.message).toContain('funds');
    expect(emulator.snapshot()).toEqual(before);

    const fa = await open();
    const closed = await stripe.treasury.financialAccounts.close(fa.id);
    expect(closed).toMatchObject({ id: fa.id, status: 'closed', status_details: { closed: { reasons: ['closed_by_platform'] } }, active_features: [] });
    expect((await stripe.treasury.financialAccounts.retrieve(fa.id)).status).toBe('closed');
    expect((await stripe.events.list({ type: 'treasury.financial_account.closed' })).data.map((e) => (e.data.object as { id: string }).id)).toEqual([fa.id]);

    const again = await stripeError(() => stripe.treasury.financialAccounts.close(fa.id));
    expect(again.statusCode).toBe(400);
    expect(again.message).toContain('closed');
    const noCredit = await stripeError(() => credit(fa.id, 100));
    expect(noCredit).toMatchObject({ statusCode: 400, param: 'financial_account' });
    const noPayment = await stripeError(() =>
      stripe.treasury.outboundPayments.create({
        amount: 1,
        currency: 'usd',
        financial_account: fa.id,
        destination_payment_method_data: { type: 'financial_account', financial_account: funded.id },
      }),
    );
    expect(noPayment).toMatchObject({ statusCode: 400, param: 'financial_account' });
    expect((await stripe.treasury.financialAccounts.retrieve(fa.id)).balance.cash).toEqual({ usd: 0 });
  });

  it('lists newest first, filtered by created and status, and pages', async () => {
    const a = await open();
    await emulator.advance(100);
    const b = await open();
    await emulator.advance(100);
    const c = await open();
    await stripe.treasury.financialAccounts.close(b.id);
    const ids = (params: Stripe.Treasury.FinancialAccountListParams = {}) =>
      stripe.treasury.financialAccounts.list(params).then((l) => l.data.map((fa) => fa.id));

    expect(await ids()).toEqual([c.id, b.id, a.id]);
    expect(await ids({ created: { gte: T0 + 100 } })).toEqual([c.id, b.id]);
    expect(await ids({ created: { lt: T0 + 100 } })).toEqual([a.id]);
    expect(await ids({ created: T0 + 200 })).toEqual([c.id]);
    expect(await ids({ status: 'closed' })).toEqual([b.id]);
    expect(await ids({ status: 'open' })).toEqual([c.id, a.id]);
    const page = await stripe.treasury.financialAccounts.list({ limit: 2 });
    expect(page).toMatchObject({ object: 'list', has_more: true, url: '/v1/treasury/financial_accounts' });
    expect(await ids({ starting_after: page.data[1].id })).toEqual([a.id]);
    const all = await stripe.treasury.financialAccounts.list({ limit: 1 }).autoPagingToArray({ limit: 10 });
    expect(all.map((fa) => fa.id)).toEqual([c.id, b.id, a.id]);
  });

  it('the received-credit test helper answers a succeeded credit, a posted transaction and more cash', async () => {
    const fa = await open();
    const rc = await credit(fa.id, 12_345);
    for (const field of sdkFields('Treasury/ReceivedCredits.d.ts', 'ReceivedCredit')) expect(rc, `ReceivedCredit.${field}`).toHaveProperty(field);
    expect(rc.id).toMatch(/^rc_/);
    expect(rc).toMatchObject({
      object: 'treasury.received_credit',
      amount: 12_345,
      currency: 'usd',
      financial_account: fa.id,
      network: 'ach',
      status: 'succeeded',
      failure_code: null,
      livemode: false,
      initiating_payment_method_details: { type: 'us_bank_account' },
      reversal_details: { deadline: expect.any(Number), restricted_reason: null },
    });
    expect(rc.transaction).toMatch(/^trxn_/);
    expect(await stripe.treasury.receivedCredits.retrieve(rc.id)).toEqual(rc);

    const txn = await stripe.treasury.transactions.retrieve(rc.transaction as string);
    expectShape(txn, { file: 'Treasury/Transactions.d.ts', name: 'Transaction' });
    expect(txn).toMatchObject({
      object: 'treasury.transaction',
      amount: 12_345,
      financial_account: fa.id,
      flow: rc.id,
      flow_type: 'received_credit',
      status: 'posted',
      balance_impact: { cash: 12_345, inbound_pending: 0, outbound_pending: 0 },
      status_transitions: { posted_at: T0, void_at: null },
    });
    expect((await stripe.treasury.receivedCredits.retrieve(rc.id, { expand: ['transaction'] })).transaction).toMatchObject({ id: txn.id });

    const second = await credit(fa.id, 655);
    expect((await stripe.treasury.financialAccounts.retrieve(fa.id)).balance).toEqual({ cash: { usd: 13_000 }, inbound_pending: { usd: 0 }, outbound_pending: { usd: 0 } });
    const txns = await stripe.treasury.transactions.list({ financial_account: fa.id });
    expect(txns.data.map((t) => t.id)).toEqual([second.transaction, rc.transaction]);
    const other = await open();
    expect((await stripe.treasury.transactions.list({ financial_account: other.id })).data).toEqual([]);
    const types = (await stripe.events.list()).data.map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['treasury.received_credit.created', 'treasury.received_credit.succeeded']));
  });

  it('refuses unknown accounts (404) and bad input without changing anything', async () => {
    const fa = await open();
    const before = emulator.snapshot();
    for (const call of [
      () => stripe.treasury.financialAccounts.retrieve('fa_missing'),
      () => stripe.treasury.financialAccounts.update('fa_missing', { nickname: 'x' }),
      () => stripe.treasury.financialAccounts.close('fa_missing'),
    ]) {
      expect(await stripeError(call)).toMatchObject({ statusCode: 404, code: 'resource_missing', message: "No such financial_account: 'fa_missing'" });
    }
    expect(await stripeError(() => credit('fa_missing', 100))).toMatchObject({ statusCode: 404, param: 'financial_account' });
    expect(await stripeError(() => stripe.treasury.financialAccounts.create({ supported_currencies: ['eur'] }))).toMatchObject({ statusCode: 400, param: 'supported_currencies' });
    expect(await stripeError(() => stripe.testHelpers.treasury.receivedCredits.create({ amount: 1, currency: 'eur', financial_account: fa.id, network: 'ach' }))).toMatchObject({
      statusCode: 400,
      param: 'currency',
    });
    expect(emulator.snapshot()).toEqual(before);
    // Another account's financial account is not visible.
    expect(await stripeError(() => stripe.treasury.financialAccounts.retrieve(fa.id, {}, { stripeAccount: 'acct_1SomeoneElse' }))).toMatchObject({ statusCode: 404 });
  });
});
