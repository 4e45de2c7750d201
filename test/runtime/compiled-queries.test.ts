import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'graphql';
import { schema } from '../../src/schema/index.js';
import { isSingleQuery } from '../../src/server/jit.js';
import { createHarness, type Harness } from '../harness.js';

/**
 * Queries run through graphql-jit (src/server/jit.ts). These are the places where its
 * behaviour differs from graphql's executor unless the gateway compensates.
 */
describe('compiled queries (graphql-jit)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ transport: 'in-process', emulator: { seed: 'demo' } });
  });
  afterAll(() => h?.close());

  it('compiles single queries only: mutations, subscriptions and multi-operation documents keep the default executor', () => {
    const args = (source: string, operationName?: string) => ({ schema, document: parse(source), operationName });
    expect(isSingleQuery(args('{ payouts(first: 1) { edges { cursor } } }'))).toBe(true);
    expect(isSingleQuery(args('query A { __typename } query B { __typename }', 'A'))).toBe(false);
    expect(isSingleQuery(args('mutation { __typename }'))).toBe(false);
    expect(isSingleQuery(args('subscription { __typename }'))).toBe(false);
  });

  it('runs the named operation of a document with several (the compiled-query cache is per document)', async () => {
    const document = 'query Ids { payouts(first: 1) { edges { node { id } } } } query Typename { __typename }';
    const send = (operationName: string) =>
      h.fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ query: document, operationName }),
      }).then((r) => r.json() as Promise<{ data: Record<string, unknown> }>);
    expect(Object.keys((await send('Ids')).data)).toEqual(['payouts']);
    expect((await send('Typename')).data).toEqual({ __typename: 'Query' });
  });

  it('serializes custom scalars (DateTime, Metadata, Currency) and open enums as the schema says', async () => {
    const res = await h.gql<{ payouts: { edges: { node: Record<string, unknown> }[] } }>(
      '{ payouts(first: 3) { edges { node { created arrivalDate metadata currency status statusRaw balanceTransaction { availableOn } } } } }',
    );
    expect(res.errors).toBeUndefined();
    for (const { node } of res.data!.payouts.edges) {
      expect(node.created).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/);
      expect(node.arrivalDate).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      expect((node.balanceTransaction as { availableOn: string }).availableOn).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      expect(node.metadata).toEqual(expect.any(Object));
      expect(node.currency).toMatch(/^[a-z]{3}$/);
      expect(node.status).toBe(String(node.statusRaw).toUpperCase());
    }
  });

  it('answers bad variables with HTTP 400 and the variable’s location, as graphql’s executor does', async () => {
    const res = await h.gql('query Page($n: Int!) { payouts(first: $n) { edges { cursor } } }', {});
    expect(res.status).toBe(400);
    expect(res.errors).toEqual([
      expect.objectContaining({ message: 'Variable "$n" of required type "Int!" was not provided.', locations: [{ line: 1, column: 12 }] }),
    ]);
  });

  it('keeps locations, path and code on errors raised by resolvers, through aliases and fragments', async () => {
    const query = 'query { ok: payouts(first: 1) { edges { cursor } } ...F } fragment F on Query { missing: payout(id: "po_missing") { id } }';
    const res = await h.gql(query);
    expect(res.status).toBe(200);
    expect(res.data).toEqual({ ok: { edges: [expect.any(Object)] }, missing: null });
    expect(res.errors).toEqual([
      expect.objectContaining({ path: ['missing'], locations: [{ line: 1, column: query.indexOf('missing:') + 1 }], extensions: expect.objectContaining({ code: 'NOT_FOUND' }) }),
    ]);
  });

  it('keeps locations on errors of aliased root fields', async () => {
    const query = '{ payouts(first: 2) { edges { node { id } } } bad: payouts(first: 0) { edges { cursor } } }';
    const res = await h.gql(query);
    expect(res.errors).toEqual([
      expect.objectContaining({ path: ['bad'], locations: [{ line: 1, column: query.indexOf('bad:') + 1 }], extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }),
    ]);
  });
});
