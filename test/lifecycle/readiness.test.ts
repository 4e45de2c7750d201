import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createGateway, type Gateway } from '../../src/gateway.js';
import { createLogger } from '../../src/server/logger.js';
import { createEmulator, type Emulator } from '../../src/emulator/index.js';
import { createHarness, type Harness } from '../harness.js';
import { startTestRedis, type TestRedis } from '../subscriptions/redis.js';

/**
 * /readyz: 200 when Redis (if configured) answers and the upstream has lately answered with a valid
 * key; 503 naming the failing check otherwise. The upstream is judged from the gateway's own traffic,
 * with one probe (GET /v1/payouts?limit=1) at most per READINESS_PROBE_INTERVAL_MS when that is stale.
 */

type Readiness = { ready: boolean; checks: Record<string, string> };

async function readiness(h: Pick<Harness, 'fetch'>): Promise<{ status: number; body: Readiness; text: string; cacheControl: string | null }> {
  const res = await h.fetch('/readyz');
  const text = await res.text();
  return { status: res.status, body: JSON.parse(text) as Readiness, text, cacheControl: res.headers.get('cache-control') };
}

/** A loopback port nothing listens on (it was free a moment ago). */
function closedPort(): Promise<number> {
  return new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('the upstream check', () => {
  let h: Harness;
  afterEach(() => h?.close());

  it('is ready against the emulator, with one probe, then none while traffic shows the upstream answering', async () => {
    h = await createHarness();
    const first = await h.upstreamCalls(() => readiness(h));
    expect(first.result.status).toBe(200);
    expect(first.result.body).toEqual({ ready: true, checks: { shutdown: 'ok', upstream: 'ok' } });
    expect(first.result.cacheControl).toBe('no-store');
    expect(first.calls.byRoute).toEqual({ 'GET /v1/payouts': 1 });

    // Fifty probes, concurrent and one after another, within the answer's max age: no upstream call.
    const again = await h.upstreamCalls(async () => {
      const concurrent = await Promise.all(Array.from({ length: 25 }, () => readiness(h)));
      for (let i = 0; i < 25; i++) concurrent.push(await readiness(h));
      return concurrent;
    });
    expect(again.result.every((r) => r.status === 200)).toBe(true);
    expect(again.calls.total).toBe(0);
  });

  it('counts the gateway\'s own traffic as a recent answer', async () => {
    h = await createHarness({ env: { READINESS_UPSTREAM_MAX_AGE_MS: '60000' } });
    await h.gql('{ payouts(first: 1) { edges { node { id } } } }');
    const { result, calls } = await h.upstreamCalls(() => readiness(h));
    expect(result.status).toBe(200);
    expect(calls.total).toBe(0);
  });

  it('is not ready when Stripe refuses the key (401), and probes at most once per interval', async () => {
    // The emulator answers every live key with 401, as Stripe answers a revoked one.
    const key = 'sk_live_revokedKey1234567890';
    h = await createHarness({ env: { STRIPE_SECRET_KEY: key, AUTH_DISABLED: 'true', READINESS_PROBE_INTERVAL_MS: '60000' } });
    const { result, calls } = await h.upstreamCalls(async () => {
      const answers = await Promise.all(Array.from({ length: 10 }, () => readiness(h)));
      for (let i = 0; i < 10; i++) answers.push(await readiness(h));
      return answers;
    });
    for (const answer of result) {
      expect(answer.status).toBe(503);
      expect(answer.body).toEqual({ ready: false, checks: { shutdown: 'ok', upstream: 'upstream refused the API key (401)' } });
      expect(answer.text).not.toContain('1234567890');
    }
    expect(calls.total).toBe(1);
  });

  it('is not ready while the upstream fails (5xx), and ready again at the next probe once it answers', async () => {
    h = await createHarness({ env: { READINESS_UPSTREAM_MAX_AGE_MS: '1', READINESS_PROBE_INTERVAL_MS: '200' } });
    h.emulator.faults.set([{ route: 'GET /v1/payouts', serverError: 1 }]);
    const failing = await readiness(h);
    expect(failing.status).toBe(503);
    expect(failing.body.checks.upstream).toBe('upstream error (500)');

    h.emulator.faults.clear();
    // Within the interval the failure is remembered rather than asked again.
    const { result, calls } = await h.upstreamCalls(() => readiness(h));
    expect(result.status).toBe(503);
    expect(calls.total).toBe(0);

    await new Promise((resolve) => setTimeout(resolve, 250));
    expect((await readiness(h)).status).toBe(200);
  });

  it('is not ready when the upstream cannot be reached', async () => {
    // A Stripe-compatible base on a port nothing listens on. (Closing a running emulator instead
    // raced its kept-alive connections, which could still answer the probe.)
    const config = loadConfig({ STRIPE_SECRET_KEY: 'sk_test_unreachable', STRIPE_API_BASE: `http://127.0.0.1:${await closedPort()}`, AUTH_DISABLED: 'true', LOG_LEVEL: 'silent' });
    const gateway = createGateway(config, { logger: createLogger('silent') });
    const g = { fetch: (path: string) => Promise.resolve(gateway.yoga.fetch(`http://127.0.0.1${path}`)) };
    try {
      const answer = await readiness(g);
      expect(answer.status).toBe(503);
      expect(answer.body.checks.upstream).toBe('upstream unreachable');
      // /healthz is liveness only: the process is fine.
      expect((await g.fetch('/healthz')).status).toBe(200);
    } finally {
      await gateway.stop();
    }
  });
});

describe('the Redis check (REDIS_URL)', () => {
  let redis: TestRedis;
  let emulator: Emulator;
  const gateways: Gateway[] = [];
  beforeAll(async () => {
    redis = await startTestRedis();
    emulator = createEmulator({ seed: 'none' });
    await emulator.ready;
  });
  afterAll(async () => {
    for (const gateway of gateways) await gateway.stop();
    await emulator?.close();
    await redis?.stop();
  });

  const gatewayWith = (redisUrl: string) => {
    const config = loadConfig({ REDIS_URL: redisUrl, LOG_LEVEL: 'silent' });
    const gateway = createGateway(config, { logger: createLogger('silent'), emulator, pubsub: { channelPrefix: `test-readyz-${randomUUID()}:` } });
    gateways.push(gateway);
    return { fetch: (path: string) => Promise.resolve(gateway.yoga.fetch(`http://gateway.test${path}`)) };
  };

  it('is ready when Redis answers', async () => {
    const g = gatewayWith(redis.url);
    let answer = await readiness(g);
    for (let i = 0; i < 50 && answer.status !== 200; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      answer = await readiness(g);
    }
    expect(answer.body).toEqual({ ready: true, checks: { shutdown: 'ok', redis: 'ok', upstream: 'ok' } });
  });

  it('is not ready when Redis does not answer, without naming its URL', async () => {
    const g = gatewayWith(`redis://:hunter2secret@127.0.0.1:${await closedPort()}`);
    const answer = await readiness(g);
    expect(answer.status).toBe(503);
    expect(answer.body.checks).toEqual({ shutdown: 'ok', redis: 'redis not answering', upstream: 'ok' });
    expect(answer.text).not.toContain('hunter2');
  });
});
