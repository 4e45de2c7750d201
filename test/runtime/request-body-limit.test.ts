import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSchema, createYoga } from 'graphql-yoga';
import { MAX_REQUEST_BODY_BYTES, useRequestBodyLimit } from '../../src/server/request-body-limit.js';
import { createHarness, expectStillServing, type Harness } from '../harness.js';

const QUERY = JSON.stringify({ query: '{ payouts(first: 1) { edges { node { id } } } }' });

/**
 * `bytes` bytes sent in 1 MB pieces with no Content-Length, as a chunked upload arrives:
 * the query, then spaces (valid JSON, so only the size can make it fail).
 */
function streamed(bytes: number): ReadableStream<Uint8Array> {
  const piece = 1 << 20;
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      const size = Math.min(piece, bytes - sent);
      const chunk = new Uint8Array(size).fill(0x20);
      if (sent === 0) chunk.set(new TextEncoder().encode(QUERY));
      sent += size;
      controller.enqueue(chunk);
    },
  });
}

type Answer = { status: number; json: { data?: { payouts: { edges: unknown[] } }; errors?: { message: string; extensions?: { code?: string } }[] } };

describe('the request body limit plugin', () => {
  const LIMIT = 64;
  const yoga = createYoga({
    schema: createSchema({ typeDefs: 'type Query { echo(text: String!): String! }', resolvers: { Query: { echo: (_: unknown, a: { text: string }) => a.text } } }),
    maxRequestBodySize: false,
    plugins: [useRequestBodyLimit(LIMIT)],
    logging: false,
  });
  const body = (text: string) => JSON.stringify({ query: `{ echo(text: "${text}") }` });
  /** A body sent in 16-byte pieces with no Content-Length, as a chunked upload arrives. */
  const pieces = (text: string) => {
    const bytes = new TextEncoder().encode(body(text));
    return new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 16) controller.enqueue(bytes.slice(i, i + 16));
        controller.close();
      },
    });
  };
  const post = async (init: RequestInit & { duplex?: 'half' }) => {
    const res = await yoga.fetch('http://yoga.test/graphql', { method: 'POST', ...init, headers: { 'content-type': 'application/json', ...(init.headers as Record<string, string>) } });
    return { status: res.status, json: (await res.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] } };
  };

  it('answers a body within the limit, declared or streamed', async () => {
    const text = body('hi');
    expect(await post({ body: text, headers: { 'content-length': String(Buffer.byteLength(text)) } })).toEqual({ status: 200, json: { data: { echo: 'hi' } } });
    expect(await post({ body: pieces('ok'), duplex: 'half' })).toEqual({ status: 200, json: { data: { echo: 'ok' } } });
  });

  it('refuses a declared Content-Length above the limit, and a streamed body once it passes the limit, with 413', async () => {
    const text = body('x'.repeat(100));
    for (const init of [{ body: text, headers: { 'content-length': String(Buffer.byteLength(text)) } }, { body: pieces('y'.repeat(100)), duplex: 'half' as const }]) {
      const res = await post(init);
      expect(res.status).toBe(413);
      expect(res.json.errors).toEqual([expect.objectContaining({ message: `Request body too large: at most ${LIMIT} bytes.`, extensions: { code: 'REQUEST_ENTITY_TOO_LARGE' } })]);
    }
  });

  it('refuses a Content-Length that is not a number with 400 BAD_REQUEST', async () => {
    const res = await post({ body: body('hi'), headers: { 'content-length': '12, 12' } });
    expect(res.status).toBe(400);
    expect(res.json.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
  });
});

describe('the gateway, in-process', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ transport: 'in-process', emulator: { seed: 'demo' } });
  });
  afterAll(() => h?.close());

  const post = async (init: RequestInit & { duplex?: 'half' }): Promise<Answer> => {
    const res = await h.fetch('/graphql', { method: 'POST', ...init, headers: { 'content-type': 'application/json', ...(init.headers as Record<string, string>) } });
    return { status: res.status, json: (await res.json()) as Answer['json'] };
  };

  it('refuses a declared Content-Length above the limit with 413 REQUEST_ENTITY_TOO_LARGE, before any upstream call', async () => {
    const { result, calls } = await h.upstreamCalls(() => post({ body: QUERY, headers: { 'content-length': String(MAX_REQUEST_BODY_BYTES + 1) } }));
    expect(result.status).toBe(413);
    expect(result.json.errors).toEqual([expect.objectContaining({ extensions: { code: 'REQUEST_ENTITY_TOO_LARGE' } })]);
    expect(calls.total).toBe(0);
  });

  it('counts a body without a Content-Length as it streams: one byte over the limit gets 413', async () => {
    const { result, calls } = await h.upstreamCalls(() => post({ body: streamed(MAX_REQUEST_BODY_BYTES + 1), duplex: 'half' }));
    expect(result.status).toBe(413);
    expect(result.json.errors?.[0]?.extensions?.code).toBe('REQUEST_ENTITY_TOO_LARGE');
    expect(calls.total).toBe(0);
    await expectStillServing(h);
  });

  it('answers a streamed body of exactly the limit, and ordinary requests with and without a Content-Length', async () => {
    const atLimit = await post({ body: streamed(MAX_REQUEST_BODY_BYTES), duplex: 'half' });
    expect(atLimit.status).toBe(200);
    expect(atLimit.json.data?.payouts.edges).toHaveLength(1);
    const declared = await post({ body: QUERY, headers: { 'content-length': String(Buffer.byteLength(QUERY)) } });
    expect(declared.json.data?.payouts.edges).toHaveLength(1);
    const chunked = await post({ body: new Blob([QUERY]).stream(), duplex: 'half' });
    expect(chunked.json.data?.payouts.edges).toHaveLength(1);
  });
});

describe('the gateway over HTTP', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ transport: 'loopback', emulator: { seed: 'demo' } });
  });
  afterAll(() => h?.close());

  it(`answers 413 to a request declaring more than ${MAX_REQUEST_BODY_BYTES} bytes, without waiting for them`, async () => {
    const { port } = new URL(h.url);
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port, path: '/graphql', method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(MAX_REQUEST_BODY_BYTES + 1) } },
        (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString('utf8')));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on('error', reject);
      req.write('{"query":'); // far less than declared: the answer must not wait for the rest
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).errors[0].extensions.code).toBe('REQUEST_ENTITY_TOO_LARGE');
    await expectStillServing(h);
  });
});
