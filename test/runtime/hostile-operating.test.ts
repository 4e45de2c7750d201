import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, expectStillServing, NO_RATE_LIMIT, type Harness } from '../harness.js';

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
});
