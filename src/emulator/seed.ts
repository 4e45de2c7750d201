/**
 * Demo data, created through the official SDK bound in-process to the emulator
 * (so every object went through its real route and side effects), spread over
 * SEED_DAYS of emulator time: the clock moves a day at a time, so payouts and
 * outbound payments also move through their states by themselves. The clock
 * therefore ends SEED_DAYS after where it started (start the emulator with
 * `startTime: now - 90 days` to end at today). Deterministic: one seeded PRNG.
 *
 * Besides the volume, it holds the facts of Stripe's reference examples: a
 * 1100 usd pending manual payout with metadata order_id 6735, a canceled 1000
 * usd refund (merchant_request), a 400 usd transfer reversal with metadata
 * order_id 6735, and 10000 usd outbound payments "OutboundPayment to a 3rd
 * party" canceled, failed, posted, returned (account_closed) and with ACH
 * tracking trace_id 841042400123450.
 */
import type Stripe from 'stripe';
import type { SeedDemo } from './types.js';

export const SEED_DAYS = 90;
const DAY = 24 * 3600;

/** Connected accounts receiving transfers. */
export const DEMO_CONNECTED_ACCOUNTS = ['acct_1DemoBakeryCo0001', 'acct_1DemoFloristLtd02', 'acct_1DemoCycleShop003'] as const;

/** What the seed creates, for tests and docs. */
export const DEMO_COUNTS = {
  payouts: 240,
  paymentIntents: 150,
  transfers: 90,
  financialAccounts: 3,
  outboundPayments: 90,
} as const;

/** mulberry32: small, fast, good enough for demo data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CUSTOMERS = ['cus_DemoAlice', 'cus_DemoBob', 'cus_DemoCarol', 'cus_DemoDave', 'cus_DemoErin'];
const CARDS = ['pm_card_visa', 'pm_card_mastercard', 'pm_card_amex', 'pm_card_visa_debit'];
const REASONS = ['requested_by_customer', 'duplicate', 'fraudulent'] as const;
const RETURN_CODES = ['account_closed', 'no_account', 'invalid_account_number', 'account_frozen'] as const;

export const seedDemo: SeedDemo = async ({ stripe, clock, createAccount }) => {
  for (const account of DEMO_CONNECTED_ACCOUNTS) createAccount(account);
  const random = prng(20240607);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const cents = (min: number, max: number) => Math.round(min + random() * (max - min));
  const perDay = (total: number, day: number) => Math.floor(((day + 1) * total) / SEED_DAYS) - Math.floor((day * total) / SEED_DAYS);

  const financialAccounts: Stripe.Treasury.FinancialAccount[] = [];
  for (const nickname of ['Operating', 'Payroll', 'Reserve']) {
    const fa = await stripe.treasury.financialAccounts.create({ supported_currencies: ['usd'], nickname, metadata: { team: nickname.toLowerCase() } });
    await stripe.testHelpers.treasury.receivedCredits.create({ amount: 2_500_000, currency: 'usd', financial_account: fa.id, network: 'ach', description: 'Initial funding' });
    financialAccounts.push(fa);
  }

  const bankTransfer = (fa: string, amount: number, description: string) =>
    stripe.treasury.outboundPayments.create({
      amount,
      currency: 'usd',
      financial_account: fa,
      description,
      destination_payment_method_data: {
        type: 'us_bank_account',
        us_bank_account: { account_number: `0001234${cents(10000, 99999)}`, routing_number: '110000000', account_holder_type: 'company' },
        billing_details: { name: pick(['Acme Supplies', 'Globex LLC', 'Initech', 'Umbrella Corp']) },
      },
    });

  await seedReferenceExamples(stripe, financialAccounts[0].id);

  for (let day = 0; day < SEED_DAYS; day++) {
    for (let i = 0; i < perDay(DEMO_COUNTS.payouts, day); i++) {
      await stripe.payouts.create({ amount: cents(500, 250_000), currency: 'usd', description: pick(['Weekly payout', 'Settlement', null]) ?? undefined });
    }
    for (let i = 0; i < perDay(DEMO_COUNTS.paymentIntents, day); i++) {
      const amount = cents(1_000, 40_000);
      const bank = random() < 0.15;
      const customer = pick(CUSTOMERS);
      const pi = await stripe.paymentIntents.create({
        amount,
        currency: 'usd',
        confirm: true,
        payment_method: bank ? 'pm_customer_balance' : pick(CARDS),
        customer,
        receipt_email: `${customer.slice(8).toLowerCase()}@example.com`,
        description: `Order #${1000 + day * 10 + i}`,
      });
      const r = random();
      if (r < 0.45) {
        const refund = await stripe.refunds.create({ payment_intent: pi.id, reason: pick(REASONS), metadata: { ticket: `T-${day}-${i}` } });
        if (bank && r < 0.15) await stripe.refunds.cancel(refund.id);
        else if (bank && r < 0.3) await stripe.testHelpers.refunds.expire(refund.id);
      } else if (r < 0.75) {
        await stripe.refunds.create({ payment_intent: pi.id, amount: Math.floor(amount / 3), reason: 'requested_by_customer' });
      }
    }
    for (let i = 0; i < perDay(DEMO_COUNTS.transfers, day); i++) {
      const amount = cents(2_000, 80_000);
      const tr = await stripe.transfers.create({ amount, currency: 'usd', destination: pick(DEMO_CONNECTED_ACCOUNTS), transfer_group: `GROUP_${day}`, description: 'Marketplace share' });
      const r = random();
      if (r < 0.2) await stripe.transfers.createReversal(tr.id);
      else if (r < 0.5) {
        await stripe.transfers.createReversal(tr.id, { amount: Math.floor(amount / 4), metadata: { reason: 'adjustment' } });
        if (r < 0.35) await stripe.transfers.createReversal(tr.id, { amount: Math.floor(amount / 4) });
      }
    }
    for (let i = 0; i < perDay(DEMO_COUNTS.outboundPayments, day); i++) {
      const obp = await bankTransfer(pick(financialAccounts).id, cents(1_000, 60_000), `Vendor invoice ${day}-${i}`);
      const r = random();
      if (r < 0.12) await stripe.treasury.outboundPayments.cancel(obp.id);
      else if (r < 0.22) await stripe.testHelpers.treasury.outboundPayments.fail(obp.id);
      else if (r < 0.32) await stripe.testHelpers.treasury.outboundPayments.returnOutboundPayment(obp.id, { returned_details: { code: pick(RETURN_CODES) } });
      // The rest stay processing and the clock posts them (the last days' still process at the end).
    }
    await clock.advance(DAY);
  }
};

/** The reference examples' objects, by their facts. */
async function seedReferenceExamples(stripe: Stripe, financialAccount: string): Promise<void> {
  await stripe.payouts.create({ amount: 1100, currency: 'usd', metadata: { order_id: '6735' } });

  const pi = await stripe.paymentIntents.create({ amount: 1000, currency: 'usd', confirm: true, payment_method: 'pm_customer_balance', customer: 'cus_DemoAlice', receipt_email: 'alice@example.com' });
  await stripe.refunds.cancel((await stripe.refunds.create({ payment_intent: pi.id, amount: 1000 })).id);

  const tr = await stripe.transfers.create({ amount: 1100, currency: 'usd', destination: DEMO_CONNECTED_ACCOUNTS[0] });
  await stripe.transfers.createReversal(tr.id, { amount: 400, metadata: { order_id: '6735' } });

  const thirdParty = () =>
    stripe.treasury.outboundPayments.create({
      amount: 10_000,
      currency: 'usd',
      financial_account: financialAccount,
      description: 'OutboundPayment to a 3rd party',
      destination_payment_method_data: { type: 'us_bank_account', us_bank_account: { account_number: '000123456789', routing_number: '110000000' } },
    });
  await stripe.treasury.outboundPayments.cancel((await thirdParty()).id);
  await stripe.testHelpers.treasury.outboundPayments.fail((await thirdParty()).id);
  const posted = await stripe.testHelpers.treasury.outboundPayments.post((await thirdParty()).id);
  await stripe.testHelpers.treasury.outboundPayments.update(posted.id, { tracking_details: { type: 'ach', ach: { trace_id: '841042400123450' } } });
  await stripe.testHelpers.treasury.outboundPayments.returnOutboundPayment((await thirdParty()).id, { returned_details: { code: 'account_closed' } });
}
