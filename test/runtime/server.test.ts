import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import type { Context } from '../../src/context.js';
import { userError } from '../../src/stripe/errors.js';
import { createHarness, type Harness } from '../harness.js';

const SECRET = 'sk_test_RuntimeSecretKey123456';

/** A schema of this test's own: each field fails (or not) the way resolvers in the real schema can. */
const schema = new GraphQLSchema({
  query: new GraphQLObjectType<unknown, Context>({
    name: 'Query',
    fields: {
      ok: { type: GraphQLString, resolve: () => 'fine' },
      bug: {
        type: GraphQLString,
        resolve: (_root, _args, ctx) => {
          throw new TypeError(`oops while using ${ctx.config.stripeSecretKey}`);
        },
      },
      invalidState: {
        type: GraphQLString,
        resolve: () => {
          throw userError('INVALID_STATE', 'Only pending payouts can be canceled; this one is paid.');
        },
      },
      missingPayout: {
        type: GraphQLString,
        // A raw SDK error, as a mutation resolver would let it escape.
        resolve: async (_root, _args, ctx) => (await ctx.stripe.payouts.retrieve('po_missing', {}, ctx.requestOptions)).id,
      },
      anyPayout: {
        type: GraphQLString,
        resolve: async (_root, _args, ctx) => (await ctx.stripe.payouts.list({ limit: 1 }, ctx.requestOptions)).object,
      },
    },
  }),
});

describe.each(['in-process', 'loopback'] as const)('gateway server runtime (%s)', (transport) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ transport, schema, emulator: { seed: 'none' }, env: { STRIPE_SECRET_KEY: SECRET, AUTH_DISABLED: 'true' } });
  });
  afterAll(() => h?.close());

  it('masks unexpected errors, logs them with the request id, and never shows or logs the key', async () => {
    const res = await h.gql('{ ok bug }', undefined, { 'x-request-id': 'trace-42' });
    expect(res.data).toEqual({ ok: 'fine', bug: null });
    expect(res.errors).toEqual([
      expect.objectContaining({
        message: 'Unexpected error.',
        path: ['bug'],
        extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'trace-42' },
      }),
    ]);
    expect(res.headers.get('x-request-id')).toBe('trace-42');
    const lines = h.logs.filter((l) => l.includes('unexpected error in resolver'));
    expect(lines).toHaveLength(1);
    const [line] = lines;
    expect(JSON.parse(line)).toMatchObject({ requestId: 'trace-42', path: 'bug' });
    expect(line).toContain('oops while using [redacted]');
    expect(res.body).not.toContain(SECRET);
    expect(h.logs.join('\n')).not.toContain(SECRET);
  });

  it('passes coded errors as they are', async () => {
    const res = await h.gql('{ invalidState }');
    expect(res.errors?.[0]).toMatchObject({
      message: 'Only pending payouts can be canceled; this one is paid.',
      extensions: { code: 'INVALID_STATE' },
    });
  });

  it('maps Stripe errors escaping a resolver to coded errors with Stripe’s request id', async () => {
    const res = await h.gql('{ missingPayout }');
    expect(res.errors?.[0].message).toBe("No such payout: 'po_missing'");
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', stripeCode: 'resource_missing' });
    expect(res.errors?.[0].extensions?.stripeRequestId).toMatch(/^req_/);
    expect(res.errors?.[0].extensions?.requestId).toEqual(res.headers.get('x-request-id'));
  });

  it('reports Stripe outages as UPSTREAM_ERROR and logs them', async () => {
    h.emulator.faults.set([{ route: 'GET /v1/payouts', serverError: 1 }]);
    try {
      const res = await h.gql('{ anyPayout }');
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'UPSTREAM_ERROR' });
      expect(res.errors?.[0].message).toMatch(/^Stripe could not complete the request \(HTTP 500\)/);
    } finally {
      h.emulator.faults.clear();
    }
    expect(h.logs.some((l) => l.includes('Stripe request failed'))).toBe(true);
  });

  it('gives a fresh request id when the caller sends none (or a malformed one)', async () => {
    const a = await h.gql('{ ok }');
    const b = await h.gql('{ ok }', undefined, { 'x-request-id': 'bad id with spaces' });
    expect(a.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(b.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers /healthz without touching GraphQL or Stripe', async () => {
    const { calls, result } = await h.upstreamCalls(() => h.fetch('/healthz'));
    expect(result.status).toBe(200);
    expect(await result.text()).toBe('');
    expect(calls.total).toBe(0);
  });

  it('serves a self-contained GraphiQL page with the example operations', async () => {
    const res = await h.fetch('/graphql', { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('query RecentPayouts');
    // Its scripts and styles are files of the gateway's own (graphiql/…), never from another origin.
    expect(html).toMatch(/<script[^>]+src="graphiql\/graphiql\.[0-9a-f]+\.js"/);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i);
  });
});
