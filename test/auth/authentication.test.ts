// Authentication on every transport: JWTs verified against a real JWKS served on loopback,
// API keys from a key file, graphql-ws connection_init, SSE; scopes before any upstream call.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT, base64url } from 'jose';
import { createHarness, type Harness } from '../harness.js';
import { Inbox, emulatorStripe, pendingPayout, sseSubscribe, wsClient, wsSubscribe } from '../subscriptions/clients.js';
import { apiKeysFile, authEnv, AUDIENCE, ISSUER, startIssuer, type TestIssuer } from './issuer.js';

const SERVICE_KEY = 'svc_live_reporting_8f2d9c1e6b7a4f03a9d2';
const ADMIN_KEY = 'svc_admin_payouts_d41d8cd98f00b204e980';

let issuer: TestIssuer;
let h: Harness;

const CREATE_PAYOUT = 'mutation { createPayout(input: { amount: 500, currency: "usd" }) { __typename ... on CreatePayoutPayload { payout { id amount } } } }';
const PAYOUTS = '{ payouts(first: 3) { edges { node { id } } } }';

beforeAll(async () => {
  issuer = await startIssuer();
  const keys = apiKeysFile([
    { name: 'reporting', key: SERVICE_KEY, scopes: ['read'] },
    { name: 'payout-bot', key: ADMIN_KEY, scopes: ['read', 'payouts:write'] },
  ]);
  h = await createHarness({ transport: 'loopback', emulator: { seed: 'none' }, env: authEnv(issuer, { API_KEYS_FILE: keys }) });
  await pendingPayout(emulatorStripe(h.emulator));
});

afterAll(async () => {
  await h?.close();
  await issuer?.close();
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('HTTP', () => {
  it('refuses a request without credentials with 401, a Bearer challenge and UNAUTHENTICATED, calling nothing', async () => {
    const { result, calls } = await h.upstreamCalls(() => h.gql(CREATE_PAYOUT));
    expect(result.status).toBe(401);
    expect(result.headers.get('www-authenticate')).toMatch(/^Bearer realm=/);
    expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(result.data).toBeUndefined();
    expect(calls.total).toBe(0);
  });

  it('accepts a token from the issuer and takes its scopes from `scope`', async () => {
    const token = await issuer.token({ scope: 'read payouts:write' });
    const read = await h.gql<{ payouts: { edges: unknown[] } }>(PAYOUTS, {}, bearer(token));
    expect(read.status).toBe(200);
    expect(read.data?.payouts.edges.length).toBeGreaterThan(0);
    const write = await h.gql<{ createPayout: { __typename: string } }>(CREATE_PAYOUT, {}, bearer(token));
    expect(write.data?.createPayout.__typename).toBe('CreatePayoutPayload');
  });

  it('refuses a write without its scope with FORBIDDEN naming the scope, before any upstream call', async () => {
    const token = await issuer.token({ scp: ['read'] });
    const { result, calls } = await h.upstreamCalls(() => h.gql(CREATE_PAYOUT, {}, bearer(token)));
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', scopes: ['payouts:write'] });
    expect(result.errors?.[0].message).toContain('payouts:write');
    expect(calls.total).toBe(0);
  });

  it('refuses reads without `read`', async () => {
    const token = await issuer.token({ scope: 'payouts:write' });
    const { result, calls } = await h.upstreamCalls(() => h.gql(PAYOUTS, {}, bearer(token)));
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', scopes: ['read'] });
    expect(calls.total).toBe(0);
  });

  it.each([
    ['expired', () => issuer.token({ scope: 'read' }, { expiresInS: -120 }), /expired/],
    ['for another audience', () => issuer.token({ scope: 'read', aud: 'another-app' }), /aud/],
    ['from another issuer', () => issuer.token({ scope: 'read', iss: 'https://evil.example/' }), /iss/],
  ])('refuses a token %s', async (_what, make, reason) => {
    const result = await h.gql(PAYOUTS, {}, bearer(await make()));
    expect(result.status).toBe(401);
    expect(result.headers.get('www-authenticate')).toContain('error="invalid_token"');
    expect(result.errors?.[0].message).toMatch(reason);
  });

  it('refuses alg "none" and an HMAC token keyed with the issuer’s public key (algorithm confusion)', async () => {
    const now = Math.floor(Date.now() / 1000);
    const claims = { sub: 'attacker', scope: 'read payouts:write', iss: ISSUER, aud: AUDIENCE, iat: now, exp: now + 600 };
    const unsigned = `${base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${base64url.encode(JSON.stringify(claims))}.`;
    const publicKeyBytes = new TextEncoder().encode(JSON.stringify(issuer.publicJwk()));
    const confused = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', kid: issuer.publicJwk().kid }).sign(publicKeyBytes);
    for (const token of [unsigned, confused]) {
      const { result, calls } = await h.upstreamCalls(() => h.gql(CREATE_PAYOUT, {}, bearer(token)));
      expect(result.status).toBe(401);
      expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(calls.total).toBe(0);
    }
  });

  it('follows key rotation: a token signed with a newly published key verifies, one signed with the retired key no longer does', async () => {
    await issuer.rotate();
    const fresh = await h.gql(PAYOUTS, {}, bearer(await issuer.token({ scope: 'read' })));
    expect(fresh.status).toBe(200);
    const old = await h.gql(PAYOUTS, {}, bearer(await issuer.token({ scope: 'read' }, { key: 'retired' })));
    expect(old.status).toBe(401);
  });

  it('verifies a token once and serves it from cache until it expires (the JWKS is not fetched per request)', async () => {
    const token = await issuer.token({ scope: 'read' });
    await h.gql(PAYOUTS, {}, bearer(token));
    const before = issuer.fetches();
    for (let i = 0; i < 5; i++) expect((await h.gql(PAYOUTS, {}, bearer(token))).status).toBe(200);
    expect(issuer.fetches()).toBe(before);
  });

  it('accepts API keys with their own scopes, and refuses an unknown one', async () => {
    const reporting = await h.gql(PAYOUTS, {}, bearer(SERVICE_KEY));
    expect(reporting.status).toBe(200);
    const denied = await h.gql(CREATE_PAYOUT, {}, bearer(SERVICE_KEY));
    expect(denied.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', scopes: ['payouts:write'] });
    const bot = await h.gql<{ createPayout: { __typename: string } }>(CREATE_PAYOUT, {}, bearer(ADMIN_KEY));
    expect(bot.data?.createPayout.__typename).toBe('CreatePayoutPayload');
    const unknown = await h.gql(PAYOUTS, {}, bearer(`${SERVICE_KEY}x`));
    expect(unknown.status).toBe(401);
  });

  it('refuses a malformed Authorization header', async () => {
    for (const authorization of ['Basic dXNlcjpwYXNz', 'Bearer', `Token ${SERVICE_KEY}`]) {
      const result = await h.gql(PAYOUTS, {}, { authorization });
      expect(result.status).toBe(401);
      expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('never writes a token or API key into a log line or a response', async () => {
    const token = await issuer.token({ scope: 'read' });
    await h.gql(PAYOUTS, {}, bearer(token));
    const refused = await h.gql(PAYOUTS, {}, bearer(`${token}tampered`));
    await h.gql(CREATE_PAYOUT, {}, bearer(SERVICE_KEY));
    const everything = h.logs.join('\n');
    for (const secret of [token, SERVICE_KEY, ADMIN_KEY]) expect(everything).not.toContain(secret);
    expect(refused.body).not.toContain(token);
  });

  it('still serves GraphiQL’s page without credentials (its operations need them)', async () => {
    const page = await h.fetch('/graphql', { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('GraphiQL');
  });
});

describe('audit', () => {
  type AuditLine = Record<string, unknown> & { audit?: string; mutation?: string };
  const auditLines = (): AuditLine[] =>
    h.logs.map((l) => JSON.parse(l) as AuditLine).filter((l) => l.audit === 'mutation');

  it('writes one line per mutation: who, which account, what, Stripe’s request id and the outcome', async () => {
    const before = auditLines().length;
    const created = await h.gql<{ createPayout: { payout: { id: string } } }>(
      'mutation { createPayout(input: { amount: 4321, currency: "usd", idempotencyKey: "order-77" }) { ... on CreatePayoutPayload { payout { id } } } }',
      {},
      bearer(ADMIN_KEY),
    );
    const id = created.data!.createPayout.payout.id;
    await h.gql('mutation { cancelPayout(input: { payoutId: "po_doesnotexist" }) { __typename } }', {}, bearer(ADMIN_KEY));
    await h.gql(CREATE_PAYOUT, {}, bearer(SERVICE_KEY));
    const lines = auditLines().slice(before);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({
      principal: 'payout-bot',
      principalKind: 'api-key',
      account: 'platform',
      mutation: 'createPayout',
      target: id,
      amount: 4321,
      currency: 'usd',
      idempotencyKey: 'order-77',
      stripeRequestId: expect.stringMatching(/^req_/),
      outcome: 'succeeded',
    });
    expect(lines[1]).toMatchObject({ mutation: 'cancelPayout', target: 'po_doesnotexist', outcome: 'NOT_FOUND', stripeRequestId: expect.stringMatching(/^req_/) });
    expect(lines[2]).toMatchObject({ principal: 'reporting', mutation: 'createPayout', amount: 500, outcome: 'FORBIDDEN' });
  });
});

describe('graphql-ws', () => {
  const SUBSCRIPTION = 'subscription { payoutEvents { type payout { id } } }';

  it('closes a connection without a valid credential with 4403', async () => {
    for (const params of [undefined, { authorization: 'Bearer not-a-token' }]) {
      const client = wsClient(h.url, params);
      const { inbox } = wsSubscribe(client, SUBSCRIPTION);
      await inbox.waitFor(1).catch(() => undefined);
      expect(inbox.completed).toBe(true);
      expect((inbox.error as { code?: number }).code).toBe(4403);
      await client.dispose();
    }
  });

  it('runs subscriptions for a token in connection_init, and refuses one without `read`', async () => {
    const client = wsClient(h.url, bearer(await issuer.token({ scope: 'read payouts:write' })));
    const sub = wsSubscribe(client, SUBSCRIPTION);
    await new Promise((r) => setTimeout(r, 200));
    await h.gql(CREATE_PAYOUT, {}, bearer(ADMIN_KEY));
    const event = await sub.inbox.find((r) => r.data);
    expect(event.data).toMatchObject({ payoutEvents: { type: 'payout.created' } });
    sub.unsubscribe();
    await client.dispose();

    const writer = wsClient(h.url, bearer(await issuer.token({ scope: 'payouts:write' })));
    const denied = wsSubscribe(writer, SUBSCRIPTION);
    const [result] = await denied.inbox.waitFor(1).catch(() => [undefined]);
    const errors = result?.errors ?? (denied.inbox.error as { extensions?: unknown }[] | undefined);
    expect(JSON.stringify(errors)).toContain('FORBIDDEN');
    await writer.dispose();
  });

  it('does not let a subscriber without `read` join a stream a reader started (over graphql-ws and SSE)', async () => {
    const reader = wsClient(h.url, bearer(SERVICE_KEY));
    const readerSub = wsSubscribe(reader, SUBSCRIPTION);
    await new Promise((r) => setTimeout(r, 200));
    const writerToken = await issuer.token({ scope: 'payouts:write' });
    const writer = wsClient(h.url, bearer(writerToken));
    const joined = wsSubscribe(writer, SUBSCRIPTION);
    const sse = sseSubscribe(h.url, SUBSCRIPTION, {}, undefined, bearer(writerToken));
    const [refused] = await joined.inbox.waitFor(1).catch(() => [undefined]);
    expect(JSON.stringify(refused ?? joined.inbox.error)).toContain('FORBIDDEN');
    const [sseRefused] = await sse.inbox.waitFor(1).catch(() => [undefined]);
    expect(JSON.stringify(sseRefused ?? sse.inbox.error)).toContain('FORBIDDEN');
    await h.gql(CREATE_PAYOUT, {}, bearer(ADMIN_KEY));
    await readerSub.inbox.find((r) => r.data);
    expect(JSON.stringify(joined.inbox.results) + JSON.stringify(sse.inbox.results)).not.toContain('payout.created');
    sse.close();
    readerSub.unsubscribe();
    await Promise.all([reader.dispose(), writer.dispose()]);
  });

  it('runs mutations over graphql-ws too', async () => {
    const client = wsClient(h.url, bearer(ADMIN_KEY));
    const result = await new Promise<unknown>((resolve, reject) => {
      client.subscribe({ query: CREATE_PAYOUT }, { next: resolve, error: reject, complete: () => undefined });
    });
    expect(result).toMatchObject({ data: { createPayout: { __typename: 'CreatePayoutPayload' } } });
    await client.dispose();
  });

  it('ends the subscription and closes the connection with 4403 when its token expires', async () => {
    const client = wsClient(h.url, bearer(await issuer.token({ scope: 'read' }, { expiresInS: 2 })));
    // Which the client hears first, the subscription's end or the close, is a race: both must happen.
    const closed = new Promise<number>((resolve) => client.on('closed', (event) => resolve((event as { code: number }).code)));
    const sub = wsSubscribe(client, SUBSCRIPTION);
    const code = await Promise.race([closed, new Promise<number>((resolve) => setTimeout(() => resolve(0), 5_000))]);
    expect(code).toBe(4403);
    await sub.inbox.waitFor(Number.MAX_SAFE_INTEGER, 1_000).catch(() => undefined);
    expect(sub.inbox.completed).toBe(true);
    await client.dispose();
  });
});

describe('SSE', () => {
  const SUBSCRIPTION = 'subscription { payoutEvents { type payout { id } } }';

  it('refuses a stream without credentials with 401', async () => {
    const response = await fetch(`${h.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: SUBSCRIPTION }),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  it('streams with the Authorization header, and ends the stream when the token expires', async () => {
    const token = await issuer.token({ scope: 'read' }, { expiresInS: 3 });
    const sse = sseSubscribe(h.url, SUBSCRIPTION, {}, undefined, bearer(token));
    await sse.opened;
    await new Promise((r) => setTimeout(r, 200));
    await h.gql(CREATE_PAYOUT, {}, bearer(ADMIN_KEY));
    const event = await sse.inbox.find((r) => r.data);
    expect(event.data).toMatchObject({ payoutEvents: { type: 'payout.created' } });
    const inbox: Inbox = sse.inbox;
    await inbox.waitFor(99, 6_000).catch(() => undefined);
    expect(inbox.completed).toBe(true);
    expect(inbox.error).toBeUndefined();
    sse.close();
  });
});

describe('health', () => {
  it('still answers /healthz and a normal query after all of the above', async () => {
    expect((await h.fetch('/healthz')).status).toBe(200);
    expect((await h.gql(PAYOUTS, {}, bearer(SERVICE_KEY))).status).toBe(200);
  });
});
