import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, expectStillServing, NO_RATE_LIMIT, type Harness } from '../harness.js';
import { sseSubscribe } from '../subscriptions/clients.js';

/** Attacks on what the operating and frontend work added (persisted documents, HEAD, telemetry, drain). */
describe('hostile requests to the persisted-documents, HEAD and telemetry surfaces', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ env: { ...NO_RATE_LIMIT }, emulator: { seed: 'demo' } });
  });
  afterAll(async () => h?.close());

  const post = async (body: unknown) => {
    const res = await h.fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' }, body: JSON.stringify(body) });
    return { status: res.status, json: (await res.json()) as { errors?: { message: string; extensions?: { code?: string } }[] } };
  };

  it('refuses a query that is not a string sent with a document id as a bad request (400), not an internal error', async () => {
    const hash = 'a'.repeat(64);
    for (const body of [
      { query: ['{ __typename }'], documentId: `sha256:${hash}` },
      { query: { length: 5 }, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } },
    ]) {
      const res = await post(body);
      expect(res.status).toBe(400);
      expect(res.json.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    }
    expect(h.logs.some((line) => line.includes('"level":50'))).toBe(false);
    await expectStillServing(h);
  });

  it('refuses a mutation asked by HEAD as it refuses one asked by GET (405), before any upstream call', async () => {
    const [payout] = (await h.gql<{ payouts: { edges: { node: { id: string } }[] } }>('{ payouts(first: 1) { edges { node { id } } } }')).data!.payouts.edges;
    const query = encodeURIComponent(`mutation { cancelPayout(id: "${payout.node.id}") { __typename } }`);
    const { result: head, calls } = await h.upstreamCalls(() => h.fetch(`/graphql?query=${query}`, { method: 'HEAD', headers: { accept: 'application/graphql-response+json' } }));
    expect(head.status).toBe(405);
    expect(head.headers.get('allow')).toBe('POST');
    expect(calls.total).toBe(0);
  });
});

describe('HEAD of a subscription', () => {
  const MAX = 3;
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ transport: 'loopback', env: { MAX_SUBSCRIPTIONS_PER_CALLER: String(MAX) }, emulator: { seed: 'demo' } });
  });
  afterAll(async () => h?.close());

  it('answers with the stream’s headers and holds no subscription open, so repeating it locks nobody out', async () => {
    const query = encodeURIComponent('subscription { payoutEvents { eventId } }');
    for (let i = 0; i < 3 * MAX; i++) {
      const head = await fetch(`${h.url}/graphql?query=${query}`, { method: 'HEAD', headers: { accept: 'text/event-stream' } });
      expect(head.status).toBe(200);
      expect(head.headers.get('content-type')).toMatch(/^text\/event-stream/);
    }
    await expect.poll(() => h.gateway.live.stats().subscribers).toBe(0);
    expect(h.gateway.live.stats().listeners).toBe(0);

    // The caller's allowance is whole: MAX real subscriptions still start.
    const streams = Array.from({ length: MAX }, () => sseSubscribe(h.url, 'subscription { payoutEvents { eventId } }'));
    await Promise.all(streams.map((s) => s.opened));
    expect(h.gateway.live.stats().subscribers).toBe(MAX);
    for (const s of streams) s.close();
    await expectStillServing(h);
  });
});

/** The status line a server answers a raw request line with ('' if it closed without answering). */
function rawStatusLine(url: string, requestLine: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(`${requestLine}\r\nHost: ${hostname}\r\nConnection: close\r\n\r\n`));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('close', () => resolve(answer.split('\r\n')[0]));
    socket.on('error', reject);
  });
}

describe('METRICS_PORT listener', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ transport: 'loopback', env: { METRICS_PORT: '0' }, emulator: { seed: 'demo' } });
  });
  afterAll(async () => h?.close());

  it('answers a request whose target is not a URL with 404 and keeps serving (the listener threw, an uncaught exception)', async () => {
    for (const target of ['http://[', 'http://:99999/metrics']) {
      expect(await rawStatusLine(h.metricsUrl!, `GET ${target} HTTP/1.1`)).toMatch(/^HTTP\/1\.1 404/);
    }
    const scrape = await fetch(h.metricsUrl!);
    expect(scrape.status).toBe(200);
    expect(await scrape.text()).toContain('gateway_graphql_operation_duration_seconds');
    await expectStillServing(h);
  });
});
