/**
 * Demo traffic: a little activity that keeps an emulator alive for someone watching it (the
 * gateway's `npm start`), without touching the deterministic seed. Its first step comes
 * TRAFFIC_FIRST_STEP_MS after it starts (time for a client to subscribe); then a step every
 * TRAFFIC_STEP_SECONDS of emulator time, and at least TRAFFIC_MIN_REAL_MS of real time after the
 * last one. Each step makes, through the official SDK like the seed:
 * - one payout, instant (in transit and paid 30 emulated minutes later) and standard (PENDING for
 *   6 emulated hours: one to cancel) in turn;
 * - one outbound payment from each open financial account (the first three): to another account
 *   (posts 30 emulated minutes later) and by wire (PROCESSING for 4 emulated hours: one to post
 *   or, in its first 30 minutes, cancel) in turn; an account running low is credited first;
 * - every fourth step, a payment and its refund: a card refund (SUCCEEDED at once) and a bank
 *   transfer refund (REQUIRES_ACTION: one to cancel) in turn.
 * Bounded: the real-time floor holds the rate whatever the clock speed, the clock holds it when the
 * clock is slow or frozen (no step while it stands still), and it stops after TRAFFIC_MAX_STEPS (a
 * real day at the floor: 4,320 steps; a step adds about 20 objects, events included, and 36 KB of
 * heap, so at most about 160 MB).
 */
import type Stripe from 'stripe';
import type { ControllableClock } from './clock.js';

export const TRAFFIC_FIRST_STEP_MS = 2_000;
export const TRAFFIC_STEP_SECONDS = 10 * 60;
export const TRAFFIC_MIN_REAL_MS = 20_000;
export const TRAFFIC_MAX_STEPS = (24 * 3600 * 1000) / TRAFFIC_MIN_REAL_MS;
/** Outbound payments go out of at most this many financial accounts per step. */
const MAX_ACCOUNTS = 3;
/** An account with less cash than this (cents) is credited TOP_UP before it pays. */
const LOW_CASH = 200_000;
const TOP_UP = 2_000_000;

export interface Traffic {
  /** Ends it: no step starts afterwards. */
  stop(): void;
}

export interface TrafficDeps {
  /** The SDK bound in-process to the emulator (not counted, no faults), as the platform. */
  stripe: Stripe;
  clock: ControllableClock;
  /** What it has to say: a step that failed (the traffic goes on), the end at TRAFFIC_MAX_STEPS. */
  report(message: string): void;
}

/** Starts the traffic: its first step at once, then one per step of the clock (see above). */
export function startTraffic({ stripe, clock, report }: TrafficDeps): Traffic {
  let step = 0;
  let stopped = false;
  // As if a step had started just long enough ago for the first one to come TRAFFIC_FIRST_STEP_MS from now.
  let lastStart = performance.now() - TRAFFIC_MIN_REAL_MS + TRAFFIC_FIRST_STEP_MS;
  let wait: NodeJS.Timeout | undefined;

  async function run(): Promise<void> {
    const remaining = lastStart + TRAFFIC_MIN_REAL_MS - performance.now();
    if (remaining > 0) await new Promise<void>((resolve) => (wait = setTimeout(resolve, remaining).unref()));
    if (stopped) return;
    if (step === TRAFFIC_MAX_STEPS) return report(`stopped after ${TRAFFIC_MAX_STEPS} steps (a day's worth), so the store stops growing`);
    lastStart = performance.now();
    await trafficStep(stripe, step++).catch((err: unknown) => report(`a step failed: ${err instanceof Error ? err.message : String(err)}`));
    // Scheduled once the step is done: a clock jumping days ahead runs one step, not a backlog.
    if (!stopped) clock.schedule(clock.now() + TRAFFIC_STEP_SECONDS, () => void run());
  }

  void run();
  return {
    stop() {
      stopped = true;
      clearTimeout(wait);
    },
  };
}

const between = (min: number, max: number, n: number) => min + ((n * 7919) % (max - min));

/** Step `n` of the traffic (exported for the test that bounds what a step adds). */
export async function trafficStep(stripe: Stripe, n: number): Promise<void> {
  const instant = n % 2 === 0;
  await stripe.payouts.create({
    amount: between(500, 20_000, n),
    currency: 'usd',
    method: instant ? 'instant' : 'standard',
    description: instant ? 'Instant payout (demo traffic)' : 'Payout (demo traffic)',
  });

  const accounts = (await stripe.treasury.financialAccounts.list({ limit: 10 })).data.filter((fa) => fa.status === 'open').slice(0, MAX_ACCOUNTS);
  for (const [i, fa] of accounts.entries()) {
    if ((fa.balance.cash.usd ?? 0) < LOW_CASH) {
      await stripe.testHelpers.treasury.receivedCredits.create({ financial_account: fa.id, amount: TOP_UP, currency: 'usd', network: 'ach', description: 'Top-up (demo traffic)' });
    }
    const other = accounts[(i + 1) % accounts.length];
    const toAccount = instant && other.id !== fa.id;
    await stripe.treasury.outboundPayments.create({
      financial_account: fa.id,
      amount: between(1_000, 30_000, n + i),
      currency: 'usd',
      description: toAccount ? `Transfer to ${other.nickname ?? other.id} (demo traffic)` : 'Vendor invoice (demo traffic)',
      ...(toAccount
        ? { destination_payment_method_data: { type: 'financial_account', financial_account: other.id } }
        : {
            destination_payment_method_data: {
              type: 'us_bank_account',
              us_bank_account: { account_number: '000123456789', routing_number: '110000000', account_holder_type: 'company' },
              billing_details: { name: 'Acme Supplies' },
            },
            destination_payment_method_options: { us_bank_account: { network: 'us_domestic_wire' } },
          }),
    });
  }

  if (n % 4 === 0) {
    const card = n % 8 === 0;
    const amount = between(2_000, 40_000, n);
    const payment = await stripe.paymentIntents.create({
      amount,
      currency: 'usd',
      confirm: true,
      description: 'Order (demo traffic)',
      ...(card ? { payment_method: 'pm_card_visa' } : { payment_method: 'pm_customer_balance', customer: 'cus_DemoAlice', receipt_email: 'alice@example.com' }),
    });
    await stripe.refunds.create({ payment_intent: payment.id, amount: card ? amount : Math.floor(amount / 2), reason: 'requested_by_customer' });
  }
}

/** Real milliseconds between steps at a clock speed (emulated seconds per real second); null when the clock is frozen. */
export function trafficIntervalMs(speed: number): number | null {
  return speed > 0 ? Math.max(TRAFFIC_MIN_REAL_MS, (TRAFFIC_STEP_SECONDS * 1000) / speed) : null;
}
