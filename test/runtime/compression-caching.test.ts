import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getIntrospectionQuery } from 'graphql';
import type Stripe from 'stripe';
import { createHarness, type Harness } from '../harness.js';
import { emulatorStripe, pendingPayout, sseSubscribe } from '../subscriptions/clients.js';
import { negotiateEncoding } from '../../src/server/compression.js';

/** What arrived on the wire: node:http, unlike fetch, neither adds Accept-Encoding nor decodes. */
interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function raw(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: init.method ?? 'GET', headers: init.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

const decoded = (r: Raw): string => {
  const encoding = r.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(r.body).toString('utf8');
  if (encoding === 'gzip') return gunzipSync(r.body).toString('utf8');
  return r.body.toString('utf8');
};

const PAGE = '{ payouts(first: 100) { edges { node { id amount currency status arrivalDate created description balanceTransaction { id fee net type } } } } }';

let h: Harness;
const post = (query: string, acceptEncoding?: string) =>
  raw(`${h.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding }) },
    body: JSON.stringify({ query }),
  });

beforeAll(async () => {
  h = await createHarness({ transport: 'loopback', emulator: { seed: 'demo' } });
});
afterAll(() => h?.close());

describe('Accept-Encoding negotiation', () => {
  it.each([
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['gzip;q=1, br;q=0.5', 'gzip'],
    ['*', 'br'],
    ['*;q=0, gzip', 'gzip'],
    ['identity', undefined],
    ['deflate', undefined],
    ['', undefined],
  ])('%j → %s', (header, expected) => {
    expect(negotiateEncoding(header)).toBe(expected);
  });
});

describe('compressed responses', () => {
  it('compresses a page of 100 payouts with brotli or gzip, as the client accepts, to the same JSON', async () => {
    const plain = await post(PAGE);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(plain.body.toString('utf8')).data.payouts.edges).toHaveLength(100);
    for (const [accept, encoding] of [['br', 'br'], ['gzip', 'gzip'], ['gzip, deflate, br', 'br']] as const) {
      const res = await post(PAGE, accept);
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(res.headers.vary).toMatch(/accept-encoding/i);
      expect(Number(res.headers['content-length'])).toBe(res.body.length);
      expect(res.body.length).toBeLessThan(plain.body.length / 4);
      expect(decoded(res)).toBe(plain.body.toString('utf8'));
    }
  });

  it('sends the body as it is when the client accepts neither', async () => {
    for (const accept of [undefined, 'identity', 'deflate', 'br;q=0, gzip;q=0']) {
      const res = await post(PAGE, accept);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(JSON.parse(res.body.toString('utf8')).data.payouts.edges).toHaveLength(100);
    }
  });

  it('compresses the introspection GraphiQL fetches, but not a response too small to gain', async () => {
    const query = getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true });
    const [plain, br] = [await post(query), await post(query, 'br')];
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.body.length).toBeLessThan(plain.body.length / 5);
    expect(decoded(br)).toBe(plain.body.toString('utf8'));
    const small = await post('{ __typename }', 'br');
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(small.body.toString('utf8')).data).toEqual({ __typename: 'Query' });
  });

  it('never holds back an SSE subscription: events arrive at once with Accept-Encoding: gzip, br', async () => {
    const stripe: Stripe = emulatorStripe(h.emulator);
    const payout = await pendingPayout(stripe);
    const before = h.gateway.live.stats().subscribers;
    const sse = sseSubscribe(h.url, 'subscription($id: ID!) { payoutUpdated(id: $id) { payout { id metadata } } }', { id: payout.id }, undefined, {
      'accept-encoding': 'gzip, br',
    });
    await sse.opened;
    for (let i = 0; i < 100 && h.gateway.live.stats().subscribers <= before; i++) await new Promise((r) => setTimeout(r, 20));
    const started = performance.now();
    const update = await h.gql('mutation($id: ID!) { updatePayout(input: { payoutId: $id, metadata: { note: "now" } }) { __typename } }', { id: payout.id });
    expect(update.errors).toBeUndefined();
    const [event] = await sse.inbox.waitFor(1, 3_000);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(event.data).toEqual({ payoutUpdated: { payout: { id: payout.id, metadata: { note: 'now' } } } });
    sse.close();
  });

  // multipart/mixed streams are left alone the same way (no Content-Length), but the gateway answers subscriptions over SSE only.
  it('streams an SSE subscription asked by GET uncompressed, each event at once', async () => {
    const accept = 'text/event-stream';
    const payout = await pendingPayout(emulatorStripe(h.emulator));
    const query = 'subscription($id: ID!) { payoutUpdated(id: $id) { payout { id metadata } } }';
    const url = `${h.url}/graphql?query=${encodeURIComponent(query)}&variables=${encodeURIComponent(JSON.stringify({ id: payout.id }))}`;
    let received = '';
    let headers: Raw['headers'] = {};
    const before = h.gateway.live.stats().subscribers;
    const req = request(url, { headers: { accept, 'accept-encoding': 'gzip, br' } }, (r) => {
      headers = r.headers;
      r.on('data', (chunk: Buffer) => (received += chunk.toString('utf8')));
    });
    req.end();
    try {
      for (let i = 0; i < 100 && h.gateway.live.stats().subscribers <= before; i++) await new Promise((r) => setTimeout(r, 20));
      const started = performance.now();
      await h.gql('mutation($id: ID!) { updatePayout(input: { payoutId: $id, metadata: { via: "stream" } }) { __typename } }', { id: payout.id });
      await expect.poll(() => received, { timeout: 3_000, interval: 20 }).toContain('"via":"stream"');
      expect(performance.now() - started).toBeLessThan(2_000);
      expect(headers['content-type']).toContain(accept);
      expect(headers['content-encoding'] ?? 'none').toBe('none');
    } finally {
      req.destroy();
    }
  });
});

describe('HEAD', () => {
  it('answers /healthz like GET, without a body', async () => {
    const res = await raw(`${h.url}/healthz`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.body.length).toBe(0);
  });

  it('answers GraphiQL’s page like GET (status, type, length, ETag), without a body', async () => {
    const headers = { accept: 'text/html', 'accept-encoding': 'br' };
    const [get, head] = [await raw(`${h.url}/graphql`, { headers }), await raw(`${h.url}/graphql`, { method: 'HEAD', headers })];
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    for (const name of ['content-type', 'content-length', 'content-encoding', 'etag', 'cache-control', 'content-security-policy']) {
      expect(head.headers[name], name).toBe(get.headers[name]);
    }
    expect(Number(get.headers['content-length'])).toBe(get.body.length);
  });

  it('answers a GraphQL GET like GET, without a body', async () => {
    const url = `${h.url}/graphql?query=${encodeURIComponent('{ __typename }')}`;
    const [get, head] = [await raw(url), await raw(url, { method: 'HEAD' })];
    expect([head.status, head.headers['content-type']]).toEqual([get.status, get.headers['content-type']]);
    expect(head.body.length).toBe(0);
  });
});

describe('GraphiQL’s files', () => {
  const html = { accept: 'text/html' };
  /** The same-origin files the page and its start-up script name (stylesheet, scripts, icon, Monaco's workers). */
  async function filesOf(page: string): Promise<string[]> {
    const linked = [...page.matchAll(/(?:href|src)="([^"]+)"/g)].map((m) => new URL(m[1], `${h.url}/graphql`).href);
    const start = linked.find((u) => /\/start\.[0-9a-f]+\.js$/.test(u));
    expect(start).toBeDefined();
    const script = (await raw(start!)).body.toString('utf8');
    const workers = Object.values(JSON.parse(/var names = (\{[^}]*\})/.exec(script)![1]) as Record<string, string>).map((n) => new URL(n, start).href);
    return [...linked, ...workers];
  }

  it('serves a small page of links to same-origin files, with a CSP that allows scripts from this origin only', async () => {
    const res = await raw(`${h.url}/graphql`, { headers: html });
    expect(res.status).toBe(200);
    expect(res.body.length).toBeLessThan(10_000);
    const page = res.body.toString('utf8');
    expect(page).not.toMatch(/<script(?![^>]*(src="graphiql\/[\w.]+\.js"|type="application\/json"))/);
    expect(page).not.toMatch(/(href|src)="(https?:|\/\/)/);
    expect(res.headers['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
    expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-cache');
    const files = await filesOf(page);
    expect(files.map((u) => new URL(u).pathname.replace(/\.[0-9a-f]{16}\./, '.#.')).sort()).toEqual([
      '/graphiql/editorWorkerService.worker.#.js',
      '/graphiql/favicon.#.ico',
      '/graphiql/graphiql.#.css',
      '/graphiql/graphiql.#.js',
      '/graphiql/graphql.worker.#.js',
      '/graphiql/json.worker.#.js',
      '/graphiql/start.#.js',
    ]);
  });

  it('serves each file compressed, with a strong ETag and a year of immutable caching; the first load stays under 2.5 MB', async () => {
    const page = (await raw(`${h.url}/graphql`, { headers: html })).body.toString('utf8');
    const files = await filesOf(page);
    for (const encoding of ['br', 'gzip'] as const) {
      let total = 0;
      for (const url of files) {
        const [plain, res] = [await raw(url), await raw(url, { headers: { 'accept-encoding': encoding } })];
        expect(res.status, url).toBe(200);
        expect(res.headers['content-encoding'], url).toBe(encoding);
        expect(res.headers['cache-control'], url).toBe('public, max-age=31536000, immutable');
        expect(res.headers['x-content-type-options'], url).toBe('nosniff');
        expect(res.headers.vary, url).toBe('Accept-Encoding');
        expect(res.headers.etag, url).toMatch(/^"[0-9a-f]{16}-(br|gzip)"$/);
        expect(res.headers.etag, url).not.toBe(plain.headers.etag);
        expect(res.headers['content-type'], url).toMatch(url.endsWith('.js') ? /^text\/javascript/ : url.endsWith('.css') ? /^text\/css/ : /^image\/x-icon/);
        expect(url).toContain(plain.headers.etag!.slice(1, -1));
        expect(Buffer.compare(encoding === 'br' ? brotliDecompressSync(res.body) : gunzipSync(res.body), plain.body), url).toBe(0);
        total += res.body.length;
      }
      expect(total, encoding).toBeLessThan(2_500_000);
    }
  });

  it('answers a revalidation with 304 and no body: the page on reload, an asset if asked', async () => {
    const headers = { ...html, 'accept-encoding': 'gzip' };
    const first = await raw(`${h.url}/graphql`, { headers });
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[0-9a-f]{16}-gzip"$/);
    const again = await raw(`${h.url}/graphql`, { headers: { ...headers, 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(etag);
    // Another coding is another representation: not a match.
    expect((await raw(`${h.url}/graphql`, { headers: { ...html, 'accept-encoding': 'br', 'if-none-match': etag } })).status).toBe(200);
    const asset = (await filesOf(first.body.length ? gunzipSync(first.body).toString('utf8') : ''))[0];
    const got = await raw(asset, { headers: { 'accept-encoding': 'br' } });
    const revalidated = await raw(asset, { headers: { 'accept-encoding': 'br', 'if-none-match': `W/${got.headers.etag as string}` } });
    expect([revalidated.status, revalidated.body.length]).toEqual([304, 0]);
  });

  it('answers HEAD on an asset like GET, without a body', async () => {
    const asset = (await filesOf((await raw(`${h.url}/graphql`, { headers: html })).body.toString('utf8')))[0];
    const headers = { 'accept-encoding': 'br' };
    const [get, head] = [await raw(asset, { headers }), await raw(asset, { method: 'HEAD', headers })];
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    for (const name of ['content-type', 'content-length', 'content-encoding', 'etag', 'cache-control']) expect(head.headers[name], name).toBe(get.headers[name]);
  });

  it('serves nothing but the exact asset names: other paths under /graphiql/ and traversals are 404', async () => {
    const page = (await raw(`${h.url}/graphql`, { headers: html })).body.toString('utf8');
    const asset = new URL((await filesOf(page))[0]).pathname;
    for (const path of ['/graphiql/', '/graphiql/graphiql.js', `${asset}x`, `${asset.toUpperCase()}`, '/graphiql/../package.json', '/graphiql/%2e%2e/package.json', '/graphiql/..%2fpackage.json', '/graphiql/%2fetc%2fpasswd', `/graphiql//${asset.split('/').pop()}`]) {
      const res = await raw(`${h.url}${path}`);
      expect(res.status, path).toBe(404);
      expect(JSON.parse(res.body.toString('utf8')).errors[0].extensions.code, path).toBe('NOT_FOUND');
    }
    // Only GET and HEAD read a file.
    const posted = await raw(`${h.url}${asset}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(posted.status).not.toBe(200);
  });
});
