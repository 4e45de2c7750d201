import type Stripe from 'stripe';
import { z } from 'zod';
import { builder } from './builder.js';
import {
  BankAccountHolderType,
  BankAccountType,
  OutboundPaymentDestinationType,
  OutboundPaymentNetwork,
  OutboundPaymentRef,
  OutboundPaymentReturnCode,
} from './outbound-payment.js';
import {
  amount,
  currency,
  email,
  exactlyOne,
  idempotencyKey,
  knownEnumValue,
  metadata,
  optional,
  stripeId,
  text,
  toMetadataParam,
} from './mutation-input.js';
import {
  actionMutation,
  idempotencyKeyField,
  metadataField,
  objectInputRules,
  objectMutation,
  reader,
  resourceMutation,
  type MutatedResource,
} from './mutation-support.js';
import { AmountTooLargeError, IdempotencyConflictError, InvalidStateError, NotFoundError, TestModeOnlyError } from './user-errors.js';

const outboundPayments: MutatedResource<'outboundPayment'> = {
  kind: 'outboundPayment',
  ref: OutboundPaymentRef,
  noun: 'outbound payment',
  idType: 'OutboundPayment',
  idDescription: 'The outbound payment (obp_…).',
  subject: (ctx, id) => ({ id, status: reader(ctx, 'outboundPayment', id, (obp) => obp.status) }),
};

// ── createOutboundPayment ────────────────────────────────────────────────

const UsBankAccountInput = builder.inputType('OutboundPaymentUsBankAccountInput', {
  description: 'An external US bank account to pay.',
  fields: (t) => ({
    accountNumber: t.string({ required: true, description: 'The account number (4 to 17 digits).' }),
    routingNumber: t.string({ required: true, description: 'The ABA routing number (9 digits).' }),
    accountHolderType: t.field({ type: BankAccountHolderType.ref, description: 'Company or individual.' }),
    accountType: t.field({ type: BankAccountType.ref, description: 'Checking (default) or savings.' }),
  }),
});

const BillingDetailsInput = builder.inputType('OutboundPaymentBillingDetailsInput', {
  description: 'Who receives the payment.',
  fields: (t) => ({
    name: t.string({ description: 'The recipient’s name.' }),
    email: t.string({ description: 'The recipient’s email.' }),
  }),
});

const DestinationDataInput = builder.inputType('OutboundPaymentDestinationInput', {
  description: 'A destination given inline (instead of a saved PaymentMethod). Give the object matching `type`.',
  fields: (t) => ({
    type: t.field({ type: OutboundPaymentDestinationType.ref, required: true, description: 'Which of the fields below applies.' }),
    financialAccountId: t.id({ description: 'For FINANCIAL_ACCOUNT: the financial account to pay (fa_…).' }),
    usBankAccount: t.field({ type: UsBankAccountInput, description: 'For US_BANK_ACCOUNT: the bank account.' }),
    billingDetails: t.field({ type: BillingDetailsInput, description: 'The recipient’s name and email.' }),
  }),
});

const EndUserDetailsInput = builder.inputType('OutboundPaymentEndUserDetailsInput', {
  description: 'Whether a person initiated the payment (required by regulation for some flows).',
  fields: (t) => ({
    present: t.boolean({ required: true, description: 'True when the end user is present and initiated the payment now.' }),
    ipAddress: t.string({ description: 'The end user’s IP address, when present.' }),
  }),
});

const CreateOutboundPaymentInput = builder.inputType('CreateOutboundPaymentInput', {
  description:
    'Sends money from a Treasury financial account to a third party. Give exactly one of `destinationPaymentMethodId` and `destination`.',
  fields: (t) => ({
    financialAccountId: t.id({ required: true, description: 'The financial account the money leaves (fa_…).' }),
    amount: t.int({ required: true, description: 'Amount in cents; a positive integer.' }),
    currency: t.field({ type: 'Currency', required: true, description: 'Three-letter ISO currency code; Treasury supports "usd".' }),
    destinationPaymentMethodId: t.id({ description: 'A saved PaymentMethod to pay (pm_…). Exclusive with destination.' }),
    destination: t.field({ type: DestinationDataInput, description: 'The destination given inline. Exclusive with destinationPaymentMethodId.' }),
    network: t.field({ type: OutboundPaymentNetwork.ref, description: 'For a US bank account: ACH (default) or US_DOMESTIC_WIRE.' }),
    customer: t.id({ description: 'The customer the payment is for (cus_…).' }),
    description: t.string({ description: 'An arbitrary string attached to the payment (≤1000 characters).' }),
    statementDescriptor: t.string({
      description: 'What the recipient sees: ≤10 characters for ACH, ≤140 for wires, ≤500 to a financial account. Defaults to "payment".',
    }),
    endUserDetails: t.field({ type: EndUserDetailsInput, description: 'Whether a person initiated the payment.' }),
    metadata: metadataField(t, 'outbound payment', { update: false }),
    idempotencyKey: idempotencyKeyField(t),
  }),
});

/** Stripe's statement descriptor limits per rail. */
const DESCRIPTOR_LIMITS = { ach: 10, us_domestic_wire: 140, financial_account: 500 } as const;

const createOutboundPaymentRules = z
  .object({
    financialAccountId: stripeId('FinancialAccount'),
    amount,
    currency,
    destinationPaymentMethodId: optional(z.string().regex(/^pm_[A-Za-z0-9]+$/, 'must be a PaymentMethod id (pm_…)')),
    destination: optional(
      z.object({
        type: z.enum(['financial_account', 'us_bank_account']),
        financialAccountId: optional(stripeId('FinancialAccount')),
        usBankAccount: optional(
          z.object({
            accountNumber: z.string().regex(/^\d{4,17}$/, 'must be 4 to 17 digits'),
            routingNumber: z.string().regex(/^\d{9}$/, 'must be 9 digits'),
            accountHolderType: optional(z.enum(['company', 'individual'])),
            accountType: optional(z.enum(['checking', 'savings'])),
          }),
        ),
        billingDetails: optional(z.object({ name: optional(text(500)), email: optional(email) })),
      }),
    ),
    network: optional(z.enum(['ach', 'us_domestic_wire'])),
    customer: optional(z.string().regex(/^cus_[A-Za-z0-9]+$/, 'must be a customer id (cus_…)')),
    description: optional(text(1000)),
    statementDescriptor: optional(text(DESCRIPTOR_LIMITS.financial_account)),
    endUserDetails: optional(z.object({ present: z.boolean(), ipAddress: optional(z.string().ip()) })),
    metadata: optional(metadata),
    idempotencyKey: optional(idempotencyKey),
  })
  .superRefine(exactlyOne(['destinationPaymentMethodId', 'destination']))
  .superRefine((v, ctx) => {
    const dest = v.destination;
    if (dest?.type === 'financial_account') {
      if (!dest.financialAccountId) issue(ctx, ['destination', 'financialAccountId'], 'is required when type is FINANCIAL_ACCOUNT');
      if (dest.usBankAccount) issue(ctx, ['destination', 'usBankAccount'], 'only applies when type is US_BANK_ACCOUNT');
      if (v.network) issue(ctx, ['network'], 'only applies to payments to a US bank account');
    }
    if (dest?.type === 'us_bank_account') {
      if (!dest.usBankAccount) issue(ctx, ['destination', 'usBankAccount'], 'is required when type is US_BANK_ACCOUNT');
      if (dest.financialAccountId) issue(ctx, ['destination', 'financialAccountId'], 'only applies when type is FINANCIAL_ACCOUNT');
    }
    const rail = dest?.type === 'financial_account' ? 'financial_account' : (v.network ?? (dest ? 'ach' : undefined));
    const limit = rail ? DESCRIPTOR_LIMITS[rail] : undefined;
    if (limit !== undefined && v.statementDescriptor && v.statementDescriptor.length > limit) {
      issue(ctx, ['statementDescriptor'], `must be at most ${limit} characters for this destination`);
    }
  });

function issue(ctx: z.RefinementCtx, path: string[], message: string): void {
  ctx.addIssue({ code: z.ZodIssueCode.custom, path, message });
}

type CreateOutboundPaymentRules = z.output<typeof createOutboundPaymentRules>;

/** The SDK's destination_payment_method_data for an inline destination. */
function destinationData(
  dest: NonNullable<CreateOutboundPaymentRules['destination']>,
): Stripe.Treasury.OutboundPaymentCreateParams.DestinationPaymentMethodData {
  const bank = dest.usBankAccount;
  return {
    type: dest.type,
    financial_account: dest.financialAccountId,
    us_bank_account: bank && {
      account_number: bank.accountNumber,
      routing_number: bank.routingNumber,
      account_holder_type: bank.accountHolderType,
      account_type: bank.accountType,
    },
    billing_details: dest.billingDetails && { name: dest.billingDetails.name, email: dest.billingDetails.email },
  };
}

resourceMutation(outboundPayments, {
  name: 'createOutboundPayment',
  scope: 'treasury:write',
  description:
    'Creates a Treasury outbound payment. It starts PROCESSING and cancelable; the financial account’s cash moves to outbound pending. ' +
    'Refused with AmountTooLargeError when the account cannot cover it.',
  input: CreateOutboundPaymentInput,
  rules: createOutboundPaymentRules,
  payloadDescription: 'The new outbound payment (PROCESSING).',
  errors: [NotFoundError, AmountTooLargeError, InvalidStateError, IdempotencyConflictError],
  subject: (_ctx, input) => ({ id: input.financialAccountId }),
  eventType: 'treasury.outbound_payment.created',
  write: (stripe, input, options) =>
    stripe.treasury.outboundPayments.create(
      {
        financial_account: input.financialAccountId,
        amount: input.amount,
        currency: input.currency,
        destination_payment_method: input.destinationPaymentMethodId,
        destination_payment_method_data: input.destination && destinationData(input.destination),
        destination_payment_method_options: input.network && { us_bank_account: { network: input.network } },
        customer: input.customer,
        description: input.description,
        statement_descriptor: input.statementDescriptor,
        end_user_details: input.endUserDetails && { present: input.endUserDetails.present, ip_address: input.endUserDetails.ipAddress },
        metadata: toMetadataParam(input.metadata),
      },
      options,
    ),
});

// ── cancel / fail / post / return (one id in, one transition out) ────────

actionMutation(outboundPayments, {
  name: 'cancelOutboundPayment',
  scope: 'treasury:write',
  inputDescription: 'Cancels an outbound payment that is still PROCESSING and cancelable; the funds return to the financial account.',
  payloadDescription: 'The canceled outbound payment (statusTransitions.canceledAt set).',
  description: 'Cancels a PROCESSING, cancelable outbound payment. Any other state is refused with InvalidStateError.',
  errors: [NotFoundError, InvalidStateError, IdempotencyConflictError],
  eventType: 'treasury.outbound_payment.canceled',
  call: (stripe, id, options) => stripe.treasury.outboundPayments.cancel(id, {}, options),
});

actionMutation(outboundPayments, {
  name: 'failOutboundPayment',
  scope: 'test_helpers',
  inputDescription: 'Test mode: makes a PROCESSING outbound payment fail.',
  payloadDescription: 'The failed outbound payment (statusTransitions.failedAt set).',
  description:
    'Test helper: moves a PROCESSING outbound payment to FAILED. Refused with TestModeOnlyError under a live key, InvalidStateError unless PROCESSING.',
  errors: [NotFoundError, InvalidStateError, IdempotencyConflictError, TestModeOnlyError],
  eventType: 'treasury.outbound_payment.failed',
  call: (stripe, id, options) => stripe.testHelpers.treasury.outboundPayments.fail(id, {}, options),
});

actionMutation(outboundPayments, {
  name: 'postOutboundPayment',
  scope: 'test_helpers',
  inputDescription: 'Test mode: posts a PROCESSING outbound payment (the money leaves the financial account).',
  payloadDescription: 'The posted outbound payment (statusTransitions.postedAt set).',
  description:
    'Test helper: moves a PROCESSING outbound payment to POSTED. Refused with TestModeOnlyError under a live key, InvalidStateError unless PROCESSING.',
  errors: [NotFoundError, InvalidStateError, IdempotencyConflictError, TestModeOnlyError],
  eventType: 'treasury.outbound_payment.posted',
  call: (stripe, id, options) => stripe.testHelpers.treasury.outboundPayments.post(id, {}, options),
});

objectMutation(outboundPayments, {
  name: 'returnOutboundPayment',
  scope: 'test_helpers',
  inputDescription: 'Test mode: makes the receiving bank return a PROCESSING outbound payment.',
  fields: (t) => ({
    code: t.field({ type: OutboundPaymentReturnCode.ref, description: 'Why the bank returned it; Stripe picks one when omitted.' }),
  }),
  rules: objectInputRules(outboundPayments, { code: optional(knownEnumValue) }),
  payloadDescription: 'The returned outbound payment: returnedDetails has the code and the transaction that credited the funds back.',
  description:
    'Test helper: moves a PROCESSING outbound payment to RETURNED with a return code. Refused with TestModeOnlyError under a live key, InvalidStateError unless PROCESSING.',
  errors: [TestModeOnlyError, NotFoundError, InvalidStateError, IdempotencyConflictError],
  eventType: 'treasury.outbound_payment.returned',
  write: (stripe, input, options) =>
    stripe.testHelpers.treasury.outboundPayments.returnOutboundPayment(
      input.outboundPaymentId,
      { returned_details: input.code ? { code: input.code } : undefined },
      options,
    ),
});

// ── updateOutboundPaymentTracking ────────────────────────────────────────

const AchTrackingInput = builder.inputType('AchTrackingInput', {
  description: 'ACH tracking details.',
  fields: (t) => ({ traceId: t.string({ required: true, description: 'The ACH trace id (15 digits).' }) }),
});

const WireTrackingInput = builder.inputType('WireTrackingInput', {
  description: 'Fedwire tracking details; give at least one.',
  fields: (t) => ({
    chips: t.string({ description: 'CHIPS system sequence number.' }),
    imad: t.string({ description: 'Input Message Accountability Data.' }),
    omad: t.string({ description: 'Output Message Accountability Data.' }),
  }),
});

const trackingReference = text(100).min(1, 'must not be empty');

const updateTrackingRules = objectInputRules(outboundPayments, {
  ach: optional(z.object({ traceId: z.string().regex(/^\d{15}$/, 'must be a 15-digit ACH trace id') })),
  usDomesticWire: optional(
    z
      .object({ chips: optional(trackingReference), imad: optional(trackingReference), omad: optional(trackingReference) })
      .refine((w) => w.chips || w.imad || w.omad, { message: 'give at least one of chips, imad and omad' }),
  ),
}).superRefine(exactlyOne(['ach', 'usDomesticWire']));

/** The SDK's tracking_details param (its type is not exported by name). */
type TrackingDetailsParam = Parameters<Stripe['testHelpers']['treasury']['outboundPayments']['update']>[1]['tracking_details'];

function trackingDetails(input: z.output<typeof updateTrackingRules>): TrackingDetailsParam {
  if (input.ach) return { type: 'ach', ach: { trace_id: input.ach.traceId } };
  const wire = input.usDomesticWire!;
  return { type: 'us_domestic_wire', us_domestic_wire: { chips: wire.chips, imad: wire.imad, omad: wire.omad } };
}

objectMutation(outboundPayments, {
  name: 'updateOutboundPaymentTracking',
  scope: 'test_helpers',
  inputDescription: 'Test mode: sets the network tracking details of an outbound payment. Give exactly one of `ach` and `usDomesticWire`.',
  fields: (t) => ({
    ach: t.field({ type: AchTrackingInput, description: 'For an ACH payment: its trace id.' }),
    usDomesticWire: t.field({ type: WireTrackingInput, description: 'For a wire: its CHIPS / IMAD / OMAD references.' }),
  }),
  rules: updateTrackingRules,
  payloadDescription: 'The outbound payment with its trackingDetails.',
  description:
    'Test helper: sets tracking details once the payment is no longer cancelable (and not canceled or failed). Refused with ' +
    'TestModeOnlyError under a live key, InvalidStateError when the state does not allow it or tracking is already set.',
  errors: [TestModeOnlyError, NotFoundError, InvalidStateError, IdempotencyConflictError],
  eventType: 'treasury.outbound_payment.tracking_details_updated',
  write: (stripe, input, options) =>
    stripe.testHelpers.treasury.outboundPayments.update(input.outboundPaymentId, { tracking_details: trackingDetails(input) }, options),
});
