import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bankTransferPayment, cardPayment, errorFields, mutate, mutationHarness, type MutationHarness } from './support.js';

const REFUND_FIELDS = `
  id amount balanceTransactionId chargeId currency failureBalanceTransactionId failureReason metadata paymentIntentId
  reason receiptNumber sourceTransferReversalId status transferReversalId
`;
const CREATE = `mutation($input: CreateRefundInput!) {
  createRefund(input: $input) {
    __typename
    ... on CreateRefundPayload { refund { ${REFUND_FIELDS} charge { id amountRefunded refunded } } }
    ${errorFields('NotFoundError', 'AmountTooLargeError', 'RefundInvalidStateError', 'IdempotencyConflictError')}
  }
}`;
const UPDATE = `mutation($input: UpdateRefundInput!) {
  updateRefund(input: $input) { __typename ... on UpdateRefundPayload { refund { ${REFUND_FIELDS} } } ${errorFields('NotFoundError', 'IdempotencyConflictError')} }
}`;
const CANCEL = `mutation($input: CancelRefundInput!) {
  cancelRefund(input: $input) { __typename ... on CancelRefundPayload { refund { ${REFUND_FIELDS} } } ${errorFields('NotFoundError', 'RefundInvalidStateError', 'IdempotencyConflictError')} }
}`;
const EXPIRE = `mutation($input: ExpireRefundInput!) {
  expireRefund(input: $input) { __typename ... on ExpireRefundPayload { refund { ${REFUND_FIELDS} } } ${errorFields('TestModeOnlyError', 'NotFoundError', 'RefundInvalidStateError', 'IdempotencyConflictError')} }
}`;

interface RefundView {
  id: string;
  status: string;
  amount: number;
  metadata: Record<string, string> | null;
  charge?: { id: string; amountRefunded: number; refunded: boolean };
  [field: string]: unknown;
}
type RefundResult = { refund: RefundView } & Record<string, unknown>;

describe('refund mutations', () => {
  let h: MutationHarness;
  beforeAll(async () => {
    h = await mutationHarness();
  });
  afterAll(() => h.close());

  const createRefund = async (input: Record<string, unknown>) => {
    const result = await mutate<RefundResult>(h, 'createRefund', CREATE, { input });
    expect(result.__typename, JSON.stringify(result)).toBe('CreateRefundPayload');
    return result.refund;
  };

  it('createRefund refunds part of a payment; the nested charge shows the new refunded amount', async () => {
    const pi = await cardPayment(h, 5000);
    const refund = await createRefund({
      paymentIntentId: pi.id,
      amount: 1500,
      reason: 'REQUESTED_BY_CUSTOMER',
      metadata: { ticket: 'T-1' },
    });
    expect(refund).toMatchObject({
      amount: 1500,
      currency: 'usd',
      status: 'SUCCEEDED',
      reason: 'REQUESTED_BY_CUSTOMER',
      paymentIntentId: pi.id,
      chargeId: pi.latest_charge,
      metadata: { ticket: 'T-1' },
      charge: { id: pi.latest_charge, amountRefunded: 1500, refunded: false },
    });
    expect(refund.id).toMatch(/^re_/);

    const rest = await createRefund({ chargeId: pi.latest_charge });
    expect(rest).toMatchObject({ amount: 3500, status: 'SUCCEEDED', charge: { amountRefunded: 5000, refunded: true } });
  });

  it('more than the unrefunded remainder is an AmountTooLargeError with that remainder', async () => {
    const pi = await cardPayment(h, 2000);
    await createRefund({ paymentIntentId: pi.id, amount: 500 });
    const refused = await mutate(h, 'createRefund', CREATE, { input: { paymentIntentId: pi.id, amount: 1600 } });
    expect(refused).toMatchObject({ __typename: 'AmountTooLargeError', code: 'AMOUNT_TOO_LARGE', maxAmount: 1500 });
  });

  it('a fully refunded charge is an AmountTooLargeError with maxAmount 0', async () => {
    const pi = await cardPayment(h, 1000);
    await createRefund({ paymentIntentId: pi.id });
    const refused = await mutate(h, 'createRefund', CREATE, { input: { chargeId: pi.latest_charge } });
    expect(refused).toMatchObject({ __typename: 'AmountTooLargeError', maxAmount: 0 });
  });

  it('an unknown charge is a NotFoundError naming it', async () => {
    const missing = await mutate(h, 'createRefund', CREATE, { input: { chargeId: 'ch_doesNotExist' } });
    expect(missing).toMatchObject({ __typename: 'NotFoundError', id: 'ch_doesNotExist' });
  });

  it('updateRefund sets and removes metadata keys', async () => {
    const pi = await cardPayment(h, 1000);
    const refund = await createRefund({ paymentIntentId: pi.id, metadata: { a: '1', b: '2' } });
    const updated = await mutate<RefundResult>(h, 'updateRefund', UPDATE, {
      input: { refundId: refund.id, metadata: { a: null, c: '3' } },
    });
    expect(updated.__typename).toBe('UpdateRefundPayload');
    expect(updated.refund).toMatchObject({ id: refund.id, metadata: { b: '2', c: '3' }, status: 'SUCCEEDED' });
  });

  it('a bank-transfer refund waits in REQUIRES_ACTION; cancelRefund replays the seed example', async () => {
    const pi = await bankTransferPayment(h, 3000);
    const refund = await createRefund({ paymentIntentId: pi.id, amount: 1000 });
    expect(refund.status).toBe('REQUIRES_ACTION');
    const canceled = await mutate<RefundResult>(h, 'cancelRefund', CANCEL, { input: { refundId: refund.id } });
    expect(canceled.__typename).toBe('CancelRefundPayload');
    // The seed's example response, field by field (ids and times aside).
    expect(canceled.refund).toMatchObject({
      id: refund.id,
      amount: 1000,
      currency: 'usd',
      failureReason: 'MERCHANT_REQUEST',
      metadata: {},
      reason: null,
      receiptNumber: null,
      sourceTransferReversalId: null,
      status: 'CANCELED',
      transferReversalId: null,
      paymentIntentId: pi.id,
      chargeId: pi.latest_charge,
    });
    expect(canceled.refund.balanceTransactionId).toMatch(/^txn_/);
    expect(canceled.refund.failureBalanceTransactionId).toMatch(/^txn_/);
  });

  it('cancelRefund of a refund not in REQUIRES_ACTION is an InvalidStateError', async () => {
    const pi = await cardPayment(h, 1000);
    const refund = await createRefund({ paymentIntentId: pi.id });
    const refused = await mutate(h, 'cancelRefund', CANCEL, { input: { refundId: refund.id } });
    expect(refused).toMatchObject({ __typename: 'RefundInvalidStateError', code: 'INVALID_STATE', currentStatus: 'SUCCEEDED' });
  });

  it('expireRefund ends a REQUIRES_ACTION refund; a succeeded one is an InvalidStateError', async () => {
    const pi = await bankTransferPayment(h, 2000);
    const pending = await createRefund({ paymentIntentId: pi.id, amount: 700 });
    const expired = await mutate<RefundResult>(h, 'expireRefund', EXPIRE, { input: { refundId: pending.id } });
    expect(expired.__typename).toBe('ExpireRefundPayload');
    expect(expired.refund.status).toBe('FAILED');
    expect(expired.refund.failureBalanceTransactionId).toMatch(/^txn_/);

    const card = await cardPayment(h, 1000);
    const succeeded = await createRefund({ paymentIntentId: card.id });
    const refused = await mutate(h, 'expireRefund', EXPIRE, { input: { refundId: succeeded.id } });
    expect(refused).toMatchObject({ __typename: 'RefundInvalidStateError', currentStatus: 'SUCCEEDED' });
  });
});
