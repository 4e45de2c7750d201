import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mutateCounting, mutationHarness, type MutationHarness } from './support.js';

/** One mutation call that breaks one rule: the typed error must name `path`, and nothing may reach Stripe. */
interface Case {
  rule: string;
  field: string;
  inputType: string;
  input: Record<string, unknown>;
  path: string[];
}

const payout = { amount: 1100, currency: 'usd' };
const fa = 'fa_1ValidationTest';
const obp = { financialAccountId: fa, amount: 100, currency: 'usd' };
const bank = { accountNumber: '000123456789', routingNumber: '110000000' };

const CASES: Case[] = [
  { rule: 'amount must be positive', field: 'createPayout', inputType: 'CreatePayoutInput', input: { ...payout, amount: 0 }, path: ['input', 'amount'] },
  { rule: 'amount must not be negative', field: 'createTransferReversal', inputType: 'CreateTransferReversalInput', input: { transferId: 'tr_1x', amount: -400 }, path: ['input', 'amount'] },
  { rule: 'currency must be one Stripe supports', field: 'createPayout', inputType: 'CreatePayoutInput', input: { ...payout, currency: 'xyz' }, path: ['input', 'currency'] },
  { rule: 'id prefix must match the type', field: 'cancelPayout', inputType: 'CancelPayoutInput', input: { payoutId: 're_123' }, path: ['input', 'payoutId'] },
  { rule: 'id prefix (refund)', field: 'cancelRefund', inputType: 'CancelRefundInput', input: { refundId: 'po_123' }, path: ['input', 'refundId'] },
  { rule: 'id prefix (outbound payment)', field: 'cancelOutboundPayment', inputType: 'CancelOutboundPaymentInput', input: { outboundPaymentId: 'obx_1' }, path: ['input', 'outboundPaymentId'] },
  {
    rule: 'at most 50 metadata keys',
    field: 'updatePayout',
    inputType: 'UpdatePayoutInput',
    input: { payoutId: 'po_1x', metadata: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v'])) },
    path: ['input', 'metadata'],
  },
  { rule: 'metadata keys ≤40 characters', field: 'updatePayout', inputType: 'UpdatePayoutInput', input: { payoutId: 'po_1x', metadata: { ['k'.repeat(41)]: 'v' } }, path: ['input', 'metadata', 'k'.repeat(41)] },
  { rule: 'no brackets in metadata keys', field: 'updateRefund', inputType: 'UpdateRefundInput', input: { refundId: 're_1x', metadata: { 'a[b]': 'v' } }, path: ['input', 'metadata', 'a[b]'] },
  { rule: 'metadata values ≤500 characters', field: 'createTransfer', inputType: 'CreateTransferInput', input: { amount: 1, currency: 'usd', destination: 'acct_1x', metadata: { note: 'x'.repeat(501) } }, path: ['input', 'metadata', 'note'] },
  { rule: 'payout statement descriptor ≤22 characters', field: 'createPayout', inputType: 'CreatePayoutInput', input: { ...payout, statementDescriptor: 'x'.repeat(23) }, path: ['input', 'statementDescriptor'] },
  { rule: 'idempotency key ≤255 characters', field: 'createPayout', inputType: 'CreatePayoutInput', input: { ...payout, idempotencyKey: 'k'.repeat(256) }, path: ['input', 'idempotencyKey'] },
  { rule: 'charge and paymentIntent are exclusive', field: 'createRefund', inputType: 'CreateRefundInput', input: { chargeId: 'ch_1x', paymentIntentId: 'pi_1x' }, path: ['input', 'paymentIntentId'] },
  { rule: 'charge or paymentIntent is required', field: 'createRefund', inputType: 'CreateRefundInput', input: { amount: 100 }, path: ['input', 'chargeId'] },
  { rule: 'instructions email must be an email', field: 'createRefund', inputType: 'CreateRefundInput', input: { chargeId: 'ch_1x', instructionsEmail: 'not-an-email' }, path: ['input', 'instructionsEmail'] },
  { rule: 'a refund reason Stripe sets itself', field: 'createRefund', inputType: 'CreateRefundInput', input: { chargeId: 'ch_1x', reason: 'EXPIRED_UNCAPTURED_CHARGE' }, path: ['input', 'reason'] },
  { rule: 'transfer destination must be a connected account', field: 'createTransfer', inputType: 'CreateTransferInput', input: { amount: 1, currency: 'usd', destination: 'ba_1x' }, path: ['input', 'destination'] },
  { rule: 'updateTransfer needs description or metadata', field: 'updateTransfer', inputType: 'UpdateTransferInput', input: { transferId: 'tr_1x' }, path: ['input', 'description'] },
  { rule: 'reversal id must name its transfer', field: 'updateTransferReversal', inputType: 'UpdateTransferReversalInput', input: { reversalId: 'trr_1x', metadata: { a: 'b' } }, path: ['input', 'reversalId'] },
  {
    rule: 'one destination for an outbound payment',
    field: 'createOutboundPayment',
    inputType: 'CreateOutboundPaymentInput',
    input: { ...obp, destinationPaymentMethodId: 'pm_1x', destination: { type: 'FINANCIAL_ACCOUNT', financialAccountId: 'fa_2x' } },
    path: ['input', 'destination'],
  },
  {
    rule: 'a financial-account destination needs its id',
    field: 'createOutboundPayment',
    inputType: 'CreateOutboundPaymentInput',
    input: { ...obp, destination: { type: 'FINANCIAL_ACCOUNT' } },
    path: ['input', 'destination', 'financialAccountId'],
  },
  {
    rule: 'ACH statement descriptor ≤10 characters',
    field: 'createOutboundPayment',
    inputType: 'CreateOutboundPaymentInput',
    input: { ...obp, destination: { type: 'US_BANK_ACCOUNT', usBankAccount: bank }, statementDescriptor: 'x'.repeat(11) },
    path: ['input', 'statementDescriptor'],
  },
  {
    rule: 'routing number is 9 digits',
    field: 'createOutboundPayment',
    inputType: 'CreateOutboundPaymentInput',
    input: { ...obp, destination: { type: 'US_BANK_ACCOUNT', usBankAccount: { ...bank, routingNumber: '123' } } },
    path: ['input', 'destination', 'usBankAccount', 'routingNumber'],
  },
  {
    rule: 'ACH or wire tracking, not both',
    field: 'updateOutboundPaymentTracking',
    inputType: 'UpdateOutboundPaymentTrackingInput',
    input: { outboundPaymentId: 'obp_1x', ach: { traceId: '841042400123450' }, usDomesticWire: { imad: 'X' } },
    path: ['input', 'usDomesticWire'],
  },
  {
    rule: 'ACH trace id is 15 digits',
    field: 'updateOutboundPaymentTracking',
    inputType: 'UpdateOutboundPaymentTrackingInput',
    input: { outboundPaymentId: 'obp_1x', ach: { traceId: '12' } },
    path: ['input', 'ach', 'traceId'],
  },
  {
    rule: 'wire tracking needs a reference',
    field: 'updateOutboundPaymentTracking',
    inputType: 'UpdateOutboundPaymentTrackingInput',
    input: { outboundPaymentId: 'obp_1x', usDomesticWire: {} },
    path: ['input', 'usDomesticWire'],
  },
  { rule: 'financial account needs a currency', field: 'createFinancialAccount', inputType: 'CreateFinancialAccountInput', input: { supportedCurrencies: [] }, path: ['input', 'supportedCurrencies'] },
  {
    rule: 'only requestable features',
    field: 'createFinancialAccount',
    inputType: 'CreateFinancialAccountInput',
    input: { supportedCurrencies: ['usd'], features: ['REMOTE_DEPOSIT_CAPTURE'] },
    path: ['input', 'features', '0'],
  },
  { rule: 'received credit amount', field: 'createReceivedCredit', inputType: 'CreateReceivedCreditInput', input: { financialAccountId: fa, amount: 0, currency: 'usd', network: 'ACH' }, path: ['input', 'amount'] },
];

describe('mutation input validation', () => {
  let h: MutationHarness;
  beforeAll(async () => {
    h = await mutationHarness();
  });
  afterAll(() => h.close());

  it.each(CASES)('$field: $rule → InvalidInputError, nothing sent to Stripe', async ({ field, inputType, input, path }) => {
    const query = `mutation($input: ${inputType}!) {
      ${field}(input: $input) { __typename ... on InvalidInputError { code message field issues { path message } } }
    }`;
    const { result, calls } = await mutateCounting<{ code: string; field: string; issues: { path: string[]; message: string }[] }>(
      h,
      field,
      query,
      { input },
    );
    expect(result.__typename).toBe('InvalidInputError');
    expect(result.code).toBe('BAD_USER_INPUT');
    expect(result.issues.map((i) => i.path)).toContainEqual(path);
    expect(calls.total).toBe(0);
  });
});
