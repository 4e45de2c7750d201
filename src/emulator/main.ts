/**
 * Standalone emulator: `npm run emulator`. The only emulator file that reads the environment
 * (PORT, HOST, SEED, SPEED, TRAFFIC: see config.ts and the README).
 */
import { loadEmulatorConfig, type EmulatorConfig } from './config.js';
import { createEmulator } from './index.js';
import { SEED_DAYS } from './seed.js';

let config: EmulatorConfig;
try {
  config = loadEmulatorConfig(process.env);
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
const { port, host, seed, speed, traffic } = config;

// The demo data spans SEED_DAYS and moves the clock through them: start that far back so it ends today.
const startTime = seed === 'demo' ? Math.floor(Date.now() / 1000) - SEED_DAYS * 24 * 3600 : undefined;
const emulator = createEmulator({ seed, startTime, realtimeSpeed: speed > 0 ? speed : undefined });
await emulator.ready;
const { url, port: boundPort } = await emulator.listen(port, host);
if (traffic) emulator.startTraffic();

console.log(`Stripe emulator listening on ${url} (seed: ${seed}, clock speed: ${speed}x${traffic ? ', demo traffic' : ''})`);
console.log(`Point the SDK at it: new Stripe('sk_test_anything', { host: '${host}', port: ${boundPort}, protocol: 'http' })`);
console.log(`Control it: POST ${url}/_emulator/clock/advance {"seconds":86400} · GET ${url}/_emulator/store · POST ${url}/_emulator/reset`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void emulator.close().then(() => process.exit(0));
  });
}
