/**
 * One process of the latency bench, forked by bench/latency.ts so that each
 * system's CPU time is its own: `emulator` (demo data), `gateway` (the real
 * gateway over loopback to the emulator) or `direct` (the SDK call the gateway
 * replaces, served over node:http). Talks to its parent over IPC:
 * it sends { ready, url } once listening, answers 'cpu' with process.cpuUsage(),
 * and exits on 'stop'.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../src/config.js';
import { createEmulator } from '../src/emulator/index.js';
import { createGateway } from '../src/gateway.js';
import { createStripeClient } from '../src/stripe/client.js';
import { NO_RATE_LIMIT } from '../test/harness.js';

export type Role = 'emulator' | 'gateway' | 'direct';
export type ToChild = 'cpu' | 'stop';
export type FromChild = { ready: true; url: string } | { cpu: NodeJS.CpuUsage };

/** The direct call: what the gateway's page-of-100 query fetches, done with the SDK alone. */
export const DIRECT_PARAMS = { limit: 100, expand: ['data.balance_transaction'] };

const send = (message: FromChild) => process.send?.(message);

async function start(role: Role, upstream: string | undefined, extraEnv: Record<string, string>): Promise<{ url: string; close: () => Promise<void> }> {
  if (role === 'emulator') {
    const emulator = createEmulator({ seed: 'demo' });
    await emulator.ready;
    const { url } = await emulator.listen(0, '127.0.0.1');
    return { url, close: () => emulator.close() };
  }
  const config = loadConfig({ PORT: '0', STRIPE_API_BASE: upstream, STRIPE_MAX_NETWORK_RETRIES: '0', LOG_LEVEL: 'warn', ...NO_RATE_LIMIT, ...extraEnv });
  if (role === 'gateway') {
    const gateway = createGateway(config);
    const { url } = await gateway.start();
    return { url, close: () => gateway.stop() };
  }
  const stripe = createStripeClient(config);
  const server = createServer((_req, res) => {
    stripe.payouts.list(DIRECT_PARAMS).then(
      (page) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(page)),
      (err: unknown) => res.writeHead(502).end(err instanceof Error ? err.message : 'upstream failed'),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// The third argument: gateway configuration beyond the defaults above, as JSON (e.g. JWT_* for the auth bench).
const [role, upstream, extra] = process.argv.slice(2) as [Role, string | undefined, string | undefined];
const running = await start(role, upstream, extra ? (JSON.parse(extra) as Record<string, string>) : {});
// If the parent dies, so do we: the bench must never leave processes behind.
process.on('disconnect', () => void running.close().finally(() => process.exit(0)));
process.on('message', (message: ToChild) => {
  if (message === 'cpu') send({ cpu: process.cpuUsage() });
  if (message === 'stop') void running.close().finally(() => process.exit(0));
});
send({ ready: true, url: running.url });
