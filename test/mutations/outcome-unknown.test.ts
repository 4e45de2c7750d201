// Committed but reported failed: a write whose outcome is unknown (connection dropped after Stripe
// committed, 5xx, 429 after the SDK's retries) hands back the idempotency key it used, in the
// client's form; resending the same input with it returns the real outcome and never acts twice.
import type Stripe from 'stripe';
import type { GraphQLFormattedError } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStillServing } from '../harness.js';
import { mutationHarness, storedObjects, type MutationHarness } from './support.js';

const CREATE_PAYOUT = `mutation($input: CreatePayoutInput!) {
  createPayout(input: $input) { __typename ... on CreatePayoutPayload { payout { id amount metadata } } }
}`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

type Input = { amount: number; currency: string; metadata: { call: string }; idempotencyKey?: string };
type Outcome = { payout?: { id: string; metadata: { call: string } }; error?: GraphQLFormattedError };

let h: MutationHarness;
beforeAll(async () => {
  // As `npm start` runs: the SDK retries network errors and 5xx twice.
  h = await mutationHarness({ env: { STRIPE_MAX_NETWORK_RETRIES: '2' } });
});
afterAll(() => h.close());

const payoutsOf = (call: string) => storedObjects<Stripe.Payout>(h, 'payout').filter((p) => p.metadata?.call === call);

async function createPayout(input: Input): Promise<Outcome> {
  const res = await h.gql<{ createPayout: { __typename: string; payout: { id: string; metadata: { call: string } } } | null }>(CREATE_PAYOUT, { input });
  if (res.errors) return { error: res.errors[0] };
  expect(res.data!.createPayout!.__typename).toBe('CreatePayoutPayload');
  return { payout: res.data!.createPayout!.payout };
}

/** Asserts the failure hands back a key to retry with, and says so. */
function keyOf(error: GraphQLFormattedError | undefined): string {
  expect(error?.extensions?.code).toMatch(/^(UPSTREAM_ERROR|RATE_LIMITED)$/);
  expect(error!.message).toMatch(/may have been made: send the same input again with idempotencyKey "[^"]+"/);
  const key = error!.extensions!.idempotencyKey as string;
  expect(error!.message).toContain(JSON.stringify(key));
  return key;
}

describe('a write whose outcome is unknown carries its idempotency key', () => {
  it('committed, connection dropped, the retries refused: the error has a generated key (a uuid); resending it returns the payout made', async () => {
    // The first attempt commits and loses its answer; once it has, every later attempt gets a 500
    // (the SDK waits at least 250 ms before retrying, so the switch lands in between).
    h.emulator.faults.set([{ route: 'POST /v1/payouts', dropAfterCommit: 1 }]);
    const mark = h.emulator.requestLog.mark();
    const input: Input = { amount: 1234, currency: 'usd', metadata: { call: 'dropped' } };
    const pending = createPayout(input);
    while (!h.emulator.requestLog.since(mark).byRoute['POST /v1/payouts']) await new Promise((r) => setTimeout(r, 2));
    h.emulator.faults.set([{ route: 'POST /v1/payouts', serverError: 1 }]);
    const failed = await pending;
    h.emulator.faults.clear();
    expect(h.emulator.requestLog.since(mark).byRoute['POST /v1/payouts']).toBe(3);
    const key = keyOf(failed.error);
    expect(key).toMatch(UUID);
    expect(payoutsOf('dropped')).toHaveLength(1);

    const retried = await createPayout({ ...input, idempotencyKey: key });
    expect(retried.payout!.id).toBe(payoutsOf('dropped')[0].id);
    expect(await createPayout({ ...input, idempotencyKey: key })).toEqual(retried);
    expect(payoutsOf('dropped')).toHaveLength(1);
    await expectStillServing(h);
  });

  it("not committed (500 on every attempt): resending the key makes the payout, once; the client's own key comes back as given", async () => {
    h.emulator.faults.set([{ route: 'POST /v1/payouts', serverError: 1 }]);
    const input: Input = { amount: 1235, currency: 'usd', metadata: { call: 'server-error' }, idempotencyKey: 'order-77 payout' };
    const failed = await createPayout(input);
    h.emulator.faults.clear();
    expect(keyOf(failed.error)).toBe('order-77 payout');
    expect(payoutsOf('server-error')).toHaveLength(0);

    const retried = await createPayout(input);
    expect(retried.payout!.metadata.call).toBe('server-error');
    expect(await createPayout(input)).toEqual(retried);
    expect(payoutsOf('server-error')).toHaveLength(1);
    await expectStillServing(h);
  });

  it('200 createPayout calls without a key under 500s, 429s and dropped connections: every failure retried with its key, exactly one payout per call', async () => {
    const CALLS = 200;
    const inputOf = (i: number): Input => ({ amount: 100 + i, currency: 'usd', metadata: { call: `bulk-${i}` } });
    // A call is committed-but-failed when its answer is dropped and both SDK retries meet a 500:
    // at 40% that is about 1 dropped call in 6, so ~10 of the 60 (none in ~1 run of 30,000).
    h.emulator.faults.set([{ route: 'POST /v1/payouts', rateLimit: 0.15, serverError: 0.4, dropAfterCommit: 60 }]);
    const outcomes: Outcome[] = new Array(CALLS);
    let next = 0;
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        for (let i = next++; i < CALLS; i = next++) outcomes[i] = await createPayout(inputOf(i));
      }),
    );
    h.emulator.faults.clear();

    const failed = outcomes.flatMap((o, i) => (o.error ? [{ i, key: keyOf(o.error) }] : []));
    const committedButFailed = failed.filter(({ i }) => payoutsOf(`bulk-${i}`).length === 1);
    // The attack's situation: some calls reported failed had in fact made their payout.
    expect(failed.length).toBeGreaterThan(0);
    expect(committedButFailed.length).toBeGreaterThan(0);
    expect(new Set(failed.map((f) => f.key)).size).toBe(failed.length);

    for (const { i, key } of failed) {
      const retried = await createPayout({ ...inputOf(i), idempotencyKey: key });
      expect(retried.payout?.metadata.call, JSON.stringify(retried.error)).toBe(`bulk-${i}`);
      outcomes[i] = retried;
    }
    for (let i = 0; i < CALLS; i++) {
      const stored = payoutsOf(`bulk-${i}`);
      expect(stored.map((p) => p.id)).toEqual([outcomes[i].payout!.id]);
    }
    console.info(`${CALLS} calls: ${failed.length} failed, ${committedButFailed.length} of them had made their payout; all retried to exactly one payout each`);
    await expectStillServing(h);
  });

  it('a definite refusal carries no key to retry with', async () => {
    const res = await h.gql<{ createPayout: { __typename: string } }>(CREATE_PAYOUT, {
      input: { amount: 100, currency: 'usd', destination: 'ba_1DoesNotExist' },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.createPayout.__typename).toBe('NotFoundError');
    expect(res.body).not.toContain('idempotencyKey');
  });
});
