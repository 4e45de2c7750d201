import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorFields, mutate, mutationHarness, type MutationHarness } from './support.js';

const OBP_FIELDS = `
  id amount cancelable currency customerId description destinationPaymentMethodId
  destinationPaymentMethodDetails { type financialAccount { id network } }
  endUserDetails { ipAddress present }
  financialAccountId livemode metadata
  returnedDetails { code transactionId }
  statementDescriptor status
  statusTransitions { canceledAt failedAt postedAt returnedAt }
  trackingDetails { type ach { traceId } usDomesticWire { chips imad omad } }
  transactionId
`;
const TRANSITION_ERRORS = errorFields('NotFoundError', 'OutboundPaymentInvalidStateError', 'IdempotencyConflictError');
const HELPER_ERRORS = errorFields('TestModeOnlyError', 'NotFoundError', 'OutboundPaymentInvalidStateError', 'IdempotencyConflictError');

const OPEN_ACCOUNT = `mutation {
  createFinancialAccount(input: { supportedCurrencies: ["usd"], nickname: "Operating" }) {
    __typename ... on CreateFinancialAccountPayload { financialAccount { id status nickname supportedCurrencies } }
    ${errorFields('FinancialAccountInvalidStateError', 'IdempotencyConflictError')}
  }
}`;
const FUND = `mutation($input: CreateReceivedCreditInput!) {
  createReceivedCredit(input: $input) {
    __typename
    ... on CreateReceivedCreditPayload {
      receivedCredit { id amount currency network status }
      financialAccount { id balance { cash { currency amount } } }
    }
    ${errorFields('TestModeOnlyError', 'NotFoundError', 'FinancialAccountInvalidStateError', 'IdempotencyConflictError')}
  }
}`;
const CREATE = `mutation($input: CreateOutboundPaymentInput!) {
  createOutboundPayment(input: $input) {
    __typename ... on CreateOutboundPaymentPayload { outboundPayment { ${OBP_FIELDS} } }
    ${errorFields('NotFoundError', 'AmountTooLargeError', 'FinancialAccountInvalidStateError', 'IdempotencyConflictError')}
  }
}`;
const transition = (field: string, payload: string, errors = HELPER_ERRORS, extra = '') => `mutation($id: ID!) {
  ${field}(input: { outboundPaymentId: $id ${extra} }) {
    __typename ... on ${payload} { outboundPayment { ${OBP_FIELDS} } } ${errors}
  }
}`;
const CANCEL = transition('cancelOutboundPayment', 'CancelOutboundPaymentPayload', TRANSITION_ERRORS);
const POST = transition('postOutboundPayment', 'PostOutboundPaymentPayload');
const FAIL = transition('failOutboundPayment', 'FailOutboundPaymentPayload');
const RETURN = transition('returnOutboundPayment', 'ReturnOutboundPaymentPayload', HELPER_ERRORS, 'code: ACCOUNT_CLOSED');
const TRACK = `mutation($input: UpdateOutboundPaymentTrackingInput!) {
  updateOutboundPaymentTracking(input: $input) {
    __typename ... on UpdateOutboundPaymentTrackingPayload { outboundPayment { ${OBP_FIELDS} } } ${HELPER_ERRORS}
  }
}`;

interface ObpView {
  id: string;
  status: string;
  cancelable: boolean;
  [field: string]: unknown;
}
type ObpResult = { outboundPayment: ObpView } & Record<string, unknown>;

describe('outbound payment and financial account mutations', () => {
  let h: MutationHarness;
  let source: string;
  let recipient: string;

  const openAccount = async (): Promise<string> => {
    const opened = await mutate<{ financialAccount: { id: string } }>(h, 'createFinancialAccount', OPEN_ACCOUNT);
    expect(opened.__typename, JSON.stringify(opened)).toBe('CreateFinancialAccountPayload');
    return opened.financialAccount.id;
  };

  beforeAll(async () => {
    h = await mutationHarness();
    source = await openAccount();
    recipient = await openAccount();
  });
  afterAll(() => h.close());

  const pay = async (amount = 10000): Promise<ObpView> => {
    const result = await mutate<ObpResult>(h, 'createOutboundPayment', CREATE, {
      input: {
        financialAccountId: source,
        amount,
        currency: 'usd',
        description: 'OutboundPayment to a 3rd party',
        destination: { type: 'FINANCIAL_ACCOUNT', financialAccountId: recipient },
      },
    });
    expect(result.__typename, JSON.stringify(result)).toBe('CreateOutboundPaymentPayload');
    return result.outboundPayment;
  };

  it('createFinancialAccount opens an account; createReceivedCredit funds it', async () => {
    const funded = await mutate<{
      receivedCredit: Record<string, unknown>;
      financialAccount: { id: string; balance: { cash: { currency: string; amount: number }[] } };
    }>(h, 'createReceivedCredit', FUND, { input: { financialAccountId: source, amount: 100_000, currency: 'usd', network: 'ACH' } });
    expect(funded.__typename, JSON.stringify(funded)).toBe('CreateReceivedCreditPayload');
    expect(funded.receivedCredit).toMatchObject({ amount: 100_000, currency: 'usd', network: 'ach', status: 'succeeded' });
    expect(funded.financialAccount.id).toBe(source);
    expect(funded.financialAccount.balance.cash).toContainEqual({ currency: 'usd', amount: 100_000 });
  });

  it('createOutboundPayment starts PROCESSING and cancelable; cancel replays the seed example', async () => {
    const payment = await pay();
    expect(payment).toMatchObject({ status: 'PROCESSING', cancelable: true, amount: 10000 });
    const canceled = await mutate<ObpResult>(h, 'cancelOutboundPayment', CANCEL, { id: payment.id });
    expect(canceled.__typename).toBe('CancelOutboundPaymentPayload');
    // The seed's example response, field by field (ids and times aside).
    expect(canceled.outboundPayment).toMatchObject({
      id: payment.id,
      amount: 10000,
      cancelable: false,
      currency: 'usd',
      customerId: null,
      description: 'OutboundPayment to a 3rd party',
      destinationPaymentMethodId: null,
      destinationPaymentMethodDetails: { type: 'FINANCIAL_ACCOUNT', financialAccount: { id: recipient, network: 'stripe' } },
      endUserDetails: { ipAddress: null, present: false },
      financialAccountId: source,
      livemode: false,
      metadata: {},
      returnedDetails: null,
      statementDescriptor: 'payment',
      status: 'CANCELED',
      statusTransitions: { failedAt: null, postedAt: null, returnedAt: null },
    });
    const transitions = canceled.outboundPayment.statusTransitions as { canceledAt: string | null };
    expect(transitions.canceledAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(canceled.outboundPayment.transactionId).toMatch(/^trxn_/);
  });

  it('postOutboundPayment of a canceled payment is an InvalidStateError', async () => {
    const payment = await pay(100);
    await mutate(h, 'cancelOutboundPayment', CANCEL, { id: payment.id });
    const refused = await mutate(h, 'postOutboundPayment', POST, { id: payment.id });
    expect(refused).toMatchObject({ __typename: 'OutboundPaymentInvalidStateError', code: 'INVALID_STATE', currentStatus: 'CANCELED' });
  });

  it('post, then fail of the posted payment is an InvalidStateError; a processing one fails', async () => {
    const payment = await pay(100);
    const posted = await mutate<ObpResult>(h, 'postOutboundPayment', POST, { id: payment.id });
    expect(posted.outboundPayment).toMatchObject({ status: 'POSTED', cancelable: false });
    const refused = await mutate(h, 'failOutboundPayment', FAIL, { id: payment.id });
    expect(refused).toMatchObject({ __typename: 'OutboundPaymentInvalidStateError', currentStatus: 'POSTED' });

    const other = await pay(100);
    const failed = await mutate<ObpResult>(h, 'failOutboundPayment', FAIL, { id: other.id });
    expect(failed.outboundPayment).toMatchObject({ status: 'FAILED', cancelable: false });
  });

  it('returnOutboundPayment returns a processing payment with the given code', async () => {
    const payment = await pay(100);
    const returned = await mutate<ObpResult>(h, 'returnOutboundPayment', RETURN, { id: payment.id });
    expect(returned.__typename).toBe('ReturnOutboundPaymentPayload');
    expect(returned.outboundPayment).toMatchObject({ status: 'RETURNED', returnedDetails: { code: 'ACCOUNT_CLOSED' } });
    expect((returned.outboundPayment.returnedDetails as { transactionId: string }).transactionId).toMatch(/^trxn_/);
  });

  it('updateOutboundPaymentTracking sets ACH tracking once posted (seed example), refused while cancelable or when already set', async () => {
    const payment = await pay(100);
    const early = await mutate(h, 'updateOutboundPaymentTracking', TRACK, {
      input: { outboundPaymentId: payment.id, ach: { traceId: '841042400123450' } },
    });
    expect(early).toMatchObject({ __typename: 'OutboundPaymentInvalidStateError', currentStatus: 'PROCESSING' });

    await mutate(h, 'postOutboundPayment', POST, { id: payment.id });
    const tracked = await mutate<ObpResult>(h, 'updateOutboundPaymentTracking', TRACK, {
      input: { outboundPaymentId: payment.id, ach: { traceId: '841042400123450' } },
    });
    expect(tracked.__typename).toBe('UpdateOutboundPaymentTrackingPayload');
    expect(tracked.outboundPayment).toMatchObject({
      status: 'POSTED',
      cancelable: false,
      trackingDetails: { type: 'ACH', ach: { traceId: '841042400123450' }, usDomesticWire: null },
    });

    const again = await mutate(h, 'updateOutboundPaymentTracking', TRACK, {
      input: { outboundPaymentId: payment.id, usDomesticWire: { imad: '20260101MMQFMP0A000001' } },
    });
    expect(again).toMatchObject({ __typename: 'OutboundPaymentInvalidStateError', currentStatus: 'POSTED' });
  });

  it('paying more than the account holds is an AmountTooLargeError', async () => {
    const refused = await mutate(h, 'createOutboundPayment', CREATE, {
      input: { financialAccountId: recipient, amount: 50_000_000, currency: 'usd', destination: { type: 'FINANCIAL_ACCOUNT', financialAccountId: source } },
    });
    expect(refused).toMatchObject({ __typename: 'AmountTooLargeError', code: 'AMOUNT_TOO_LARGE' });
  });
});
