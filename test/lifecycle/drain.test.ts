import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createEmulator } from '../../src/emulator/index.js';
import { createGateway } from '../../src/gateway.js';
import { createLogger } from '../../src/server/logger.js';
import { createHarness, type Harness } from '../harness.js';
import { startTestRedis } from '../subscriptions/redis.js';
import { emulatorStripe, pendingPayout, sseSubscribe, wsClient, wsSubscribe } from '../subscriptions/clients.js';
import { pageOf, query, request, until } from './http.js';
import { expectCleanExitWithRequestsInFlight, startGatewayProcess } from './process.js';

/**
 * stop() drains (what SIGTERM does in main.ts): /readyz answers 503 at once, the listener closes,
 * requests in flight finish and their connections close, SSE streams complete, graphql-ws clients
 * get 1001 once their operations have answered. The emulator's latency faults keep requests in flight.
 */

/** What graphql-ws hands `closed` listeners and failed subscriptions: the socket's close event. */
type CloseEvent = { code: number; reason: string };

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** Resolves when `n` more upstream calls to `route` have reached the emulator (they are then in flight at the gateway). */
function upstreamArrived(harness: Harness, route: string, n: number): Promise<void> {
  const mark = harness.emulator.requestLog.mark();
  return until(() => (harness.emulator.requestLog.since(mark).byRoute[route] ?? 0) >= n, 10_000, `${n} × ${route}`);
}

describe('graceful drain', () => {
  it('completes 5 of 5 requests in flight, answers /readyz 503 meanwhile and refuses new connections', async () => {
    h = await createHarness({ transport: 'loopback' });
    const payout = await pendingPayout(emulatorStripe(h.emulator));
    expect((await h.fetch('/readyz')).status).toBe(200);

    h.emulator.faults.set([{ route: 'GET /v1/payouts', latencyMs: 800 }]);
    const agent = new http.Agent({ keepAlive: true });
    const arrived = upstreamArrived(h, 'GET /v1/payouts', 5);
    const inFlight = [1, 2, 3, 4, 5].map((n) => query(h!.url, pageOf(n), agent));
    await arrived;

    const stopped = h.gateway.stop();
    const readiness = await h.gateway.yoga.fetch('http://gateway.test/readyz');
    expect(readiness.status).toBe(503);
    expect(await readiness.json()).toEqual({ ready: false, checks: { shutdown: 'draining' } });
    await expect(request(`${h.url}/healthz`)).rejects.toMatchObject({ code: 'ECONNREFUSED' });

    const answers = await Promise.all(inFlight);
    const answeredAt = Date.now();
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.body).data.payouts.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([payout.id]);
      // Each keep-alive connection ends with its response instead of idling on.
      expect(answer.headers.connection).toBe('close');
    }
    await stopped;
    // The connections closed with their responses: Node alone would have kept them 5 s (its keep-alive timeout).
    expect(Date.now() - answeredAt).toBeLessThan(2_500);
    agent.destroy();
  });

  it('closes idle keep-alive connections at once', async () => {
    h = await createHarness({ transport: 'loopback' });
    const agent = new http.Agent({ keepAlive: true });
    const first = await request(`${h.url}/healthz`, { agent });
    expect(first.headers.connection).toBe('keep-alive');
    const socket = Object.values(agent.freeSockets).flat()[0]!;
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    const startedAt = Date.now();
    await h.gateway.stop();
    await closed;
    expect(Date.now() - startedAt).toBeLessThan(3_000);
    agent.destroy();
  });

  it('cuts what is still in flight after SHUTDOWN_TIMEOUT_MS', async () => {
    h = await createHarness({ transport: 'loopback', env: { SHUTDOWN_TIMEOUT_MS: '300' } });
    h.emulator.faults.set([{ route: 'GET /v1/payouts', latencyMs: 5_000 }]);
    const arrived = upstreamArrived(h, 'GET /v1/payouts', 1);
    const slow = query(h.url, pageOf(1));
    await arrived;
    const startedAt = Date.now();
    await h.gateway.stop();
    // Cut at 300 ms, not when the upstream would have answered (5 s).
    expect(Date.now() - startedAt).toBeLessThan(3_500);
    await expect(slow).rejects.toThrow();
    expect(h.logs.join('')).toContain('drain timed out');
  });

  it('ends SSE streams cleanly and closes graphql-ws with 1001 after its operation in flight answers', async () => {
    h = await createHarness({ transport: 'loopback' });
    await pendingPayout(emulatorStripe(h.emulator));
    const sse = sseSubscribe(h.url, 'subscription { payoutEvents { eventId } }');
    await sse.opened;

    let closeCode: number | undefined;
    const client = wsClient(h.url);
    client.on('closed', (event) => (closeCode = (event as CloseEvent).code));
    const wsSubscription = wsSubscribe(client, 'subscription { payoutEvents { eventId } }');
    await until(() => h!.gateway.live.stats().subscribers === 2, 5_000, 'two subscribers');

    h.emulator.faults.set([{ route: 'GET /v1/payouts', latencyMs: 800 }]);
    const arrived = upstreamArrived(h, 'GET /v1/payouts', 1);
    const wsQuery = wsSubscribe(client, pageOf(1));
    await arrived;

    await h.gateway.stop();

    // SSE: yoga's `complete` event, then the end of the body; no socket error.
    await sse.inbox.waitFor(1);
    expect(sse.inbox.completed).toBe(true);
    expect(sse.inbox.error).toBeUndefined();

    // graphql-ws: the query in flight got its answer and completed before the goodbye.
    const [result] = await wsQuery.inbox.waitFor(1);
    expect(result.errors).toBeUndefined();
    expect((result.data as { payouts: { edges: unknown[] } }).payouts.edges).toHaveLength(1);
    expect(wsQuery.inbox.completed).toBe(true);
    expect(wsQuery.inbox.error).toBeUndefined();
    await until(() => closeCode !== undefined, 5_000, 'the WebSocket to close');
    expect(closeCode).toBe(1001);
    // The subscription was not completed by the server: a retrying client resubscribes elsewhere.
    expect((wsSubscription.inbox.error as CloseEvent | undefined)?.code).toBe(1001);
    await client.dispose();
  });
});

describe('after the drain', () => {
  it('closes its Redis connections (pubsub and rate limit) and stops the events poller', async () => {
    const redis = await startTestRedis();
    const emulator = createEmulator({ seed: 'none' });
    const admin = new Redis(redis.url);
    const prefix = `test-drain-${randomUUID()}:`;
    const config = loadConfig({ REDIS_URL: redis.url, EVENTS_POLL_INTERVAL_MS: '100', PORT: '0', LOG_LEVEL: 'silent' });
    const gateway = createGateway(config, { logger: createLogger('silent'), emulator, pubsub: { channelPrefix: prefix } });
    /** The gateway's connections as Redis lists them (each is named after the gateway's key prefix). */
    const connections = async () =>
      ((await admin.client('LIST')) as string)
        .split('\n')
        .map((line) => / name=(\S*)/.exec(line)?.[1] ?? '')
        .filter((name) => name.startsWith(prefix))
        .sort();
    const polls = () => emulator.requestLog.since(0).byRoute['GET /v1/events'] ?? 0;
    try {
      const { url } = await gateway.start();
      // A query spends from the Redis-held rate limit, so its client connects.
      expect((await query(url, pageOf(1))).status).toBe(200);
      await until(async () => (await connections()).length === 3 && polls() >= 2, 10_000, 'three Redis connections and two polls');
      expect(await connections()).toEqual([`${prefix}publish`, `${prefix}rate-limit`, `${prefix}subscribe`]);

      await gateway.stop();
      await until(async () => (await connections()).length === 0, 5_000, 'no Redis connection left');
      const after = polls();
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(polls()).toBe(after);
    } finally {
      await gateway.stop();
      admin.disconnect();
      await emulator.close();
      await redis.stop();
    }
  });
});

describe('npm start', () => {
  // The signal goes to npm, as a container whose command is `npm start` sends it: npm passes it on
  // (its script execs tsx, which passes it to the gateway; without `exec` the shell between them
  // died and left the gateway running, undrained).
  it('drains on SIGTERM sent to npm: 5 of 5 requests in flight complete, then it exits 0', async () => {
    const gateway = await startGatewayProcess(['npm', 'start'], process.cwd());
    try {
      await expectCleanExitWithRequestsInFlight(gateway);
    } finally {
      if (gateway.child.exitCode === null) gateway.child.kill('SIGKILL');
    }
  }, 120_000);
});
