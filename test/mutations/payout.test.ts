import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY, errorFields, mutate, mutateCounting, mutationHarness, type MutationHarness } from './support.js';

const PAYOUT_FIELDS = `
  id amount arrivalDate automatic balanceTransactionId created currency description destinationId
  failureBalanceTransactionId failureCode failureMessage livemode metadata method originalPayoutId
  reconciliationStatus reversedById sourceType statementDescriptor status type
`;

const CREATE = `mutation($input: CreatePayoutInput!) {
  createPayout(input: $input) { __typename ... on CreatePayoutPayload { payout { ${PAYOUT_FIELDS} } } ${errorFields('NotFoundError', 'AmountTooLargeError', 'PayoutInvalidStateError', 'IdempotencyConflictError')} }
}`;
const UPDATE = `mutation($input: UpdatePayoutInput!) {
  updatePayout(input: $input) { __typename ... on UpdatePayoutPayload { payout { ${PAYOUT_FIELDS} } } ${errorFields('NotFoundError', 'IdempotencyConflictError')} }
}`;
const CANCEL = `mutation($input: CancelPayoutInput!) {
  cancelPayout(input: $input) {
    __typename
    ... on CancelPayoutPayload { payout { ${PAYOUT_FIELDS} failureBalanceTransaction { type amount currency } } }
    ${errorFields('NotFoundError', 'PayoutInvalidStateError', 'IdempotencyConflictError')}
  }
}`;
const REVERSE = `mutation($input: ReversePayoutInput!) {
  reversePayout(input: $input) {
    __typename
    ... on ReversePayoutPayload { payout { id status reversedById reversedBy { id amount } } reversal { ${PAYOUT_FIELDS} } }
    ${errorFields('NotFoundError', 'PayoutInvalidStateError', 'IdempotencyConflictError')}
  }
}`;

interface PayoutView {
  id: string;
  status: string;
  amount: number;
  metadata: Record<string, string> | null;
  [field: string]: unknown;
}
type PayoutResult = { payout: PayoutView; reversal: PayoutView } & Record<string, unknown>;

/** The fields Stripe's reference example shows for a fresh manual 1100 usd payout (ids and times aside). */
const MANUAL_PAYOUT_FACTS = {
  amount: 1100,
  automatic: false,
  currency: 'usd',
  description: null,
  failureCode: null,
  failureMessage: null,
  livemode: false,
  method: 'STANDARD',
  originalPayoutId: null,
  reconciliationStatus: 'NOT_APPLICABLE',
  reversedById: null,
  sourceType: 'CARD',
  statementDescriptor: null,
  type: 'BANK_ACCOUNT',
};

describe('payout mutations', () => {
  let h: MutationHarness;
  beforeAll(async () => {
    h = await mutationHarness();
  });
  afterAll(() => h.close());

  const createPayout = async (input: Record<string, unknown> = { amount: 1100, currency: 'usd' }) => {
    const result = await mutate<PayoutResult>(h, 'createPayout', CREATE, { input });
    expect(result.__typename).toBe('CreatePayoutPayload');
    return result.payout;
  };

  it('createPayout returns the new pending payout, as the reference example shows it', async () => {
    const { result, calls } = await mutateCounting<PayoutResult>(h, 'createPayout', CREATE, {
      input: { amount: 1100, currency: 'USD', metadata: { order_id: '6735' } },
    });
    expect(result.__typename).toBe('CreatePayoutPayload');
    expect(result.payout).toMatchObject({ ...MANUAL_PAYOUT_FACTS, status: 'PENDING', metadata: { order_id: '6735' } });
    expect(result.payout.id).toMatch(/^po_/);
    expect(result.payout.balanceTransactionId).toMatch(/^txn_/);
    expect(result.payout.destinationId).toMatch(/^ba_/);
    expect(result.payout.failureBalanceTransactionId).toBeNull();
    expect(calls.byRoute['POST /v1/payouts']).toBe(1);
  });

  it('updatePayout replays the seed example (metadata[order_id]=6735) and removes a key set to null', async () => {
    const created = await createPayout();
    const updated = await mutate<PayoutResult>(h, 'updatePayout', UPDATE, {
      input: { payoutId: created.id, metadata: { order_id: '6735', note: 'x' } },
    });
    expect(updated.__typename).toBe('UpdatePayoutPayload');
    expect(updated.payout).toMatchObject({
      ...MANUAL_PAYOUT_FACTS,
      id: created.id,
      status: 'PENDING',
      failureBalanceTransactionId: null,
      metadata: { order_id: '6735', note: 'x' },
    });

    const unset = await mutate<PayoutResult>(h, 'updatePayout', UPDATE, { input: { payoutId: created.id, metadata: { note: null } } });
    expect(unset.payout.metadata).toEqual({ order_id: '6735' });
    const emptied = await mutate<PayoutResult>(h, 'updatePayout', UPDATE, { input: { payoutId: created.id, metadata: { order_id: '' } } });
    expect(emptied.payout.metadata).toEqual({});
  });

  it('cancelPayout replays the seed example and nested fields read the fresh cancel balance transaction', async () => {
    const created = await createPayout();
    const canceled = await mutate<PayoutResult>(h, 'cancelPayout', CANCEL, { input: { payoutId: created.id } });
    expect(canceled.__typename).toBe('CancelPayoutPayload');
    expect(canceled.payout).toMatchObject({
      ...MANUAL_PAYOUT_FACTS,
      id: created.id,
      status: 'CANCELED',
      metadata: {},
      balanceTransactionId: created.balanceTransactionId,
      failureBalanceTransaction: { type: 'PAYOUT_CANCEL', amount: 1100, currency: 'usd' },
    });
    expect(canceled.payout.failureBalanceTransactionId).toMatch(/^txn_/);
  });

  it('cancelPayout of a paid payout is an InvalidStateError with the current status', async () => {
    const created = await createPayout();
    await h.emulator.advance(3 * DAY);
    const refused = await mutate<PayoutResult>(h, 'cancelPayout', CANCEL, { input: { payoutId: created.id } });
    expect(refused).toMatchObject({ __typename: 'PayoutInvalidStateError', code: 'INVALID_STATE', currentStatus: 'PAID' });
    expect(refused.message).toMatch(/pending/);
  });

  it('cancelPayout of an automatic payout is an InvalidStateError, even while it is pending', async () => {
    const automatic = await h.emulator.automaticPayout({ amount: 3100 });
    const refused = await mutate<PayoutResult>(h, 'cancelPayout', CANCEL, { input: { payoutId: automatic.id } });
    expect(refused).toMatchObject({ __typename: 'PayoutInvalidStateError', code: 'INVALID_STATE', currentStatus: 'PENDING' });
    expect(refused.message).toMatch(/automatic payouts can't be canceled/i);
    expect((await h.stripe.payouts.retrieve(automatic.id)).status).toBe('pending');
  });

  it('cancelPayout of a canceled payout is an InvalidStateError too', async () => {
    const created = await createPayout();
    await mutate(h, 'cancelPayout', CANCEL, { input: { payoutId: created.id } });
    const again = await mutate(h, 'cancelPayout', CANCEL, { input: { payoutId: created.id } });
    expect(again).toMatchObject({ __typename: 'PayoutInvalidStateError', currentStatus: 'CANCELED' });
  });

  it('an unknown payout is a NotFoundError naming the id', async () => {
    const missing = await mutate(h, 'cancelPayout', CANCEL, { input: { payoutId: 'po_doesNotExist' } });
    expect(missing).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND', id: 'po_doesNotExist' });
  });

  it('reversePayout returns the reversal (as in the seed example) and the original, now reversed by it', async () => {
    const created = await createPayout();
    await h.emulator.advance(3 * DAY);
    const reversed = await mutate<PayoutResult>(h, 'reversePayout', REVERSE, {
      input: { payoutId: created.id, metadata: { reason: 'wrong account' } },
    });
    expect(reversed.__typename).toBe('ReversePayoutPayload');
    expect(reversed.reversal).toMatchObject({
      ...MANUAL_PAYOUT_FACTS,
      amount: -1100,
      status: 'PENDING',
      originalPayoutId: created.id,
      failureBalanceTransactionId: null,
      metadata: { reason: 'wrong account' },
      destinationId: created.destinationId,
    });
    expect(reversed.reversal.id).not.toBe(created.id);
    expect(reversed.payout).toMatchObject({
      id: created.id,
      status: 'PAID',
      reversedById: reversed.reversal.id,
      reversedBy: { id: reversed.reversal.id, amount: -1100 },
    });
  });

  it('reversePayout of a pending manual payout says to cancel it instead', async () => {
    const created = await createPayout();
    const refused = await mutate(h, 'reversePayout', REVERSE, { input: { payoutId: created.id } });
    expect(refused).toMatchObject({ __typename: 'PayoutInvalidStateError', currentStatus: 'PENDING' });
    expect((refused as unknown as { message: string }).message).toMatch(/cancel/);
  });

  it('createPayout over the available balance is an AmountTooLargeError', async () => {
    const refused = await mutate(h, 'createPayout', CREATE, { input: { amount: 99_999_999, currency: 'eur' } });
    expect(refused).toMatchObject({ __typename: 'AmountTooLargeError', code: 'AMOUNT_TOO_LARGE' });
  });
});
