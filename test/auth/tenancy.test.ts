// Connect tenancy end to end: principals bound to connected accounts (API keys from the key file,
// a JWT account claim) act as their account on every upstream call, over HTTP, graphql-ws and SSE;
// another tenant's objects are NOT_FOUND, by id too, and its events never reach them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../harness.js';
import { sseSubscribe, wsClient, wsSubscribe } from '../subscriptions/clients.js';
import { apiKeysFile, authEnv, startIssuer, type TestIssuer } from './issuer.js';

const ACCT_A = 'acct_1TenantBakeryA0001';
const ACCT_B = 'acct_1TenantFloristB002';
const KEY_A = 'tenant_a_key_5b1f0e9c7d3a4e21';
const KEY_B = 'tenant_b_key_8c2e1f0a9b4d5f32';
const KEY_PLATFORM = 'platform_key_3d4c5b6a7f8e9d01';
const SCOPES = ['read', 'payouts:write', 'refunds:write', 'transfers:write', 'treasury:write'];

const CREATE = /* GraphQL */ `mutation($amount: Int!) {
  createPayout(input: { amount: $amount, currency: "usd" }) { __typename ... on CreatePayoutPayload { payout { id amount } } }
}`;
const BY_ID = /* GraphQL */ `query($id: ID!) { payout(id: $id) { id amount } }`;
const NODE = /* GraphQL */ `query($id: ID!) { node(id: $id) { id } }`;
const LIST = /* GraphQL */ `{ payouts(first: 100) { edges { node { id } } } }`;
const CANCEL = /* GraphQL */ `mutation($id: ID!) { cancelPayout(input: { payoutId: $id }) { __typename } }`;
const EVENTS = /* GraphQL */ `subscription { payoutEvents { type payout { id amount } } }`;
const WATCH = /* GraphQL */ `subscription($id: ID!) { payoutUpdated(id: $id) { type payout { id } } }`;

let issuer: TestIssuer;
let h: Harness;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

beforeAll(async () => {
  issuer = await startIssuer();
  const keys = apiKeysFile([
    { name: 'bakery', key: KEY_A, scopes: SCOPES, stripeAccount: ACCT_A },
    { name: 'florist', key: KEY_B, scopes: SCOPES, stripeAccount: ACCT_B },
    { name: 'platform', key: KEY_PLATFORM, scopes: SCOPES },
  ]);
  h = await createHarness({
    transport: 'loopback',
    emulator: { seed: 'none', accounts: [ACCT_A, ACCT_B] },
    env: authEnv(issuer, { API_KEYS_FILE: keys, JWT_ACCOUNT_CLAIM: 'https://gateway.test/stripe_account' }),
  });
});

afterAll(async () => {
  await h?.close();
  await issuer?.close();
});

async function createPayout(key: string, amount: number): Promise<string> {
  const result = await h.gql<{ createPayout: { payout: { id: string } } }>(CREATE, { amount }, bearer(key));
  expect(result.data?.createPayout?.payout.id, result.body).toMatch(/^po_[A-Za-z0-9]{24}$/);
  return result.data!.createPayout.payout.id;
}

describe('HTTP', () => {
  it('creates each tenant’s payout in its own account, visible only to it', async () => {
    const a = await createPayout(KEY_A, 1101);
    const b = await createPayout(KEY_B, 2202);
    const store = (await (await fetch(`${h.emulator.url}/_emulator/store`)).json()) as { accounts: Record<string, { payout?: number }> };
    expect(store.accounts[ACCT_A]?.payout).toBe(1);
    expect(store.accounts[ACCT_B]?.payout).toBe(1);

    const ownA = await h.gql<{ payout: { amount: number } }>(BY_ID, { id: a }, bearer(KEY_A));
    expect(ownA.data?.payout.amount).toBe(1101);

    // B guesses A's id: by id, through node(), in its list, and as a mutation target.
    const guessed = await h.gql(BY_ID, { id: a }, bearer(KEY_B));
    expect(guessed.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(guessed.body).not.toContain('1101');
    const node = await h.gql(NODE, { id: a }, bearer(KEY_B));
    expect(node.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const listB = await h.gql<{ payouts: { edges: { node: { id: string } }[] } }>(LIST, {}, bearer(KEY_B));
    expect(listB.data?.payouts.edges.map((e) => e.node.id)).toEqual([b]);
    const cancel = await h.gql<{ cancelPayout: { __typename: string } }>(CANCEL, { id: a }, bearer(KEY_B));
    expect(cancel.data?.cancelPayout.__typename).toBe('NotFoundError');
    expect((await h.gql<{ payout: { id: string } }>(BY_ID, { id: a }, bearer(KEY_A))).data?.payout.id).toBe(a);

    // The unbound principal acts as the platform: neither tenant's payout is its own.
    const platform = await h.gql(BY_ID, { id: b }, bearer(KEY_PLATFORM));
    expect(platform.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('binds a JWT to the account in its account claim', async () => {
    const token = await issuer.token({ scope: 'read', 'https://gateway.test/stripe_account': ACCT_B });
    const list = await h.gql<{ payouts: { edges: unknown[] } }>(LIST, {}, bearer(token));
    const listB = await h.gql<{ payouts: { edges: unknown[] } }>(LIST, {}, bearer(KEY_B));
    expect(list.data?.payouts.edges).toEqual(listB.data?.payouts.edges);

    const bad = await issuer.token({ scope: 'read', 'https://gateway.test/stripe_account': 'not-an-account' });
    expect((await h.gql(LIST, {}, bearer(bad))).status).toBe(401);
    // Once tokens carry accounts, one without the claim does not fall back to the platform.
    const unbound = await h.gql(LIST, {}, bearer(await issuer.token({ scope: 'read' })));
    expect(unbound.status).toBe(401);
    expect(unbound.errors?.[0].message).toContain('stripe_account');
  });
});

describe('subscriptions', () => {
  it('delivers each tenant’s events only to that tenant, over graphql-ws and SSE', async () => {
    const clientA = wsClient(h.url, bearer(KEY_A));
    const clientB = wsClient(h.url, bearer(KEY_B));
    const wsA = wsSubscribe(clientA, EVENTS);
    const wsB = wsSubscribe(clientB, EVENTS);
    const sseA = sseSubscribe(h.url, EVENTS, {}, undefined, bearer(KEY_A));
    const sseB = sseSubscribe(h.url, EVENTS, {}, undefined, bearer(KEY_B));
    await Promise.all([sseA.opened, sseB.opened]);
    await new Promise((r) => setTimeout(r, 300));

    const a = await createPayout(KEY_A, 3303);
    const b = await createPayout(KEY_B, 4404);
    const gotA = [await wsA.inbox.find((r) => r.data), await sseA.inbox.find((r) => r.data)];
    const gotB = [await wsB.inbox.find((r) => r.data), await sseB.inbox.find((r) => r.data)];
    for (const r of gotA) expect(r.data).toMatchObject({ payoutEvents: { payout: { id: a } } });
    for (const r of gotB) expect(r.data).toMatchObject({ payoutEvents: { payout: { id: b } } });
    // Let any stray delivery arrive, then check nobody saw the other tenant's payout.
    await new Promise((r) => setTimeout(r, 300));
    const seen = (inbox: { results: unknown[] }) => JSON.stringify(inbox.results);
    expect(seen(wsA.inbox) + seen(sseA.inbox)).not.toContain(b);
    expect(seen(wsB.inbox) + seen(sseB.inbox)).not.toContain(a);

    // Watching the other tenant's payout by id is refused at subscribe time.
    const watch = wsSubscribe(clientB, WATCH, { id: a });
    const [refused] = await watch.inbox.waitFor(1).catch(() => [undefined]);
    expect(JSON.stringify(refused ?? watch.inbox.error)).toContain('NOT_FOUND');

    wsA.unsubscribe();
    wsB.unsubscribe();
    sseA.close();
    sseB.close();
    await Promise.all([clientA.dispose(), clientB.dispose()]);
  });
});

describe('afterwards', () => {
  it('still answers /healthz and a normal query', async () => {
    expect((await h.fetch('/healthz')).status).toBe(200);
    expect((await h.gql(LIST, {}, bearer(KEY_PLATFORM))).status).toBe(200);
  });
});
