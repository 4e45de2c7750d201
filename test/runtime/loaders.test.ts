import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Stripe from 'stripe';
import { GraphQLError } from 'graphql';
import { createEmulator, type Emulator } from '../../src/emulator/index.js';
import { createLoaders } from '../../src/stripe/loaders.js';

/** Loaders over the real SDK, bound in-process to an emulator whose request log counts every upstream call. */
let emulator: Emulator;
let stripe: Stripe;
let payoutIds: string[];
let reversalKey: string;

beforeAll(async () => {
  emulator = createEmulator({ seed: 'none', accounts: ['acct_1Loaders'] });
  await emulator.ready;
  stripe = new Stripe('sk_test_loaders', { httpClient: Stripe.createFetchHttpClient(emulator.fetch), maxNetworkRetries: 0 });
  // Funds for payouts and a transfer, then objects to load.
  await stripe.charges.create({ amount: 100_000, currency: 'usd', source: 'tok_visa' });
  await emulator.advance(7 * 86_400); // charges become available
  payoutIds = [];
  for (const amount of [1000, 2000, 3000]) payoutIds.push((await stripe.payouts.create({ amount, currency: 'usd' })).id);
  const transfer = await stripe.transfers.create({ amount: 5000, currency: 'usd', destination: 'acct_1Loaders' });
  const reversal = await stripe.transfers.createReversal(transfer.id, { amount: 1000 });
  reversalKey = `${reversal.id}:${transfer.id}`;
});

afterAll(() => emulator.close());

async function counted<T>(fn: () => Promise<T>) {
  const mark = emulator.requestLog.mark();
  const result = await fn();
  return { result, calls: emulator.requestLog.since(mark) };
}

describe('createLoaders', () => {
  it('fetches an id asked for twice in one tick once, with the union of the expands', async () => {
    const loaders = createLoaders(stripe, {});
    const [id] = payoutIds;
    const { result, calls } = await counted(() =>
      Promise.all([loaders.load('payout', id, ['balance_transaction']), loaders.load('payout', id, ['destination'])]),
    );
    expect(calls).toEqual({ total: 1, byRoute: { 'GET /v1/payouts/:id': 1 } });
    const [a, b] = result;
    expect(a).toBe(b);
    expect(typeof a.balance_transaction).toBe('object');
    expect(typeof a.destination).toBe('object');
  });

  it('fetches distinct ids in parallel, one call each', async () => {
    const loaders = createLoaders(stripe, {});
    const { result, calls } = await counted(() => Promise.all([...payoutIds, payoutIds[0]].map((id) => loaders.load('payout', id))));
    expect(calls.byRoute).toEqual({ 'GET /v1/payouts/:id': 3 });
    expect(result.map((p) => p.id)).toEqual([...payoutIds, payoutIds[0]]);
  });

  it('serves later loads from the cache unless they need an expand the cached copy lacks', async () => {
    const loaders = createLoaders(stripe, {});
    const [id] = payoutIds;
    await loaders.load('payout', id, ['balance_transaction']);
    const again = await counted(() => loaders.load('payout', id));
    expect(again.calls.total).toBe(0);
    // The expanded balance transaction was cached too.
    const txnId = (again.result.balance_transaction as Stripe.BalanceTransaction).id;
    expect((await counted(() => loaders.load('balanceTransaction', txnId))).calls.total).toBe(0);
    const more = await counted(() => loaders.load('payout', id, ['destination']));
    expect(more.calls.total).toBe(1);
    expect(typeof more.result.balance_transaction).toBe('object'); // the refetch keeps earlier expands
    expect((await counted(() => loaders.load('payout', id, ['balance_transaction', 'destination']))).calls.total).toBe(0);
  });

  it('serves primed objects (list pages, mutation results) and their expanded children without a call', async () => {
    const loaders = createLoaders(stripe, {});
    const page = await stripe.payouts.list({ limit: 3, expand: ['data.balance_transaction'] });
    for (const payout of page.data) loaders.prime('payout', payout);
    const { calls } = await counted(() =>
      Promise.all(
        page.data.flatMap((p) => [
          loaders.load('payout', p.id, ['balance_transaction']),
          loaders.load('balanceTransaction', (p.balance_transaction as Stripe.BalanceTransaction).id),
        ]),
      ),
    );
    expect(calls.total).toBe(0);
    const updated = await stripe.payouts.update(payoutIds[0], { metadata: { note: 'fresh' } });
    loaders.prime('payout', updated);
    expect((await loaders.load('payout', payoutIds[0])).metadata).toEqual({ note: 'fresh' });
  });

  it('loads a reversal through its transfer with a trr_…:tr_… key', async () => {
    const loaders = createLoaders(stripe, {});
    const { result, calls } = await counted(() => loaders.load('transferReversal', reversalKey, ['balance_transaction']));
    expect(calls.byRoute).toEqual({ 'GET /v1/transfers/:id/reversals/:reversal': 1 });
    expect(result.id).toBe(reversalKey.split(':')[0]);
    expect(typeof result.balance_transaction).toBe('object');
  });

  it('refuses malformed ids before any call', async () => {
    const loaders = createLoaders(stripe, {});
    const { result, calls } = await counted(() =>
      Promise.allSettled([
        loaders.load('payout', 're_123'),
        loaders.load('transferReversal', 'trr_123'),
        loaders.load('payout', 'po_1/../../v1/balance'),
      ]),
    );
    expect(calls.total).toBe(0);
    for (const outcome of result) {
      expect(outcome.status).toBe('rejected');
      const reason = (outcome as PromiseRejectedResult).reason as GraphQLError;
      expect(reason.extensions.code).toBe('BAD_USER_INPUT');
    }
  });

  it('maps a missing object to NOT_FOUND for that key only', async () => {
    const loaders = createLoaders(stripe, {}, 'req-test');
    const [found, missing] = await Promise.allSettled([loaders.load('payout', payoutIds[1]), loaders.load('payout', 'po_doesNotExist')]);
    expect(found.status).toBe('fulfilled');
    const reason = (missing as PromiseRejectedResult).reason as GraphQLError;
    expect(reason.extensions).toMatchObject({ code: 'NOT_FOUND', requestId: 'req-test', stripeCode: 'resource_missing' });
    expect(reason.extensions.stripeRequestId).toMatch(/^req_/);
  });
});
