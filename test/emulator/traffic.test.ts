import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../../src/emulator/index.js';
import { TRAFFIC_FIRST_STEP_MS } from '../../src/emulator/traffic.js';
import { inProcessStripe } from './support.js';

const count = (e: Emulator, type: string) => e.counts()['(platform)']?.[type] ?? 0;

/** The demo traffic `npm start` turns on: a step of new objects soon after it starts, then a bounded rate. */
describe('emulator demo traffic', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = createEmulator({ startTime: 1_767_225_600 });
    const stripe = inProcessStripe(emulator);
    const fa = await stripe.treasury.financialAccounts.create({ supported_currencies: ['usd'], nickname: 'Operating' });
    await stripe.testHelpers.treasury.receivedCredits.create({ financial_account: fa.id, amount: 1_000_000, currency: 'usd', network: 'ach' });
  });
  afterAll(() => emulator?.close());

  it('is off until asked, then makes a payout, an outbound payment and a refund with transitions minutes ahead', async () => {
    await new Promise((r) => setTimeout(r, TRAFFIC_FIRST_STEP_MS + 300));
    expect(count(emulator, 'payout')).toBe(0);

    emulator.startTraffic();
    emulator.startTraffic(); // a second call does nothing
    await expect.poll(() => count(emulator, 'refund'), { timeout: TRAFFIC_FIRST_STEP_MS + 3_000 }).toBe(1);
    expect(count(emulator, 'payout')).toBe(1);
    expect(count(emulator, 'treasury.outbound_payment')).toBe(1);
    const [payout] = emulator.snapshot()['(platform)'].objects.filter((o) => o.object === 'payout');
    // The first step's payout is instant: paid 30 emulated minutes later.
    expect(payout).toMatchObject({ method: 'instant', status: 'pending' });
    await emulator.advance(30 * 60);
    expect(emulator.account(null).get(payout.id)).toMatchObject({ status: 'paid' });
  });

  it('a clock jumping a day ahead makes no backlog of steps: the next one waits for its real-time floor', async () => {
    const payouts = count(emulator, 'payout');
    await emulator.advance(24 * 3600);
    await new Promise((r) => setTimeout(r, 500));
    expect(count(emulator, 'payout')).toBe(payouts);
  });
});
