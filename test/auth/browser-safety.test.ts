// What a hostile web page can do against the gateway: CORS, form posts (CSRF), WebSocket origins.
// Run against the open emulator demo (no auth), where these defences are all that stands.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request as httpRequest } from 'node:http';
import WebSocket from 'ws';
import { createHarness, type Harness } from '../harness.js';

const APP = 'https://app.example.com';
const EVIL = 'https://evil.example';
const MUTATION = 'mutation{createPayout(input:{amount:777,currency:"usd"}){__typename}}';

let h: Harness;

beforeAll(async () => {
  h = await createHarness({ transport: 'loopback', emulator: { seed: 'none' }, env: { CORS_ORIGINS: `${APP},http://localhost:5173` } });
});
afterAll(() => h?.close());

async function payoutCount(): Promise<number> {
  const response = await fetch(`${h.emulator.url}/_emulator/store`);
  const store = (await response.json()) as { accounts: Record<string, Record<string, number>> };
  return store.accounts['(platform)']?.payout ?? 0;
}

function preflight(origin: string, path = '/graphql') {
  return h.fetch(path, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization, x-evil' },
  });
}

describe('CORS', () => {
  it('gives an unlisted origin no CORS headers at all', async () => {
    const response = await preflight(EVIL);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    expect(response.headers.get('access-control-allow-headers')).toBeNull();
    const post = await h.fetch('/graphql', {
      method: 'POST',
      headers: { origin: EVIL, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('echoes a listed origin alone, with credentials, fixed headers and a cached preflight', async () => {
    const response = await preflight(APP);
    expect(response.headers.get('access-control-allow-origin')).toBe(APP);
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(response.headers.get('access-control-max-age')).toBe('600');
    expect(response.headers.get('access-control-allow-headers')).not.toContain('x-evil');
    expect(response.headers.get('access-control-allow-headers')).toContain('authorization');
  });

  it('answers no CORS on the webhook route, even to a listed origin', async () => {
    for (const origin of [APP, EVIL]) {
      const response = await preflight(origin, '/webhooks/stripe');
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    }
  });
});

describe('CSRF: only JSON POSTs execute', () => {
  it.each([
    ['a form post', 'application/x-www-form-urlencoded', `query=${encodeURIComponent(MUTATION)}`],
    ['text/plain', 'text/plain', JSON.stringify({ query: MUTATION })],
    ['multipart', 'multipart/form-data; boundary=x', `--x\r\nContent-Disposition: form-data; name="query"\r\n\r\n${MUTATION}\r\n--x--\r\n`],
    ['no content type', '', JSON.stringify({ query: MUTATION })],
  ])('refuses %s with 415 and creates nothing', async (_what, contentType, body) => {
    const before = await payoutCount();
    const { result: response, calls } = await h.upstreamCalls(() =>
      h.fetch('/graphql', { method: 'POST', headers: contentType ? { 'content-type': contentType, origin: EVIL } : { origin: EVIL }, body }),
    );
    expect(response.status).toBe(415);
    const json = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(json.errors[0].extensions.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(calls.total).toBe(0);
    expect(await payoutCount()).toBe(before);
  });

  it('never runs a mutation over GET', async () => {
    const before = await payoutCount();
    const response = await h.fetch(`/graphql?query=${encodeURIComponent(MUTATION)}`, { headers: { accept: 'application/json' } });
    expect(response.status).toBe(405);
    expect(await payoutCount()).toBe(before);
  });

  it('still executes a JSON POST (with a charset too)', async () => {
    const response = await h.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await response.json()).toMatchObject({ data: { __typename: 'Query' } });
  });
});

describe('paths and hosts', () => {
  it('serves GraphQL only at /graphql: a form posted to /graphql/ or /x?/graphql is 404 and creates nothing', async () => {
    const before = await payoutCount();
    for (const path of ['/graphql/', '/x?/graphql', '/anything/graphql']) {
      const response = await h.fetch(path, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `query=${encodeURIComponent(MUTATION)}`,
      });
      expect(response.status, path).toBe(404);
    }
    expect(await payoutCount()).toBe(before);
  });

  it('answers an open gateway only under its own names (DNS rebinding), over HTTP and WebSocket', async () => {
    const { port } = new URL(h.url);
    const rebound = await rawRequest(Number(port), 'rebind.evil.example');
    expect(rebound).toBe(403);
    expect(await rawRequest(Number(port), 'localhost')).toBe(200);
    expect(await rawRequest(Number(port), '127.0.0.1')).toBe(200);
    const socket = new WebSocket(`${h.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws', {
      headers: { host: `rebind.evil.example:${port}` },
      origin: `http://rebind.evil.example:${port}`,
    });
    const status = await new Promise<number>((resolve) => {
      socket.once('open', () => resolve(101));
      socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      socket.once('error', () => undefined);
    });
    socket.terminate();
    expect(status).toBe(403);
  });
});

/** A JSON query sent with the given Host header; resolves with the HTTP status. */
function rawRequest(port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, path: '/graphql', method: 'POST', headers: { host: `${host}:${port}`, 'content-type': 'application/json' } },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify({ query: '{ __typename }' }));
  });
}

describe('WebSocket origins', () => {
  /** The HTTP status of the upgrade, or 101 when the socket opened. */
  function upgrade(origin?: string): Promise<number> {
    return new Promise((resolve) => {
      const socket = new WebSocket(`${h.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws', origin ? { origin } : {});
      socket.once('open', () => {
        socket.close();
        resolve(101);
      });
      socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      socket.once('error', () => undefined);
    });
  }

  it('refuses a page from an unlisted origin, accepts listed origins, the gateway’s own page and non-browser clients', async () => {
    expect(await upgrade(EVIL)).toBe(403);
    expect(await upgrade(APP)).toBe(101);
    expect(await upgrade(h.url)).toBe(101);
    expect(await upgrade()).toBe(101);
  });
});

describe('afterwards', () => {
  it('still answers /healthz and a normal query', async () => {
    expect((await h.fetch('/healthz')).status).toBe(200);
    expect((await h.gql('{ payouts(first: 1) { edges { cursor } } }')).status).toBe(200);
  });
});
