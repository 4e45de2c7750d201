import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Stripe from 'stripe';
import { loadConfig } from '../../src/config.js';
import { createStripeClient } from '../../src/stripe/client.js';
import { createEmulator, type Emulator } from '../../src/emulator/index.js';

let emulator: Emulator;
beforeAll(async () => {
  emulator = createEmulator({ seed: 'none' });
  await emulator.ready;
});
afterAll(() => emulator.close());

describe('createStripeClient', () => {
  it('pins the SDK’s API version and sends no telemetry, through an in-process fetch', async () => {
    const seen: Headers[] = [];
    const recording: typeof fetch = (input, init) => {
      seen.push(new Headers(init?.headers));
      return emulator.fetch(input as string, init);
    };
    const stripe = createStripeClient(loadConfig({ STRIPE_MAX_NETWORK_RETRIES: '0' }), { fetch: recording });
    await stripe.payouts.list({ limit: 1 });
    await stripe.payouts.list({ limit: 1 });
    expect(seen).toHaveLength(2);
    for (const headers of seen) {
      expect(headers.get('stripe-version')).toBe(Stripe.API_VERSION);
      expect(headers.get('x-stripe-client-telemetry')).toBeNull();
    }
  });

  it('talks HTTP to the host and port of STRIPE_API_BASE', async () => {
    const { url } = await emulator.listen(0, '127.0.0.1');
    const stripe = createStripeClient(loadConfig({ STRIPE_API_BASE: url, STRIPE_MAX_NETWORK_RETRIES: '0' }));
    const mark = emulator.requestLog.mark();
    expect((await stripe.payouts.list({ limit: 1 })).object).toBe('list');
    expect(emulator.requestLog.since(mark).byRoute).toEqual({ 'GET /v1/payouts': 1 });
  });

  it('refuses a base URL with a path, which the SDK would silently drop', () => {
    expect(() => createStripeClient(loadConfig({ STRIPE_API_BASE: 'http://127.0.0.1:12111/stripe' }))).toThrow(/must not contain a path/);
  });
});
