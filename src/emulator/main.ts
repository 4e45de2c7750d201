/** Standalone emulator: `npm run emulator` (PORT, HOST, SEED=demo|none, SPEED). The only emulator file that reads the environment. */
import { createEmulator } from './index.js';

const port = Number(process.env.PORT ?? 12111);
const host = process.env.HOST ?? '127.0.0.1';
const seed = process.env.SEED === 'none' ? 'none' : 'demo';
const speed = Number(process.env.SPEED ?? 1);

const emulator = createEmulator({ seed, realtimeSpeed: speed > 0 ? speed : undefined });
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
