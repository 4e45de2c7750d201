import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../../src/emulator/index.js';
import { DEMO_CONNECTED_ACCOUNTS, DEMO_COUNTS, SEED_DAYS } from '../../src/emulator/seed.js';
import { inProcessStripe, stored } from './support.js';

const T0 = 1_700_000_000;

describe('demo seed', () => {
  let emulator: Emulator;
  let stripe: Stripe;
  beforeAll(async () => {
    emulator = createEmulator({ startTime: T0, seed: 'demo' });
    await emulator.ready;
    stripe = inProcessStripe(emulator);
  });
  afterAll(() => emulator.close());

  const statuses = (type: string) => {
    const counts: Record<string, number> = {};
    for (const o of stored(emulator, type)) counts[o.status as string] = (counts[o.status as string] ?? 0) + 1;
    return counts;
  };

  it('creates the promised volume over ~90 days of clock time', () => {
    // +1 payout, +1 intent, +1 transfer, +4 outbound payments from the reference examples
    expect(stored(emulator, 'payout').length).toBeGreaterThanOrEqual(DEMO_COUNTS.payouts);
    expect(stored(emulator, 'payment_intent')).toHaveLength(DEMO_COUNTS.paymentIntents + 1);
    expect(stored(emulator, 'transfer')).toHaveLength(DEMO_COUNTS.transfers + 1);
    expect(stored(emulator, 'treasury.financial_account')).toHaveLength(DEMO_COUNTS.financialAccounts);
    expect(stored(emulator, 'treasury.outbound_payment')).toHaveLength(DEMO_COUNTS.outboundPayments + 4);
    expect(stored(emulator, 'refund').length).toBeGreaterThan(50);
    expect(stored(emulator, 'transfer_reversal').length).toBeGreaterThan(20);
    expect(emulator.clock.now()).toBe(T0 + SEED_DAYS * 24 * 3600);
    const created = stored(emulator, 'payout').map((p) => p.created as number);
    expect(Math.max(...created) - Math.min(...created)).toBeGreaterThan(80 * 24 * 3600);
  });

  it('spreads objects across their statuses', () => {
    expect(Object.keys(statuses('treasury.outbound_payment')).sort()).toEqual(['canceled', 'failed', 'posted', 'processing', 'returned']);
    expect(Object.keys(statuses('refund'))).toEqual(expect.arrayContaining(['succeeded', 'canceled', 'failed']));
    const transfers = stored(emulator, 'transfer');
    expect(transfers.some((t) => t.reversed === true)).toBe(true);
    expect(transfers.some((t) => t.reversed === false && (t.amount_reversed as number) > 0)).toBe(true);
    for (const account of DEMO_CONNECTED_ACCOUNTS) expect(stored(emulator, 'charge', account).length).toBeGreaterThan(0);
  });

  it('makes its three connected accounts exist: each reads its own payments with Stripe-Account', async () => {
    expect(emulator.accounts()).toEqual([...DEMO_CONNECTED_ACCOUNTS]);
    for (const account of DEMO_CONNECTED_ACCOUNTS) {
      const payments = await stripe.charges.list({ limit: 100 }, { stripeAccount: account });
      expect(payments.data.length).toBeGreaterThan(0);
      expect(payments.data.every((p) => p.id.startsWith('py_'))).toBe(true);
    }
  });

  it('holds the reference examples\' facts, readable through the SDK', async () => {
    const canceledRefund = stored(emulator, 'refund').find((r) => r.amount === 1000 && r.status === 'canceled');
    expect(canceledRefund?.failure_reason).toBe('merchant_request');
    const reversal = stored(emulator, 'transfer_reversal').find((r) => r.amount === 400 && (r.metadata as Record<string, string>).order_id === '6735');
    const reversed = await stripe.transfers.retrieve(reversal!.transfer as string);
    expect(reversed).toMatchObject({ amount: 1100, currency: 'usd', amount_reversed: 400, destination: DEMO_CONNECTED_ACCOUNTS[0] });
    expect(reversed.reversals.data.map((r) => r.id)).toEqual([reversal!.id]);
    const fa = stored(emulator, 'treasury.financial_account')[0].id;
    const thirdParty = await stripe.treasury.outboundPayments.list({ financial_account: fa, limit: 100 }).autoPagingToArray({ limit: 1000 });
    const examples = thirdParty.filter((o) => o.description === 'OutboundPayment to a 3rd party');
    expect(examples.map((o) => o.status).sort()).toEqual(['canceled', 'failed', 'posted', 'returned']);
    expect(examples.find((o) => o.status === 'posted')?.tracking_details).toEqual({ type: 'ach', ach: { trace_id: '841042400123450' } });
  });

  it('is deterministic apart from ids', async () => {
    const other = createEmulator({ startTime: T0, seed: 'demo' });
    await other.ready;
    const amounts = (e: Emulator) => stored(e, 'treasury.outbound_payment').map((o) => [o.amount, o.status, o.created]);
    expect(amounts(other)).toEqual(amounts(emulator));
    await other.close();
  });
});
