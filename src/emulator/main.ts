/**
 * Standalone emulator: `npm run emulator`. The only emulator file that reads the environment:
 * PORT (default 12111; 0 = any free port, the real one is printed), HOST (default 127.0.0.1),
 * SEED=demo|none (default demo), SPEED (real-time clock speed, default 1; 0 = the clock moves only when told).
 */
import { createEmulator } from './index.js';
import { SEED_DAYS } from './seed.js';

function numberFromEnv(name: string, fallback: number, valid: (n: number) => boolean): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!valid(value)) {
    console.error(`Invalid ${name}=${raw}`);
    process.exit(1);
  }
  return value;
}

const port = numberFromEnv('PORT', 12111, (n) => Number.isInteger(n) && n >= 0 && n <= 65535);
const speed = numberFromEnv('SPEED', 1, (n) => Number.isFinite(n) && n >= 0);
const host = process.env.HOST || '127.0.0.1';
const seed = process.env.SEED === 'none' ? 'none' : 'demo';

// The demo data spans SEED_DAYS and moves the clock through them: start that far back so it ends today.
const startTime = seed === 'demo' ? Math.floor(Date.now() / 1000) - SEED_DAYS * 24 * 3600 : undefined;
const emulator = createEmulator({ seed, startTime, realtimeSpeed: speed > 0 ? speed : undefined });
await emulator.ready;
const { url, port: boundPort } = await emulator.listen(port, host);

console.log(`Stripe emulator listening on ${url} (seed: ${seed}, clock speed: ${speed}x)`);
console.log(`Point the SDK at it: new Stripe('sk_test_anything', { host: '${host}', port: ${boundPort}, protocol: 'http' })`);
console.log(`Control it: POST ${url}/_emulator/clock/advance {"seconds":86400} · GET ${url}/_emulator/store · POST ${url}/_emulator/reset`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void emulator.close().then(() => process.exit(0));
  });
}
