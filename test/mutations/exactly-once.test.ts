import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY, errorFields, mutate, mutateCounting, mutationHarness, storedObjects, type MutationHarness } from './support.js';

const PAYOUT = 'id amount status metadata reversedById failureBalanceTransactionId originalPayoutId';
const CREATE_PAYOUT = `mutation($input: CreatePayoutInput!) {
  createPayout(input: $input) {
    __typename ... on CreatePayoutPayload { payout { ${PAYOUT} } }
    ${errorFields('NotFoundError', 'AmountTooLargeError', 'PayoutInvalidStateError', 'IdempotencyConflictError')}
  }
}`;
const CANCEL_PAYOUT = `mutation($input: CancelPayoutInput!) {
  cancelPayout(input: $input) {
    __typename ... on CancelPayoutPayload { payout { ${PAYOUT} } }
    ${errorFields('NotFoundError', 'PayoutInvalidStateError', 'IdempotencyConflictError')}
  }
}`;
const REVERSE_PAYOUT = `mutation($input: ReversePayoutInput!) {
  reversePayout(input: $input) {
    __typename ... on ReversePayoutPayload { payout { ${PAYOUT} } reversal { ${PAYOUT} } }
    ${errorFields('NotFoundError', 'PayoutInvalidStateError', 'IdempotencyConflictError')}
  }
}`;
const CREATE_TRANSFER = `mutation($input: CreateTransferInput!) {
  createTransfer(input: $input) { __typename ... on CreateTransferPayload { transfer { id } } ${errorFields('NotFoundError')} }
}`;
const REVERSE_TRANSFER = `mutation($input: CreateTransferReversalInput!) {
  createTransferReversal(input: $input) {
    __typename
    ... on CreateTransferReversalPayload { reversal { id reversalId amount } transfer { id amount amountReversed reversed } }
    ${errorFields('NotFoundError', 'AmountTooLargeError', 'TransferInvalidStateError', 'IdempotencyConflictError')}
  }
}`;
const PAYOUT_QUERY = `query($id: ID!) { payout(id: $id) { ${PAYOUT} } }`;
const TRANSFER_QUERY = `query($id: ID!) { transfer(id: $id) { id amount amountReversed reversed } }`;

type PayoutView = { id: string; amount: number; status: string; metadata: Record<string, string> };
type PayoutResult = { payout: PayoutView; reversal: PayoutView } & Record<string, unknown>;

describe('exactly once: the SDK retries a dropped connection with the same idempotency key', () => {
  let h: MutationHarness;
  beforeAll(async () => {
    // Retries on: a connection dropped after the emulator committed is retried by the SDK.
    h = await mutationHarness({ env: { STRIPE_MAX_NETWORK_RETRIES: '2' }, emulator: { accounts: ['acct_1ExactlyOnce'] } });
  });
  afterAll(() => h.close());

  const payouts = () => storedObjects<Stripe.Payout>(h, 'payout');
  const balanceTxns = (type: string, source: string) =>
    storedObjects<Stripe.BalanceTransaction>(h, 'balance_transaction').filter((t) => t.type === type && t.source === source);
  const query = async <T>(q: string, id: string): Promise<T> => {
    const res = await h.gql(q, { id });
    expect(res.errors).toBeUndefined();
    return Object.values(res.data as Record<string, T>)[0];
  };

  it('createPayout: one payout, one balance debit, the same object a query returns', async () => {
    const before = payouts().length;
    h.emulator.faults.set([{ route: 'POST /v1/payouts', dropAfterCommit: 1 }]);
    const { result, calls } = await mutateCounting<PayoutResult>(h, 'createPayout', CREATE_PAYOUT, {
      input: { amount: 4321, currency: 'usd', metadata: { attempt: 'once' } },
    });
    expect(calls.byRoute['POST /v1/payouts']).toBe(2);
    expect(result.__typename).toBe('CreatePayoutPayload');
    expect(payouts().length).toBe(before + 1);
    expect(balanceTxns('payout', result.payout.id)).toHaveLength(1);
    expect(await query(PAYOUT_QUERY, result.payout.id)).toEqual(result.payout);
  });

  it('cancelPayout: the retry gets the canceled payout (not "already canceled"), one cancel transaction', async () => {
    const created = await createPayout(h);
    h.emulator.faults.set([{ route: 'POST /v1/payouts/:id/cancel', dropAfterCommit: 1 }]);
    const { result, calls } = await mutateCounting<PayoutResult>(h, 'cancelPayout', CANCEL_PAYOUT, { input: { payoutId: created.id } });
    expect(calls.byRoute['POST /v1/payouts/:id/cancel']).toBe(2);
    expect(result.__typename).toBe('CancelPayoutPayload');
    expect(result.payout.status).toBe('CANCELED');
    expect(balanceTxns('payout_cancel', created.id)).toHaveLength(1);
    expect(await query(PAYOUT_QUERY, created.id)).toEqual(result.payout);
  });

  it('reversePayout: one reversing payout', async () => {
    const created = await createPayout(h);
    await h.emulator.advance(3 * DAY);
    h.emulator.faults.set([{ route: 'POST /v1/payouts/:id/reverse', dropAfterCommit: 1 }]);
    const { result, calls } = await mutateCounting<PayoutResult>(h, 'reversePayout', REVERSE_PAYOUT, { input: { payoutId: created.id } });
    expect(calls.byRoute['POST /v1/payouts/:id/reverse']).toBe(2);
    expect(result.__typename).toBe('ReversePayoutPayload');
    expect(payouts().filter((p) => p.original_payout === created.id)).toHaveLength(1);
    expect(await query(PAYOUT_QUERY, result.reversal.id)).toEqual(result.reversal);
    expect(await query(PAYOUT_QUERY, created.id)).toEqual(result.payout);
  });

  it('createTransferReversal: amountReversed grows once', async () => {
    const { transfer } = await mutate<{ transfer: { id: string } }>(h, 'createTransfer', CREATE_TRANSFER, {
      input: { amount: 1000, currency: 'usd', destination: 'acct_1ExactlyOnce' },
    });
    h.emulator.faults.set([{ route: 'POST /v1/transfers/:id/reversals', dropAfterCommit: 1 }]);
    const { result, calls } = await mutateCounting<{ transfer: { amountReversed: number } }>(h, 'createTransferReversal', REVERSE_TRANSFER, {
      input: { transferId: transfer.id, amount: 400 },
    });
    expect(calls.byRoute['POST /v1/transfers/:id/reversals']).toBe(2);
    expect(result.__typename).toBe('CreateTransferReversalPayload');
    expect(result.transfer.amountReversed).toBe(400);
    expect(storedObjects<Stripe.TransferReversal>(h, 'transfer_reversal').filter((r) => r.transfer === transfer.id)).toHaveLength(1);
    expect(await query(TRANSFER_QUERY, transfer.id)).toEqual(result.transfer);
  });
});

describe('client idempotency keys', () => {
  let h: MutationHarness;
  beforeAll(async () => {
    h = await mutationHarness();
  });
  afterAll(() => h.close());

  it('the same key twice returns the first result and acts once', async () => {
    const before = storedObjects(h, 'payout').length;
    const input = { amount: 777, currency: 'usd', idempotencyKey: 'order-6735-payout' };
    const first = await mutate<PayoutResult>(h, 'createPayout', CREATE_PAYOUT, { input });
    const second = await mutate<PayoutResult>(h, 'createPayout', CREATE_PAYOUT, { input });
    expect(second).toEqual(first);
    expect(storedObjects(h, 'payout').length).toBe(before + 1);
  });

  it('the same key on a state change replays the success instead of refusing the second cancel', async () => {
    const created = await createPayout(h);
    const input = { payoutId: created.id, idempotencyKey: 'cancel-once' };
    const first = await mutate<PayoutResult>(h, 'cancelPayout', CANCEL_PAYOUT, { input });
    const second = await mutate<PayoutResult>(h, 'cancelPayout', CANCEL_PAYOUT, { input });
    expect(first.__typename).toBe('CancelPayoutPayload');
    expect(second).toEqual(first);
  });

  it('the same key with different input is an IdempotencyConflictError, and nothing more happens', async () => {
    const before = storedObjects(h, 'payout').length;
    await mutate(h, 'createPayout', CREATE_PAYOUT, { input: { amount: 500, currency: 'usd', idempotencyKey: 'conflict-key' } });
    const conflict = await mutate(h, 'createPayout', CREATE_PAYOUT, { input: { amount: 501, currency: 'usd', idempotencyKey: 'conflict-key' } });
    expect(conflict).toMatchObject({ __typename: 'IdempotencyConflictError', code: 'IDEMPOTENCY_CONFLICT', idempotencyKey: 'conflict-key' });
    expect(storedObjects(h, 'payout').length).toBe(before + 1);
  });

  it('keys are scoped per mutation: one client key may name a create and a cancel', async () => {
    const key = 'order-9000';
    const created = await mutate<PayoutResult>(h, 'createPayout', CREATE_PAYOUT, { input: { amount: 900, currency: 'usd', idempotencyKey: key } });
    const canceled = await mutate<PayoutResult>(h, 'cancelPayout', CANCEL_PAYOUT, { input: { payoutId: created.payout.id, idempotencyKey: key } });
    expect(canceled.__typename).toBe('CancelPayoutPayload');
    expect(canceled.payout.status).toBe('CANCELED');
  });

  it('without a key, two identical calls are two operations', async () => {
    const before = storedObjects(h, 'payout').length;
    const a = await createPayout(h, 333);
    const b = await createPayout(h, 333);
    expect(a.id).not.toBe(b.id);
    expect(storedObjects(h, 'payout').length).toBe(before + 2);
  });
});

async function createPayout(h: MutationHarness, amount = 1100): Promise<PayoutView> {
  return (await mutate<PayoutResult>(h, 'createPayout', CREATE_PAYOUT, { input: { amount, currency: 'usd' } })).payout;
}
