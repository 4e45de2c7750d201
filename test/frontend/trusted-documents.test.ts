import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client as WsClient } from 'graphql-ws';
import { Client as UrqlClient, fetchExchange, gql } from '@urql/core';
import { persistedExchange } from '@urql/exchange-persisted';
import { createHarness, expectStillServing, NO_RATE_LIMIT, type Harness } from '../harness.js';
import { loadConfig } from '../../src/config.js';
import { emulatorStripe, Inbox, sseStream, wsClient } from '../subscriptions/clients.js';
import { documentIdOf, streamed } from './support.js';

/** The example operations' manifest (npm run codegen): the repository's own, served by id without TRUSTED_DOCUMENTS. */
const OPERATIONS_MANIFEST = new URL('../gql/persisted-documents.json', import.meta.url);
const operations = JSON.parse(readFileSync(OPERATIONS_MANIFEST, 'utf8')) as Record<string, string>;
const [PAYOUT_PAGE_ID] = Object.entries(operations).find(([, text]) => text.startsWith('query PayoutPage'))!;

type PayoutPage = { payouts: { edges: { node: { id: string } }[] } };

/** A body for yoga at `/graphql`, over the harness' transport. */
async function post(h: Harness, body: unknown, accept = 'application/graphql-response+json') {
  const res = await h.fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', accept }, body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] } };
}

const codeOf = (json: { errors?: { extensions?: Record<string, unknown> }[] }) => json.errors?.[0]?.extensions?.code;

/** One operation over graphql-ws, collected until it ends. */
function wsRun(client: WsClient, payload: Record<string, unknown>): Inbox {
  const inbox = new Inbox();
  client.subscribe(payload as { query: string }, {
    next: (r) => inbox.push(r as never),
    error: (e) => inbox.finish(e),
    complete: () => inbox.finish(),
  });
  return inbox;
}

/** graphql-ws hands a refused operation's errors to `error` as the array it received. */
function wsErrorCode(inbox: Inbox): unknown {
  return (inbox.error as { extensions?: Record<string, unknown> }[] | undefined)?.[0]?.extensions?.code;
}

describe('documents by id, without TRUSTED_DOCUMENTS (any document still runs)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ transport: 'loopback', emulator: { seed: 'demo' } });
  });
  afterAll(async () => h?.close());

  it('runs a document of the repository’s manifest by its documentId (POST and GET) and by its APQ hash, with or without the sha256: prefix', async () => {
    const byPost = await post(h, { documentId: PAYOUT_PAGE_ID, variables: { first: 2 } });
    expect(byPost.status).toBe(200);
    expect((byPost.json.data as PayoutPage).payouts.edges).toHaveLength(2);

    const query = new URLSearchParams({ documentId: PAYOUT_PAGE_ID, variables: JSON.stringify({ first: 3 }) });
    const byGet = await h.fetch(`/graphql?${query}`, { headers: { accept: 'application/graphql-response+json' } });
    expect(byGet.status).toBe(200);
    expect(((await byGet.json()) as { data: PayoutPage }).data.payouts.edges).toHaveLength(3);

    for (const sha256Hash of [PAYOUT_PAGE_ID, PAYOUT_PAGE_ID.slice('sha256:'.length)]) {
      const apq = await post(h, { extensions: { persistedQuery: { version: 1, sha256Hash } }, variables: { first: 1 } });
      expect(apq.status, sha256Hash).toBe(200);
      expect((apq.json.data as PayoutPage).payouts.edges).toHaveLength(1);
    }
  });

  it('answers an unknown id with PERSISTED_DOCUMENT_NOT_FOUND (404), with APQ’s message for APQ clients, before any upstream call', async () => {
    const unknown = `sha256:${'0'.repeat(64)}`;
    const { result, calls } = await h.upstreamCalls(async () => [
      await post(h, { documentId: unknown }),
      await post(h, { extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } }),
    ]);
    const [byId, byApq] = result;
    expect(byId.status).toBe(404);
    expect(codeOf(byId.json)).toBe('PERSISTED_DOCUMENT_NOT_FOUND');
    expect(byApq.status).toBe(404);
    expect(codeOf(byApq.json)).toBe('PERSISTED_DOCUMENT_NOT_FOUND');
    // What urql's persistedExchange and Apollo's persisted-query link look for before sending the query.
    expect(byApq.json.errors![0].message).toBe('PersistedQueryNotFound');
    expect(calls.total).toBe(0);
  });

  it('refuses a malformed id with PERSISTED_DOCUMENT_ID_INVALID (400) before any lookup or upstream call, and keeps serving', async () => {
    const malformed: unknown[] = [
      'md5:0cc175b9c0f1b6a831c399e269772661',
      `sha256:${'a'.repeat(63)}`,
      `sha256:${'g'.repeat(64)}`,
      `sha1:${'a'.repeat(64)}`,
      `sha256:${'a'.repeat(64)}:extra`,
      'x'.repeat(100_000),
      42,
      { id: 'sha256:…' },
    ];
    const { result, calls } = await h.upstreamCalls(() => Promise.all(malformed.map((documentId) => post(h, { documentId }))));
    for (const [i, res] of result.entries()) {
      expect(res.status, String(malformed[i]).slice(0, 40)).toBe(400);
      expect(codeOf(res.json)).toBe('PERSISTED_DOCUMENT_ID_INVALID');
    }
    const apq = await post(h, { extensions: { persistedQuery: { version: 1, sha256Hash: 'not-a-hash' } } });
    expect(codeOf(apq.json)).toBe('PERSISTED_DOCUMENT_ID_INVALID');
    expect(calls.total).toBe(0);
    await expectStillServing(h);
  });

  it('registers a query sent with its hash (APQ), after checking the hash, so the hash alone then runs it', async () => {
    const query = '# registered by this test\n{ payouts(first: 1) { edges { node { id } } } }';
    const sha256Hash = documentIdOf(query).slice('sha256:'.length);
    const persistedQuery = { version: 1, sha256Hash };
    expect((await post(h, { extensions: { persistedQuery } })).status).toBe(404);

    const lying = await post(h, { query: '{ __typename }', extensions: { persistedQuery } });
    expect(lying.status).toBe(400);
    expect(codeOf(lying.json)).toBe('PERSISTED_DOCUMENT_HASH_MISMATCH');
    expect((await post(h, { extensions: { persistedQuery } })).status).toBe(404);

    const registering = await post(h, { query, extensions: { persistedQuery } });
    expect(registering.status).toBe(200);
    const byHash = await post(h, { extensions: { persistedQuery } });
    expect(byHash.status).toBe(200);
    expect((byHash.json.data as PayoutPage).payouts.edges).toHaveLength(1);
    // The same document by its GraphQL-over-HTTP id.
    expect((await post(h, { documentId: documentIdOf(query) })).status).toBe(200);
  });

  it('works with urql’s persistedExchange: hash first, the query once on a miss, then the hash alone', async () => {
    const sent: boolean[] = [];
    const recordingFetch: typeof fetch = async (input, init) => {
      const url = new URL(String(input));
      const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as { query?: string }) : {};
      sent.push(!!(body.query ?? url.searchParams.get('query')));
      return fetch(input, init);
    };
    const client = new UrqlClient({
      url: `${h.url}/graphql`,
      fetch: recordingFetch,
      exchanges: [persistedExchange(), fetchExchange],
      requestPolicy: 'network-only',
    });
    const doc = gql`
      query UrqlApq { payouts(first: 2, status: PAID) { edges { node { id status } } } }
    `;
    const first = await client.query(doc, {}).toPromise();
    expect(first.error).toBeUndefined();
    expect((first.data as PayoutPage).payouts.edges).toHaveLength(2);
    // The miss (the hash only), then the query with its hash.
    expect(sent).toEqual([false, true]);

    const second = await client.query(doc, {}).toPromise();
    expect(second.error).toBeUndefined();
    expect(sent.slice(2)).toEqual([false]);
  });

  it('resolves ids over graphql-ws too (query "" with documentId or the APQ hash)', async () => {
    const client = wsClient(h.url);
    try {
      for (const payload of [
        { query: '', documentId: PAYOUT_PAGE_ID, variables: { first: 2 } },
        { query: '', extensions: { persistedQuery: { version: 1, sha256Hash: PAYOUT_PAGE_ID.slice(7) } }, variables: { first: 2 } },
      ]) {
        const inbox = wsRun(client, payload);
        const [result] = await inbox.waitFor(1);
        expect(result.errors).toBeUndefined();
        expect((result.data as PayoutPage).payouts.edges).toHaveLength(2);
      }
      const missing = wsRun(client, { query: '', documentId: `sha256:${'1'.repeat(64)}` });
      await missing.waitFor(1).catch(() => undefined);
      expect(wsErrorCode(missing)).toBe('PERSISTED_DOCUMENT_NOT_FOUND');
    } finally {
      await client.dispose();
    }
  });
});

describe('trusted mode (TRUSTED_DOCUMENTS): only the manifest’s documents run', () => {
  const QUERY = 'query Recent { payouts(first: 2) { edges { node { id status } } } }';
  const SUBSCRIPTION = 'subscription Live { payoutEvents { type payout { id amount } } }';
  let h: Harness;
  let manifest: string;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trusted-'));
    manifest = join(dir, 'persisted-documents.json');
    writeFileSync(manifest, JSON.stringify({ [documentIdOf(QUERY)]: QUERY, [documentIdOf(SUBSCRIPTION)]: SUBSCRIPTION }));
    // Two manifests, comma-separated: a frontend's and the example operations'.
    h = await createHarness({ transport: 'loopback', emulator: { seed: 'demo' }, env: { TRUSTED_DOCUMENTS: `${manifest}, ${OPERATIONS_MANIFEST.pathname}` } });
  });
  afterAll(async () => h?.close());

  const ARBITRARY = ['{ payouts(first: 1) { edges { node { id } } } }', QUERY, '{ __schema { types { name } } }'];

  it('refuses every document sent as text over HTTP (POST and GET) with PERSISTED_DOCUMENT_REQUIRED (400) and no upstream call, and still answers', async () => {
    const { result, calls } = await h.upstreamCalls(async () => {
      const answers = [];
      for (const query of ARBITRARY) {
        answers.push(await post(h, { query }));
        const res = await h.fetch(`/graphql?${new URLSearchParams({ query })}`, { headers: { accept: 'application/json' } });
        answers.push({ status: res.status, json: (await res.json()) as { errors?: { extensions?: Record<string, unknown> }[] } });
      }
      // APQ registration is never open here: a query with its own (right) hash is still a text.
      answers.push(await post(h, { query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: documentIdOf('{ __typename }').slice(7) } } }));
      answers.push(await post(h, {}));
      return answers;
    });
    for (const answer of result) {
      expect(answer.status).toBe(400);
      expect(codeOf(answer.json)).toBe('PERSISTED_DOCUMENT_REQUIRED');
    }
    expect(calls.total).toBe(0);
    expect((await post(h, { extensions: { persistedQuery: { version: 1, sha256Hash: documentIdOf('{ __typename }').slice(7) } } })).status).toBe(404);

    expect((await h.fetch('/healthz')).status).toBe(200);
    const trusted = await post(h, { documentId: documentIdOf(QUERY) });
    expect(trusted.status).toBe(200);
    expect((trusted.json.data as PayoutPage).payouts.edges).toHaveLength(2);
    // The second manifest's documents too.
    expect((await post(h, { documentId: PAYOUT_PAGE_ID, variables: { first: 1 } })).status).toBe(200);
  });

  it('serves no GraphiQL page (it could run nothing)', async () => {
    const page = await h.fetch('/graphql', { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type') ?? '').not.toContain('text/html');
    // What yoga answers a browser when it has no page: 406 (it only speaks GraphQL responses).
    expect(page.status).toBe(406);
    expect(await page.text()).not.toMatch(/graphiql/i);
  });

  it('refuses a text over SSE, and streams the manifest’s query and subscription by id', async () => {
    const { result: refused, calls } = await h.upstreamCalls(() => streamed(h.url, { query: SUBSCRIPTION }, 'text/event-stream'));
    expect(calls.total).toBe(0);
    const refusal = refused.parts[0]?.payload ?? {};
    expect(refusal.errors?.[0]?.extensions?.code).toBe('PERSISTED_DOCUMENT_REQUIRED');

    const query = await streamed(h.url, { documentId: documentIdOf(QUERY) }, 'text/event-stream');
    expect(query.contentType).toContain('text/event-stream');
    expect((query.parts[0].payload.data as PayoutPage).payouts.edges).toHaveLength(2);

    const live = sseStream(h.url, { documentId: documentIdOf(SUBSCRIPTION) });
    await live.opened;
    await waitForSubscribers(h, 1);
    const payout = await emulatorStripe(h.emulator).payouts.create({ amount: 4321, currency: 'usd', method: 'standard' });
    const event = await live.inbox.find((r) => (r.data as { payoutEvents?: { payout: { id: string } } } | undefined)?.payoutEvents?.payout.id === payout.id);
    expect(event.errors).toBeUndefined();
    live.close();
    await waitForSubscribers(h, 0);
  });

  it('refuses a text over graphql-ws (queries and subscriptions), and runs the manifest’s documents by id', async () => {
    const client = wsClient(h.url);
    try {
      const { result: inboxes, calls } = await h.upstreamCalls(async () => {
        const sent = [...ARBITRARY, SUBSCRIPTION].map((query) => wsRun(client, { query }));
        // graphql-ws requires a string; an empty one with no id is no document.
        sent.push(wsRun(client, { query: '' }));
        await Promise.all(sent.map((inbox) => inbox.waitFor(1).catch(() => undefined)));
        return sent;
      });
      for (const inbox of inboxes) {
        expect(inbox.results).toEqual([]);
        expect(wsErrorCode(inbox)).toBe('PERSISTED_DOCUMENT_REQUIRED');
      }
      expect(calls.total).toBe(0);

      const query = wsRun(client, { query: '', documentId: documentIdOf(QUERY) });
      const [answer] = await query.waitFor(1);
      expect((answer.data as PayoutPage).payouts.edges).toHaveLength(2);

      const live = wsRun(client, { query: '', extensions: { persistedQuery: { version: 1, sha256Hash: documentIdOf(SUBSCRIPTION).slice(7) } } });
      await waitForSubscribers(h, 1);
      const payout = await emulatorStripe(h.emulator).payouts.create({ amount: 5432, currency: 'usd', method: 'standard' });
      const event = await live.find((r) => (r.data as { payoutEvents?: { payout: { id: string } } } | undefined)?.payoutEvents?.payout.id === payout.id);
      expect(event.errors).toBeUndefined();
    } finally {
      await client.dispose();
    }
    await waitForSubscribers(h, 0);
  });

  it('refuses to start with a manifest that is missing, not JSON, or whose ids do not match their documents, naming TRUSTED_DOCUMENTS', () => {
    const dir = mkdtempSync(join(tmpdir(), 'trusted-bad-'));
    const lying = join(dir, 'lying.json');
    writeFileSync(lying, JSON.stringify({ [documentIdOf('{ a }')]: '{ b }' }));
    const garbage = join(dir, 'garbage.json');
    writeFileSync(garbage, 'not json');
    const unparsable = join(dir, 'unparsable.json');
    writeFileSync(unparsable, JSON.stringify({ [documentIdOf('query {')]: 'query {' }));
    for (const TRUSTED_DOCUMENTS of [join(dir, 'missing.json'), garbage, lying, unparsable, `${manifest},${join(dir, 'missing.json')}`, ' , ']) {
      expect(() => loadConfig({ ...NO_RATE_LIMIT, TRUSTED_DOCUMENTS }), TRUSTED_DOCUMENTS).toThrow(/TRUSTED_DOCUMENTS/);
    }
    expect(loadConfig({ TRUSTED_DOCUMENTS: manifest }).persistedDocuments).toMatchObject({ trustedOnly: true });
    // Apollo's manifest (@apollo/generate-persisted-query-manifest) reads the same way: ids are bare hex there.
    const apollo = join(dir, 'apollo.json');
    const operation = { id: documentIdOf(QUERY).slice(7), name: 'Recent', type: 'query', body: QUERY };
    writeFileSync(apollo, JSON.stringify({ format: 'apollo-persisted-query-manifest', version: 1, operations: [operation] }));
    expect([...loadConfig({ TRUSTED_DOCUMENTS: apollo }).persistedDocuments.byHash]).toEqual([[operation.id, QUERY]]);
  });
});

async function waitForSubscribers(h: Harness, count: number): Promise<void> {
  for (let i = 0; i < 250 && h.gateway.live.stats().subscribers !== count; i++) await new Promise((r) => setTimeout(r, 20));
  expect(h.gateway.live.stats().subscribers).toBe(count);
}
