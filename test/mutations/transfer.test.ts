import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorFields, mutate, mutationHarness, type MutationHarness } from './support.js';

const CONNECTED = 'acct_1MutationsTest';

const TRANSFER_FIELDS = 'id amount amountReversed currency description destinationId metadata reversed transferGroup';
const REVERSAL_FIELDS = 'id reversalId amount balanceTransactionId created currency destinationPaymentRefundId metadata sourceRefundId transferId';

const CREATE = `mutation($input: CreateTransferInput!) {
  createTransfer(input: $input) { __typename ... on CreateTransferPayload { transfer { ${TRANSFER_FIELDS} } } ${errorFields('NotFoundError', 'AmountTooLargeError', 'TransferInvalidStateError', 'IdempotencyConflictError')} }
}`;
const UPDATE = `mutation($input: UpdateTransferInput!) {
  updateTransfer(input: $input) { __typename ... on UpdateTransferPayload { transfer { ${TRANSFER_FIELDS} } } ${errorFields('NotFoundError', 'IdempotencyConflictError')} }
}`;
const REVERSE = `mutation($input: CreateTransferReversalInput!) {
  createTransferReversal(input: $input) {
    __typename
    ... on CreateTransferReversalPayload { reversal { ${REVERSAL_FIELDS} } transfer { ${TRANSFER_FIELDS} } }
    ${errorFields('NotFoundError', 'AmountTooLargeError', 'TransferInvalidStateError', 'IdempotencyConflictError')}
  }
}`;
const UPDATE_REVERSAL = `mutation($input: UpdateTransferReversalInput!) {
  updateTransferReversal(input: $input) {
    __typename ... on UpdateTransferReversalPayload { reversal { ${REVERSAL_FIELDS} } } ${errorFields('NotFoundError', 'IdempotencyConflictError')}
  }
}`;

interface TransferView {
  id: string;
  amount: number;
  amountReversed: number;
  reversed: boolean;
  [field: string]: unknown;
}
interface ReversalView {
  id: string;
  reversalId: string;
  amount: number;
  [field: string]: unknown;
}
type Result = { transfer: TransferView; reversal: ReversalView } & Record<string, unknown>;

describe('transfer mutations', () => {
  let h: MutationHarness;
  beforeAll(async () => {
    h = await mutationHarness({ emulator: { accounts: [CONNECTED] } });
  });
  afterAll(() => h.close());

  const createTransfer = async (amount = 1000) => {
    const result = await mutate<Result>(h, 'createTransfer', CREATE, {
      input: { amount, currency: 'usd', destination: CONNECTED, transferGroup: 'ORDER_95', metadata: { order: '95' } },
    });
    expect(result.__typename, JSON.stringify(result)).toBe('CreateTransferPayload');
    return result.transfer;
  };

  it('createTransfer sends money to a connected account', async () => {
    const transfer = await createTransfer(1000);
    expect(transfer).toMatchObject({
      amount: 1000,
      amountReversed: 0,
      currency: 'usd',
      destinationId: CONNECTED,
      reversed: false,
      transferGroup: 'ORDER_95',
      metadata: { order: '95' },
    });
    expect(transfer.id).toMatch(/^tr_/);
  });

  it('updateTransfer changes the description and merges metadata', async () => {
    const transfer = await createTransfer();
    const updated = await mutate<Result>(h, 'updateTransfer', UPDATE, {
      input: { transferId: transfer.id, description: 'Payout for order 95', metadata: { order: null, batch: '7' } },
    });
    expect(updated.__typename).toBe('UpdateTransferPayload');
    expect(updated.transfer).toMatchObject({ id: transfer.id, description: 'Payout for order 95', metadata: { batch: '7' } });
  });

  it('createTransferReversal replays the seed example (400) and returns the updated transfer with it', async () => {
    const transfer = await createTransfer(1000);
    const result = await mutate<Result>(h, 'createTransferReversal', REVERSE, { input: { transferId: transfer.id, amount: 400 } });
    expect(result.__typename).toBe('CreateTransferReversalPayload');
    // The seed's example reversal, field by field (ids and times aside).
    expect(result.reversal).toMatchObject({
      amount: 400,
      currency: 'usd',
      metadata: {},
      sourceRefundId: null,
      transferId: transfer.id,
    });
    expect(result.reversal.reversalId).toMatch(/^trr_/);
    expect(result.reversal.id).toBe(`${result.reversal.reversalId}:${transfer.id}`);
    expect(result.reversal.balanceTransactionId).toMatch(/^txn_/);
    expect(result.reversal.destinationPaymentRefundId).toMatch(/^pyr_/);
    expect(result.transfer).toMatchObject({ id: transfer.id, amountReversed: 400, reversed: false });
  });

  it('reversing more than the remainder is an AmountTooLargeError with the remainder; a fully reversed transfer an InvalidStateError', async () => {
    const transfer = await createTransfer(1000);
    await mutate(h, 'createTransferReversal', REVERSE, { input: { transferId: transfer.id, amount: 400 } });
    const tooMuch = await mutate(h, 'createTransferReversal', REVERSE, { input: { transferId: transfer.id, amount: 700 } });
    expect(tooMuch).toMatchObject({ __typename: 'AmountTooLargeError', code: 'AMOUNT_TOO_LARGE', maxAmount: 600 });

    const rest = await mutate<Result>(h, 'createTransferReversal', REVERSE, { input: { transferId: transfer.id } });
    expect(rest.reversal.amount).toBe(600);
    expect(rest.transfer).toMatchObject({ amountReversed: 1000, reversed: true });

    const again = await mutate(h, 'createTransferReversal', REVERSE, { input: { transferId: transfer.id, amount: 1 } });
    expect(again).toMatchObject({ __typename: 'TransferInvalidStateError', reversed: true });
  });

  it('updateTransferReversal replays the seed example (metadata order_id 6735), by node id or by trr_ id and transfer', async () => {
    const transfer = await createTransfer(1000);
    const { reversal } = await mutate<Result>(h, 'createTransferReversal', REVERSE, { input: { transferId: transfer.id, amount: 400 } });
    const byNodeId = await mutate<Result>(h, 'updateTransferReversal', UPDATE_REVERSAL, {
      input: { reversalId: reversal.id, metadata: { order_id: '6735' } },
    });
    expect(byNodeId.__typename).toBe('UpdateTransferReversalPayload');
    expect(byNodeId.reversal).toMatchObject({
      id: reversal.id,
      amount: 400,
      currency: 'usd',
      metadata: { order_id: '6735' },
      sourceRefundId: null,
      transferId: transfer.id,
      balanceTransactionId: reversal.balanceTransactionId,
      destinationPaymentRefundId: reversal.destinationPaymentRefundId,
    });
    const byStripeId = await mutate<Result>(h, 'updateTransferReversal', UPDATE_REVERSAL, {
      input: { reversalId: reversal.reversalId, transferId: transfer.id, metadata: { order_id: null } },
    });
    expect(byStripeId.reversal.metadata).toEqual({});
  });

  it('a destination that is no connected account of this platform is a NotFoundError naming it', async () => {
    const missing = await mutate(h, 'createTransfer', CREATE, { input: { amount: 100, currency: 'usd', destination: 'acct_1NotConnected' } });
    expect(missing).toMatchObject({ __typename: 'NotFoundError', id: 'acct_1NotConnected' });
  });

  it('an unknown transfer is a NotFoundError', async () => {
    const missing = await mutate(h, 'createTransferReversal', REVERSE, { input: { transferId: 'tr_doesNotExist', amount: 1 } });
    expect(missing).toMatchObject({ __typename: 'NotFoundError', id: 'tr_doesNotExist' });
  });
});
