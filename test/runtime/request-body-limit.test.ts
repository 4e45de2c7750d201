import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSchema, createYoga } from 'graphql-yoga';
import { MAX_REQUEST_BODY_BYTES, useRequestBodyLimit } from '../../src/server/request-body-limit.js';
import { createHarness, type Harness } from '../harness.js';

const LIMIT = 64;
const yoga = createYoga({
  schema: createSchema({ typeDefs: 'type Query { echo(text: String!): String! }', resolvers: { Query: { echo: (_: unknown, a: { text: string }) => a.text } } }),
  maxRequestBodySize: false,
  plugins: [useRequestBodyLimit(LIMIT)],
  logging: false,
});

const body = (text: string) => JSON.stringify({ query: `{ echo(text: "${text}") }` });

/** A body sent in pieces with no Content-Length, as a chunked upload arrives. */
function streamed(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(body(text));
  return new ReadableStream({
    start(controller) {
      for (let i = 0; i < bytes.length; i += 16) controller.enqueue(bytes.slice(i, i + 16));
      controller.close();
    },
  });
}

async function post(init: RequestInit & { duplex?: 'half' }): Promise<{ status: number; json: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] } }> {
  const res = await yoga.fetch('http://yoga.test/graphql', { method: 'POST', ...init, headers: { 'content-type': 'application/json', ...init.headers } });
  return { status: res.status, json: (await res.json()) as never };
}

describe('request body limit', () => {
  it('answers a small request with a Content-Length', async () => {
    const text = body('hi');
    const res = await post({ body: text, headers: { 'content-length': String(Buffer.byteLength(text)) } });
    expect(res).toEqual({ status: 200, json: { data: { echo: 'hi' } } });
  });

  it('refuses a declared Content-Length above the limit with 413, before reading the body', async () => {
    const text = body('x'.repeat(100));
    const res = await post({ body: text, headers: { 'content-length': String(Buffer.byteLength(text)) } });
    expect(res.status).toBe(413);
    expect(res.json.errors).toEqual([expect.objectContaining({ message: `Request body too large: at most ${LIMIT} bytes.`, extensions: { code: 'REQUEST_ENTITY_TOO_LARGE' } })]);
  });

  it('counts a body without a Content-Length as it streams: small ones pass, large ones get 413', async () => {
    const small = await post({ body: streamed('ok'), duplex: 'half' });
    expect(small).toEqual({ status: 200, json: { data: { echo: 'ok' } } });
    const large = await post({ body: streamed('y'.repeat(100)), duplex: 'half' });
    expect(large.status).toBe(413);
    expect(large.json.errors?.[0]?.extensions?.code).toBe('REQUEST_ENTITY_TOO_LARGE');
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
  });

  it('still answers ordinary queries, with and without a Content-Length', async () => {
    const query = JSON.stringify({ query: '{ payouts(first: 1) { edges { node { id } } } }' });
    const declared = await h.fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: query });
    expect(declared.status).toBe(200);
    const chunked = await h.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new Blob([query]).stream(),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(200);
    expect(((await chunked.json()) as { data: { payouts: { edges: unknown[] } } }).data.payouts.edges).toHaveLength(1);
  });
});
