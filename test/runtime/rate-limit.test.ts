import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLFormattedError } from 'graphql';
import { loadConfig } from '../../src/config.js';
import { createGateway, type Gateway } from '../../src/gateway.js';
import { createLogger } from '../../src/server/logger.js';
import { createEmulator, type Emulator } from '../../src/emulator/index.js';
import { rateLimitKey } from '../../src/server/rate-limit.js';
import { createHarness, type Harness } from '../harness.js';
import { wsClient, wsSubscribe } from '../subscriptions/clients.js';
import { startTestRedis, type TestRedis } from '../subscriptions/redis.js';

/** One upstream call: a page of payouts. */
const ONE_CALL = '{ payouts(first: 2) { edges { node { id } } } }';
/** Three upstream calls: three aliased pages. */
const THREE_CALLS = '{ a: payouts(first: 2) { edges { node { id } } } b: refunds(first: 2) { edges { node { id } } } c: transfers(first: 2) { edges { node { id } } } }';

interface Answer {
  status: number;
  retryAfter: string | null;
  errors?: GraphQLFormattedError[];
  data?: unknown;
}

/** POSTs a query to `baseUrl` from the local address `from` (any 127.x.y.z reaches a loopback server). */
function postFrom(baseUrl: string, query: string, from = '127.0.0.1'): Promise<Answer> {
  const { hostname, port } = new URL(baseUrl);
  const body = JSON.stringify({ query });
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: hostname, port, path: '/graphql', method: 'POST', localAddress: from, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        res.on('end', () => {
          const parsed = JSON.parse(text) as { errors?: GraphQLFormattedError[]; data?: unknown };
          resolve({ status: res.statusCode ?? 0, retryAfter: (res.headers['retry-after'] as string | undefined) ?? null, ...parsed });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function expectRateLimited(answer: Answer, windowS: number): void {
  expect(answer.status).toBe(429);
  expect(answer.data).toBeUndefined();
  expect(answer.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  const retryAfter = Number(answer.retryAfter);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(windowS);
  expect(answer.errors?.[0]?.extensions?.retryAfter).toBe(retryAfter);
}

describe('per-principal rate limit (in memory)', () => {
  const WINDOW_S = 60;
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ transport: 'loopback', env: { RATE_LIMIT_CALLS: '5', RATE_LIMIT_WINDOW_S: String(WINDOW_S), MAX_UPSTREAM_CALLS: '5' } });
  });
  afterAll(() => h?.close());

  it('spends each request’s estimated calls; past the budget: 429, Retry-After, RATE_LIMITED, nothing executed', async () => {
    for (const query of [ONE_CALL, THREE_CALLS, ONE_CALL]) {
      const answer = await postFrom(h.url, query);
      expect(answer.status, JSON.stringify(answer.errors)).toBe(200);
    }
    // 5 of 5 spent: a one-call query no longer fits, and Stripe sees nothing of it.
    const { result, calls } = await h.upstreamCalls(() => postFrom(h.url, ONE_CALL));
    expectRateLimited(result, WINDOW_S);
    expect(calls.total).toBe(0);

    // The gateway still serves: its health check, operations that call nobody, and other callers.
    expect((await h.fetch('/healthz')).status).toBe(200);
    expect(await postFrom(h.url, '{ __typename }')).toMatchObject({ status: 200, data: { __typename: 'Query' } });
    const other = await postFrom(h.url, ONE_CALL, '127.0.0.2');
    expect(other.status).toBe(200);
    expect(other.errors).toBeUndefined();
  });

  it('applies to operations over graphql-ws too (same envelop), keyed by the socket’s address', async () => {
    const from = '127.0.0.3';
    for (let i = 0; i < 5; i++) expect((await postFrom(h.url, ONE_CALL, from)).status).toBe(200);
    // A WebSocket client from 127.0.0.1, whose budget the first test spent.
    const client = wsClient(h.url);
    try {
      const { result, calls } = await h.upstreamCalls(
        () =>
          new Promise<{ errors?: GraphQLFormattedError[] }>((resolve, reject) => {
            let last = {};
            client.subscribe({ query: ONE_CALL }, { next: (r) => (last = r), error: reject, complete: () => resolve(last) });
          }),
      );
      expect(calls.total).toBe(0);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
      expect(result.errors?.[0]?.extensions).not.toHaveProperty('http');

      // A subscription spends its subscribe-time retrieve (the id must exist): refused too …
      const named = wsSubscribe(client, 'subscription { payoutUpdated(id: "po_000000000000000000000001") { eventId } }');
      const [refused] = await named.inbox.waitFor(1);
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
      // … while one naming no object costs nothing upfront and starts.
      const before = h.gateway.live.stats().subscribers;
      const all = wsSubscribe(client, 'subscription { payoutEvents { eventId } }');
      for (let i = 0; i < 100 && h.gateway.live.stats().subscribers === before; i++) await new Promise((r) => setTimeout(r, 20));
      expect(h.gateway.live.stats().subscribers).toBe(before + 1);
      expect(all.inbox.results).toEqual([]);
      all.unsubscribe();
    } finally {
      await client.dispose();
    }
  });

  it('keys authenticated principals by kind and name, anonymous ones by client address', () => {
    const scopes = new Set<string>();
    expect(rateLimitKey({ name: 'alice', kind: 'jwt', scopes }, undefined)).toBe('jwt:alice');
    expect(rateLimitKey({ name: 'reporting', kind: 'api-key', scopes }, undefined)).toBe('api-key:reporting');
    expect(rateLimitKey({ name: 'anonymous', kind: 'anonymous', scopes }, { socket: { remoteAddress: '10.0.0.7' } } as never)).toBe('anonymous:10.0.0.7');
  });
});

describe('per-principal rate limit shared through Redis', () => {
  const WINDOW_S = 30;
  let redis: TestRedis;
  let emulator: Emulator;
  const gateways: { gateway: Gateway; url: string }[] = [];

  const start = async (redisUrl: string, channelPrefix: string) => {
    const config = loadConfig({
      PORT: '0',
      STRIPE_API_BASE: emulator.url!,
      STRIPE_MAX_NETWORK_RETRIES: '0',
      REDIS_URL: redisUrl,
      RATE_LIMIT_CALLS: '4',
      RATE_LIMIT_WINDOW_S: String(WINDOW_S),
      MAX_UPSTREAM_CALLS: '4',
      LOG_LEVEL: 'silent',
    });
    const gateway = createGateway(config, { logger: createLogger('silent'), pubsub: { channelPrefix } });
    const { url } = await gateway.start();
    gateways.push({ gateway, url });
    return url;
  };

  beforeAll(async () => {
    redis = await startTestRedis();
    emulator = createEmulator({ seed: 'none' });
    await emulator.ready;
    await emulator.listen(0, '127.0.0.1');
  });

  afterAll(async () => {
    for (const { gateway } of gateways) await gateway.stop();
    await emulator?.close();
    await redis?.stop();
  });

  it('two gateways spend from one budget per principal', async () => {
    // One prefix per test run: other runs can share the Redis server.
    const prefix = `test-${randomUUID()}:`;
    const a = await start(redis.url, prefix);
    const b = await start(redis.url, prefix);
    expect((await postFrom(a, THREE_CALLS)).status).toBe(200);
    // 3 of 4 spent on A: three more on B do not fit, one does.
    const mark = emulator.requestLog.mark();
    expectRateLimited(await postFrom(b, THREE_CALLS), WINDOW_S);
    expect(emulator.requestLog.since(mark).total).toBe(0);
    expect((await postFrom(b, ONE_CALL)).status).toBe(200);
    expectRateLimited(await postFrom(a, ONE_CALL), WINDOW_S);
    // Another client address has a budget of its own on both.
    expect((await postFrom(a, THREE_CALLS, '127.0.0.2')).status).toBe(200);
  });

  it('with Redis unreachable, each instance keeps serving and limiting on its own budget', async () => {
    // Nothing listens on port 1: every Redis command fails at once (no offline queue).
    const url = await start('redis://127.0.0.1:1', `test-${randomUUID()}:`);
    expect((await postFrom(url, THREE_CALLS)).status).toBe(200);
    expect((await postFrom(url, ONE_CALL)).status).toBe(200);
    expectRateLimited(await postFrom(url, ONE_CALL), WINDOW_S);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });
});

describe('requests per second per caller', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ transport: 'loopback', emulator: { seed: 'none' }, env: { RATE_LIMIT_REQUESTS_PER_S: '5' } });
  });
  afterAll(() => h?.close());

  it('answers a flood of refused documents with 429 before reading them, per client address, and recovers', async () => {
    const tooDeep = `{ ${'payouts(first: 1) { edges { node { '.repeat(20)}id${' } } }'.repeat(20)} }`;
    const answers = await Promise.all(Array.from({ length: 12 }, () => postFrom(h.url, tooDeep)));
    const limited = answers.filter((a) => a.status === 429);
    expect(limited.length).toBeGreaterThanOrEqual(7);
    for (const answer of limited) expectRateLimited(answer, 1);
    expect(answers.filter((a) => a.status === 400).length).toBe(12 - limited.length);
    // Another address is not held back by this one's flood.
    expect((await postFrom(h.url, ONE_CALL, '127.0.0.3')).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1100));
    expect((await postFrom(h.url, ONE_CALL)).status).toBe(200);
  });

  it('counts a refused document ten times: one refusal spends this second, valid requests do not', async () => {
    await new Promise((r) => setTimeout(r, 1100));
    for (let i = 0; i < 4; i++) expect((await postFrom(h.url, ONE_CALL, '127.0.0.4')).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1100));
    const tooDeep = `{ ${'payouts(first: 1) { edges { node { '.repeat(20)}id${' } } }'.repeat(20)} }`;
    expect((await postFrom(h.url, tooDeep, '127.0.0.5')).status).toBe(400);
    expectRateLimited(await postFrom(h.url, ONE_CALL, '127.0.0.5'), 1);
  });
});

describe('live subscriptions per caller', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ transport: 'loopback', emulator: { seed: 'none' }, env: { MAX_SUBSCRIPTIONS_PER_CALLER: '3' } });
  });
  afterAll(() => h?.close());

  it('refuses one subscription more than the cap with TOO_MANY_SUBSCRIPTIONS, and frees a slot when one ends', async () => {
    const client = wsClient(h.url);
    const query = 'subscription { payoutEvents { type } }';
    const open = [wsSubscribe(client, query), wsSubscribe(client, query), wsSubscribe(client, query)];
    await new Promise((r) => setTimeout(r, 300));
    const extra = wsSubscribe(client, query);
    const [refused] = await extra.inbox.waitFor(1).catch(() => [undefined]);
    expect(JSON.stringify(refused ?? extra.inbox.error)).toContain('TOO_MANY_SUBSCRIPTIONS');
    open[0].unsubscribe();
    await new Promise((r) => setTimeout(r, 300));
    const again = wsSubscribe(client, query);
    await new Promise((r) => setTimeout(r, 300));
    expect(again.inbox.results).toEqual([]);
    expect(again.inbox.completed).toBe(false);
    for (const s of [...open.slice(1), again]) s.unsubscribe();
    await client.dispose();
  });

  it('prices what every event of a subscription will cost: above the budget, refused when it starts', async () => {
    const reversals = Array.from({ length: 26 }, (_, i) => `r${i}: reversals(first: 100) { edges { cursor } }`).join(' ');
    const response = await h.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: `subscription { transferEvents { transfer { ${reversals} } } }` }),
    });
    const text = await response.text();
    expect(text).toContain('QUERY_TOO_EXPENSIVE');
  });
});
