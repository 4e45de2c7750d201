import { readFileSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getIntrospectionQuery, Kind, type DocumentNode } from 'graphql';
import type { Client } from 'graphql-ws';
import { DEFAULT_DOCUMENT_LIMITS, loadConfig, type DocumentLimits } from '../../src/config.js';
import { LIMIT_CODES } from '../../src/server/document-limits.js';
import { exampleTabs } from '../../src/server/graphiql.js';
import { createHarness, type Harness } from '../harness.js';
import { wsClient } from '../subscriptions/clients.js';
import {
  aliasedPages,
  codesOf,
  fragmentExplosion,
  ofDepth,
  ofLength,
  ofTokens,
  overHttp,
  overSse,
  overWs,
  transferNesting,
  withAliases,
  withDirectives,
  withFields,
  type Outcome,
} from './documents.js';

/** A document of each limit's kind, at a given size (all answered by introspection: no upstream call). */
const SIZED: Record<keyof DocumentLimits, (n: number) => string> = {
  maxLength: ofLength,
  maxTokens: ofTokens,
  maxDepth: ofDepth,
  maxAliases: withAliases,
  maxDirectives: withDirectives,
  maxFields: withFields,
};

describe('document limits', () => {
  let h: Harness;
  let ws: Client;
  beforeAll(async () => {
    h = await createHarness({ transport: 'loopback', emulator: { seed: 'demo' } });
    ws = wsClient(h.url);
  });
  afterAll(async () => {
    await ws?.dispose();
    await h?.close();
  });

  const transports: [string, (query: string) => Promise<Outcome>][] = [
    ['HTTP', (query) => overHttp(h, query)],
    ['SSE', (query) => overSse(h, query)],
    ['graphql-ws', (query) => overWs(ws, query)],
  ];

  describe.each(Object.entries(LIMIT_CODES) as [keyof DocumentLimits, string][])('%s', (limit, code) => {
    const n = DEFAULT_DOCUMENT_LIMITS[limit];

    it.each(transports)(`answers a document at the limit (${n}) and refuses one past it with ${code}, over %s`, async (_, send) => {
      const at = await send(SIZED[limit](n));
      expect(at.result?.errors).toBeUndefined();
      expect(at.result?.data).toEqual(expect.any(Object));

      const past = await send(SIZED[limit](n + 1));
      expect(codesOf(past)).toEqual([code]);
      expect(past.result?.errors?.[0].message).toMatch(new RegExp(`limit of ${n} exceeded`));
      expect(past.result?.data).toBeUndefined();
    });

    it('is HTTP 400 whatever the Accept header', async () => {
      for (const accept of ['application/json', 'application/graphql-response+json']) {
        const past = await overHttp(h, SIZED[limit](n + 1), { accept });
        expect({ accept, status: past.status, codes: codesOf(past) }).toEqual({ accept, status: 400, codes: [code] });
      }
    });
  });

  it('refuses before any upstream call', async () => {
    const transfers = await h.gql<{ transfers: { edges: { node: { id: string } }[] } }>('{ transfers(first: 1) { edges { node { id } } } }');
    const transferId = transfers.data!.transfers.edges[0].node.id;
    const refused: [string, string][] = [
      [aliasedPages(DEFAULT_DOCUMENT_LIMITS.maxAliases + 1), 'TOO_MANY_ALIASES'],
      [transferNesting(transferId, 3), 'QUERY_TOO_DEEP'],
      [fragmentExplosion(10, 'Payout', 'id', (spread) => `{ payouts(first: 100) { edges { node { ${spread} } } } }`), 'QUERY_TOO_LARGE'],
    ];
    for (const [query, code] of refused) {
      const { result, calls } = await h.upstreamCalls(() => overHttp(h, query));
      expect({ codes: codesOf(result), calls: calls.total }).toEqual({ codes: [code], calls: 0 });
    }
  });

  it('counts fields with fragments expanded: a 1 KB document of doubling fragments is 2^30 fields', async () => {
    const small = await overHttp(h, fragmentExplosion(9));
    expect(small.result).toMatchObject({ data: { __typename: 'Query' } });

    const explosion = fragmentExplosion(30);
    expect(explosion.length).toBeLessThan(1_300);
    const refused = await overHttp(h, explosion);
    expect(refused.status).toBe(400);
    expect(refused.result?.errors).toEqual([
      expect.objectContaining({ message: `Field limit of ${DEFAULT_DOCUMENT_LIMITS.maxFields} exceeded, found ${2 ** 30} with fragments expanded.`, extensions: { code: 'QUERY_TOO_LARGE' } }),
    ]);
    // The same with a second operation in the document (graphql's executor rather than the compiled path).
    const twoOperations = await overHttp(h, fragmentExplosion(30, 'Query', '__typename', (spread) => `query Big { ${spread} } query Other { __typename }`), {
      operationName: 'Big',
    });
    expect(codesOf(twoOperations)).toContain('QUERY_TOO_LARGE');
  });

  it('passes every example operation and GraphiQL’s introspection query', async () => {
    const documents = [
      ...readdirSync(new URL('../../examples/operations/', import.meta.url)).map((file) =>
        readFileSync(new URL(`../../examples/operations/${file}`, import.meta.url), 'utf8'),
      ),
      ...exampleTabs(h.config).map((tab) => tab.query),
    ];
    // Parsed and validated as every transport does (yoga's envelop, all plugins), each document whole, as GraphiQL sends it.
    const { parse, validate, schema } = h.gateway.yoga.getEnveloped({});
    const parsed = documents.map((query) => parse(query) as DocumentNode);
    for (const document of parsed) expect(validate(schema, document)).toEqual([]);
    expect(parsed.flatMap((document) => document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION)).length).toBeGreaterThan(20);

    const introspection = getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true, oneOf: true });
    const res = await overHttp(h, introspection);
    expect(res.result?.errors).toBeUndefined();
    expect((res.result?.data as { __schema: { queryType: { name: string } } }).__schema.queryType.name).toBe('Query');
  });
});

describe('document limits from the environment', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({
      transport: 'in-process',
      env: { MAX_DOCUMENT_LENGTH: '2000', MAX_TOKENS: '100', MAX_DEPTH: '3', MAX_ALIASES: '1', MAX_DIRECTIVES: '1', MAX_FIELDS: '40' },
    });
  });
  afterAll(() => h?.close());

  it('applies MAX_DOCUMENT_LENGTH, MAX_TOKENS, MAX_DEPTH, MAX_ALIASES, MAX_DIRECTIVES and MAX_FIELDS', async () => {
    const limits = { maxLength: 2000, maxTokens: 100, maxDepth: 3, maxAliases: 1, maxDirectives: 1, maxFields: 40 };
    expect(h.config.documentLimits).toEqual(limits);
    for (const [limit, code] of Object.entries(LIMIT_CODES) as [keyof DocumentLimits, string][]) {
      const n = limits[limit];
      expect({ limit, at: codesOf(await overHttp(h, SIZED[limit](n))) }).toEqual({ limit, at: [] });
      expect({ limit, past: codesOf(await overHttp(h, SIZED[limit](n + 1))) }).toEqual({ limit, past: [code] });
    }
  });

  it('refuses to start with a limit that is not a positive integer, naming the variable', () => {
    expect(() => loadConfig({ MAX_DEPTH: '0' })).toThrow(/MAX_DEPTH/);
    expect(() => loadConfig({ MAX_FIELDS: 'many' })).toThrow(/MAX_FIELDS/);
    expect(() => loadConfig({ MAX_ALIASES: '-1' })).toThrow(/MAX_ALIASES/);
  });
});
