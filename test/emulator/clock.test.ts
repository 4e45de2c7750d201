import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../src/emulator/index.js';
import { TEST_KEY, inProcessStripe } from './support.js';

const DAY = 24 * 3600;

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('real-time clock', () => {
  it('moves a payout to paid without advance(), and stops ticking on close()', async () => {
    // 4 days of emulator time per real second: a standard payout (2 days) pays in about half a second.
    const emulator = createEmulator({ startTime: 1_700_000_000, realtimeSpeed: 4 * DAY });
    const stripe = inProcessStripe(emulator);
    try {
      const payout = await stripe.payouts.create({ amount: 500, currency: 'usd' });
      expect(payout.status).toBe('pending');
      const seen = new Set<string>();
      const paid = await waitFor(
        () => stripe.payouts.retrieve(payout.id),
        (p) => (seen.add(p.status), p.status === 'paid'),
        1500,
      );
      expect(paid.status).toBe('paid');
      expect(emulator.clock.now()).toBeGreaterThanOrEqual(payout.arrival_date);
      expect(seen.has('pending') || seen.has('in_transit')).toBe(true);
    } finally {
      await emulator.close();
    }

    const stoppedAt = emulator.clock.now();
    const late = await stripe.payouts.create({ amount: 100, currency: 'usd' });
    await new Promise((r) => setTimeout(r, 300));
    expect(emulator.clock.now()).toBe(stoppedAt);
    expect((await stripe.payouts.retrieve(late.id)).status).toBe('pending');
  });
});

describe('standalone entry (npm run emulator)', () => {
  it('starts on PORT=0, prints its URL, answers the SDK and exits on SIGTERM', async () => {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/emulator/main.ts'], {
      cwd: root,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', SEED: 'none', SPEED: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = once(child, 'close') as Promise<[number | null, NodeJS.Signals | null]>;
    try {
      let output = '';
      const url = await new Promise<URL>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL printed within 15 s; output: ${output}`)), 15_000);
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
          output += chunk;
          const match = /listening on (http:\/\/\S+)/.exec(output);
          if (match) {
            clearTimeout(timer);
            resolve(new URL(match[1]));
          }
        });
        child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
        child.once('exit', (code) => reject(new Error(`exited early (${code}): ${output}`)));
      });
      expect(Number(url.port)).toBeGreaterThan(0);

      const stripe = new Stripe(TEST_KEY, { host: url.hostname, port: Number(url.port), protocol: 'http', maxNetworkRetries: 0, telemetry: false });
      const payout = await stripe.payouts.create({ amount: 250, currency: 'usd' });
      expect(await stripe.payouts.retrieve(payout.id)).toMatchObject({ id: payout.id, amount: 250, status: 'pending' });

      child.kill('SIGTERM');
      const [code] = await exited;
      expect(code).toBe(0);
      // The SDK hint names the real port, not 0; the key the client used never shows up.
      expect(output).toContain(`port: ${url.port}, protocol: 'http'`);
      expect(output).not.toContain(TEST_KEY);
      await expect(stripe.payouts.list()).rejects.toBeInstanceOf(Stripe.errors.StripeConnectionError);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  }, 30_000);
});
