/** Shared setup for the emulator's conformance tests: SDK clients bound to an emulator, and admin calls. */
import Stripe from 'stripe';
import type { Emulator } from '../../src/emulator/index.js';
import type { StripeObject } from '../../src/emulator/types.js';

export const TEST_KEY = 'sk_test_emulatorConformance1234';

/** The official SDK running against `emulator.fetch` in-process (no socket). */
export function inProcessStripe(emulator: Emulator, config: Stripe.StripeConfig = {}): Stripe {
  return new Stripe(TEST_KEY, { httpClient: Stripe.createFetchHttpClient(emulator.fetch), maxNetworkRetries: 0, telemetry: false, ...config });
}

/** The official SDK over loopback HTTP (the emulator listens on an ephemeral port). */
export async function loopbackStripe(emulator: Emulator, config: Stripe.StripeConfig = {}): Promise<Stripe> {
  const port = emulator.url ? Number(new URL(emulator.url).port) : (await emulator.listen(0)).port;
  return new Stripe(TEST_KEY, { host: '127.0.0.1', port, protocol: 'http', maxNetworkRetries: 0, telemetry: false, ...config });
}

/** Calls the emulator's admin API (JSON in and out). */
export async function admin<T = Record<string, unknown>>(emulator: Emulator, method: string, path: string, body?: unknown): Promise<T> {
  const res = await emulator.fetch(`/_emulator/${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  if (!res.ok) throw new Error(`admin ${method} ${path} → ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

/** Stored objects of one type for an account, in insertion order (the reference for list checks). */
export function stored(emulator: Emulator, objectType: string, account = '(platform)'): StripeObject[] {
  return (emulator.snapshot()[account]?.objects ?? []).filter((o) => o.object === objectType);
}

/** Runs `call`, expecting a Stripe error; returns it. */
export async function stripeError(call: () => Promise<unknown>): Promise<InstanceType<typeof Stripe.errors.StripeError>> {
  try {
    await call();
  } catch (err) {
    if (err instanceof Stripe.errors.StripeError) return err;
    throw err;
  }
  throw new Error('expected a Stripe error, but the call succeeded');
}
