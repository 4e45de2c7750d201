// Hostile strings: lone UTF-16 surrogates anywhere, idempotency keys that cannot be HTTP header
// values, ids far longer than any Stripe id. Each is refused with BAD_USER_INPUT naming the field,
// before any upstream call, in queries, node/nodes, mutations and subscriptions alike.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStillServing } from '../harness.js';
import { mutateCounting, mutationHarness, type MutationHarness } from './support.js';
import { wsClient, wsSubscribe } from '../subscriptions/clients.js';

const LONE = 'abc\ud800def';
const LONG_ID = `po_${'a'.repeat(100_000)}`;
/** Long enough to be refused, short enough that the document itself stays under MAX_DOCUMENT_LENGTH. */
const INLINE_LONG_ID = `po_${'a'.repeat(1_000)}`;

let h: MutationHarness;
beforeAll(async () => {
  // Loopback: the surrogate must survive JSON on a real socket, as in the attack, and subscriptions need one.
  h = await mutationHarness({ transport: 'loopback' });
  await h.stripe.payouts.create({ amount: 1000, currency: 'usd' });
});
afterAll(() => h.close());

/** Sends `query` and expects one top-level BAD_USER_INPUT naming `names` (`variable` or `argument`), and no upstream call. */
async function expectRefused(query: string, variables: Record<string, unknown>, names: Record<string, string>) {
  const { result: res, calls } = await h.upstreamCalls(() => h.gql(query, variables));
  expect(res.errors, res.body).toHaveLength(1);
  expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', ...names });
  expect(res.errors![0].extensions).not.toHaveProperty('http');
  expect(res.status).toBe(400);
  expect(calls.total).toBe(0);
  // The refusal must not echo a 100,000-character id back.
  expect(res.body.length).toBeLessThan(1_000);
  return res.errors![0];
}

describe('lone UTF-16 surrogates', () => {
  it('in a mutation input (a metadata value) → BAD_USER_INPUT naming input.metadata.note, not a masked internal error', async () => {
    const error = await expectRefused(
      'mutation($input: CreatePayoutInput!) { createPayout(input: $input) { __typename } }',
      { input: { amount: 100, currency: 'usd', metadata: { note: LONE } } },
      { variable: 'input.metadata.note' },
    );
    expect(error.message).toMatch(/surrogate/);
    await expectStillServing(h);
  });

  it('in a metadata key, a description and a nested input', async () => {
    await expectRefused(
      'mutation($input: UpdatePayoutInput!) { updatePayout(input: $input) { __typename } }',
      { input: { payoutId: 'po_1x', metadata: { [`k${LONE}`]: 'v' } } },
      { variable: 'input.metadata' },
    );
    await expectRefused(
      'mutation($input: CreatePayoutInput!) { createPayout(input: $input) { __typename } }',
      { input: { amount: 100, currency: 'usd', description: LONE } },
      { variable: 'input.description' },
    );
    await expectRefused(
      'mutation($input: CreateOutboundPaymentInput!) { createOutboundPayment(input: $input) { __typename } }',
      {
        input: {
          financialAccountId: 'fa_1x',
          amount: 100,
          currency: 'usd',
          destination: { type: 'US_BANK_ACCOUNT', billingDetails: { name: LONE }, usBankAccount: { accountNumber: '000123456789', routingNumber: '110000000' } },
        },
      },
      { variable: 'input.destination.billingDetails.name' },
    );
    await expectStillServing(h);
  });

  it('in a query argument and in an id', async () => {
    await expectRefused('query($g: String) { transfers(first: 1, transferGroup: $g) { edges { cursor } } }', { g: LONE }, { variable: 'g' });
    await expectRefused('query($id: ID!) { payout(id: $id) { id } }', { id: `po_${LONE}` }, { variable: 'id' });
    await expectRefused('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: ['po_1', `po_${LONE}`] }, { variable: 'ids.1' });
    await expectStillServing(h);
  });

  it('in a subscription variable, over graphql-ws and SSE', async () => {
    const client = wsClient(h.url);
    try {
      const ws = wsSubscribe(client, 'subscription($id: ID!) { payoutUpdated(id: $id) { eventId } }', { id: `po_${LONE}` });
      const [result] = await ws.inbox.waitFor(1);
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', variable: 'id' });
    } finally {
      await client.dispose();
    }
    const sse = await h.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: 'subscription($fa: ID!) { outboundPaymentEvents(financialAccount: $fa) { eventId } }', variables: { fa: `fa_${LONE}` } }),
    });
    const body = await sse.text();
    expect(body).toContain('"code":"BAD_USER_INPUT"');
    expect(body).toContain('"variable":"fa"');
    expect(h.gateway.live.stats().subscribers).toBe(0);
    await expectStillServing(h);
  });
});

describe('ids longer than any Stripe id (255 characters)', () => {
  it('are refused in queries, node and nodes, by variable or written in the document', async () => {
    await expectRefused('query($id: ID!) { payout(id: $id) { id } }', { id: LONG_ID }, { variable: 'id' });
    await expectRefused(`{ payout(id: "${INLINE_LONG_ID}") { id } }`, {}, { argument: 'id' });
    await expectRefused(`{ node(id: "${INLINE_LONG_ID}") { id } }`, {}, { argument: 'id' });
    await expectRefused(`{ nodes(ids: ["po_1", "${INLINE_LONG_ID}"]) { id } }`, {}, { argument: 'ids' });
    await expectRefused('query($d: ID) { transfers(first: 1, destination: $d) { edges { cursor } } }', { d: `acct_${'a'.repeat(300)}` }, { variable: 'd' });
    // 256 characters is one too many; 255 passes the check (and is then simply not found).
    await expectRefused('query($id: ID!) { payout(id: $id) { id } }', { id: `po_${'a'.repeat(253)}` }, { variable: 'id' });
    const atLimit = await h.gql('query($id: ID!) { payout(id: $id) { id } }', { id: `po_${'a'.repeat(252)}` });
    expect(atLimit.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    await expectStillServing(h);
  });

  it('are refused in mutations and subscriptions', async () => {
    await expectRefused('mutation($input: CancelPayoutInput!) { cancelPayout(input: $input) { __typename } }', { input: { payoutId: LONG_ID } }, {
      variable: 'input.payoutId',
    });
    await expectRefused(`mutation { cancelPayout(input: { payoutId: "${INLINE_LONG_ID}" }) { __typename } }`, {}, { argument: 'input' });
    await expectRefused('subscription($id: ID!) { payoutUpdated(id: $id) { eventId } }', { id: LONG_ID }, { variable: 'id' });
    await expectStillServing(h);
  });
});

describe('deeply nested variables', () => {
  it('are refused as BAD_USER_INPUT instead of overflowing the stack, and the gateway keeps serving', async () => {
    // Written out by hand: JSON.stringify itself would overflow on it.
    const deep = `${'['.repeat(50_000)}"po_1"${']'.repeat(50_000)}`;
    const response = await h.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"query":"query($ids: [ID!]!) { nodes(ids: $ids) { id } }","variables":{"ids":${deep}}}`,
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    await expectStillServing(h);
  });
});

describe('idempotency keys must be printable ASCII, at most 255 characters', () => {
  const CREATE = `mutation($input: CreatePayoutInput!) {
    createPayout(input: $input) { __typename ... on InvalidInputError { code field issues { path message } } }
  }`;
  it.each([
    ['a NUL', 'order\u0000-1'],
    ['CR LF', 'order-1\r\nX-Injected: 1'],
    ['non-ASCII', 'commande-n°1'],
    ['a tab', 'order\t1'],
    ['256 characters', 'k'.repeat(256)],
  ])('a key with %s → InvalidInputError naming input.idempotencyKey, nothing sent', async (_what, key) => {
    const { result, calls } = await mutateCounting<{ code: string; field: string }>(h, 'createPayout', CREATE, {
      input: { amount: 100, currency: 'usd', idempotencyKey: key },
    });
    expect(result).toMatchObject({ __typename: 'InvalidInputError', code: 'BAD_USER_INPUT', field: 'input.idempotencyKey' });
    expect(calls.total).toBe(0);
    await expectStillServing(h);
  });

  it('every printable ASCII character is accepted', async () => {
    const printable = Array.from({ length: 0x7e - 0x20 + 1 }, (_, i) => String.fromCharCode(0x20 + i)).join('');
    const { result } = await mutateCounting(h, 'createPayout', CREATE, { input: { amount: 100, currency: 'usd', idempotencyKey: printable } });
    expect(result.__typename).toBe('CreatePayoutPayload');
  });
});
