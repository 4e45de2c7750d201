import type Stripe from 'stripe';
import { z } from 'zod';
import { builder } from './builder.js';
import type { Context } from '../context.js';
import {
  BankAccountHolderType,
  BankAccountType,
  OutboundPaymentDestinationType,
  OutboundPaymentNetwork,
  OutboundPaymentRef,
  OutboundPaymentReturnCode,
} from './outbound-payment.js';
import { settle } from '../events/settle.js';
import {
  amount,
  currency,
  email,
  exactlyOne,
  idempotencyKey,
  idempotencyKeyField,
  INPUT_ARG_DESCRIPTION,
  knownEnumValue,
  metadata,
  metadataField,
  optional,
  stripeId,
  text,
  toMetadataParam,
} from './mutation-input.js';
import { auditedRefusal } from './mutation-audit.js';
import { runMutation, runTestHelper } from './mutation-run.js';
import { stateSubject, type WriteSubject } from './stripe-write.js';
import { financialAccountSubject } from './financial-account.mutations.js';
import {
  AmountTooLargeError,
  IdempotencyConflictError,
  InvalidInputError,
  FinancialAccountInvalidStateError,
  OutboundPaymentInvalidStateError,
  NotFoundError,
  resultDescription,
  TestModeOnlyError,
} from './user-errors.js';

const outboundPaymentId = stripeId('OutboundPayment');

/** An outbound payment named by the input, its status read for OutboundPaymentInvalidStateError. */
function outboundPaymentSubject(ctx: Context, id: string): WriteSubject {
  return stateSubject(ctx, 'outboundPayment', id, (obp) => obp.status, (message, status) => new OutboundPaymentInvalidStateError(message, status));
}

/** The input of a mutation on one outbound payment and nothing else (cancel, fail, post). */
const outboundPaymentActionRules = z.object({ outboundPaymentId, idempotencyKey: optional(idempotencyKey) });

// ── createOutboundPayment ───────────────────────────────────────────────

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

const CreateOutboundPaymentPayload = builder
  .objectRef<{ outboundPayment: Stripe.Treasury.OutboundPayment }>('CreateOutboundPaymentPayload')
  .implement({
    description: 'The new outbound payment (PROCESSING).',
    fields: (t) => ({
      outboundPayment: t.expose('outboundPayment', {
        type: OutboundPaymentRef,
        description: 'The outbound payment as Stripe returned it after the change.',
      }),
    }),
  });

builder.mutationField('createOutboundPayment', (t) =>
  t.field({
    type: CreateOutboundPaymentPayload,
    description:
      'Creates a Treasury outbound payment. It starts PROCESSING and cancelable; the financial account’s cash moves to outbound pending. ' +
      'Refused with AmountTooLargeError when the account cannot cover it.',
    authScopes: { 'treasury:write': true },
    unauthorizedError: auditedRefusal,
    args: { input: t.arg({ type: CreateOutboundPaymentInput, required: true, description: INPUT_ARG_DESCRIPTION }) },
    errors: {
      types: [InvalidInputError, NotFoundError, AmountTooLargeError, FinancialAccountInvalidStateError, IdempotencyConflictError],
      directResult: true,
      union: { name: 'CreateOutboundPaymentResult', description: resultDescription('createOutboundPayment') },
    },
    resolve: (_root, args, ctx, info) =>
      runMutation(ctx, info, args.input, createOutboundPaymentRules, async (input, write) => {
        const outboundPayment = await write(
          (options) =>
            ctx.stripe.treasury.outboundPayments.create(
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
          financialAccountSubject(ctx, input.financialAccountId),
        );
        settle(ctx, 'outboundPayment', 'treasury.outbound_payment.created', outboundPayment);
        return { outboundPayment };
      }),
  }),
);

// ── cancelOutboundPayment ───────────────────────────────────────────────

const CancelOutboundPaymentInput = builder.inputType('CancelOutboundPaymentInput', {
  description: 'Cancels an outbound payment that is still PROCESSING and cancelable; the funds return to the financial account.',
  fields: (t) => ({
    outboundPaymentId: t.id({ required: true, description: 'The outbound payment (obp_…).' }),
    idempotencyKey: idempotencyKeyField(t),
  }),
});

const CancelOutboundPaymentPayload = builder
  .objectRef<{ outboundPayment: Stripe.Treasury.OutboundPayment }>('CancelOutboundPaymentPayload')
  .implement({
    description: 'The canceled outbound payment (statusTransitions.canceledAt set).',
    fields: (t) => ({
      outboundPayment: t.expose('outboundPayment', {
        type: OutboundPaymentRef,
        description: 'The outbound payment as Stripe returned it after the change.',
      }),
    }),
  });

builder.mutationField('cancelOutboundPayment', (t) =>
  t.field({
    type: CancelOutboundPaymentPayload,
    description: 'Cancels a PROCESSING, cancelable outbound payment. Any other state is refused with InvalidStateError.',
    authScopes: { 'treasury:write': true },
    unauthorizedError: auditedRefusal,
    args: { input: t.arg({ type: CancelOutboundPaymentInput, required: true, description: INPUT_ARG_DESCRIPTION }) },
    errors: {
      types: [InvalidInputError, NotFoundError, OutboundPaymentInvalidStateError, IdempotencyConflictError],
      directResult: true,
      union: { name: 'CancelOutboundPaymentResult', description: resultDescription('cancelOutboundPayment') },
    },
    resolve: (_root, args, ctx, info) =>
      runMutation(ctx, info, args.input, outboundPaymentActionRules, async (input, write) => {
        const outboundPayment = await write(
          (options) => ctx.stripe.treasury.outboundPayments.cancel(input.outboundPaymentId, {}, options),
          outboundPaymentSubject(ctx, input.outboundPaymentId),
        );
        settle(ctx, 'outboundPayment', 'treasury.outbound_payment.canceled', outboundPayment);
        return { outboundPayment };
      }),
  }),
);

// ── failOutboundPayment (test helper) ───────────────────────────────────

const FailOutboundPaymentInput = builder.inputType('FailOutboundPaymentInput', {
  description: 'Test mode: makes a PROCESSING outbound payment fail.',
  fields: (t) => ({
    outboundPaymentId: t.id({ required: true, description: 'The outbound payment (obp_…).' }),
    idempotencyKey: idempotencyKeyField(t),
  }),
});

const FailOutboundPaymentPayload = builder
  .objectRef<{ outboundPayment: Stripe.Treasury.OutboundPayment }>('FailOutboundPaymentPayload')
  .implement({
    description: 'The failed outbound payment (statusTransitions.failedAt set).',
    fields: (t) => ({
      outboundPayment: t.expose('outboundPayment', {
        type: OutboundPaymentRef,
        description: 'The outbound payment as Stripe returned it after the change.',
      }),
    }),
  });

builder.mutationField('failOutboundPayment', (t) =>
  t.field({
    type: FailOutboundPaymentPayload,
    description:
      'Test helper: moves a PROCESSING outbound payment to FAILED. Refused with TestModeOnlyError under a live key, InvalidStateError unless PROCESSING.',
    authScopes: { test_helpers: true },
    unauthorizedError: auditedRefusal,
    args: { input: t.arg({ type: FailOutboundPaymentInput, required: true, description: INPUT_ARG_DESCRIPTION }) },
    errors: {
      types: [InvalidInputError, NotFoundError, OutboundPaymentInvalidStateError, IdempotencyConflictError, TestModeOnlyError],
      directResult: true,
      union: { name: 'FailOutboundPaymentResult', description: resultDescription('failOutboundPayment') },
    },
    resolve: (_root, args, ctx, info) =>
      runTestHelper(ctx, info, args.input, outboundPaymentActionRules, async (input, write) => {
        const outboundPayment = await write(
          (options) => ctx.stripe.testHelpers.treasury.outboundPayments.fail(input.outboundPaymentId, {}, options),
          outboundPaymentSubject(ctx, input.outboundPaymentId),
        );
        settle(ctx, 'outboundPayment', 'treasury.outbound_payment.failed', outboundPayment);
        return { outboundPayment };
      }),
  }),
);

// ── postOutboundPayment (test helper) ───────────────────────────────────

const PostOutboundPaymentInput = builder.inputType('PostOutboundPaymentInput', {
  description: 'Test mode: posts a PROCESSING outbound payment (the money leaves the financial account).',
  fields: (t) => ({
    outboundPaymentId: t.id({ required: true, description: 'The outbound payment (obp_…).' }),
    idempotencyKey: idempotencyKeyField(t),
  }),
});

const PostOutboundPaymentPayload = builder
  .objectRef<{ outboundPayment: Stripe.Treasury.OutboundPayment }>('PostOutboundPaymentPayload')
  .implement({
    description: 'The posted outbound payment (statusTransitions.postedAt set).',
    fields: (t) => ({
      outboundPayment: t.expose('outboundPayment', {
        type: OutboundPaymentRef,
        description: 'The outbound payment as Stripe returned it after the change.',
      }),
    }),
  });

builder.mutationField('postOutboundPayment', (t) =>
  t.field({
    type: PostOutboundPaymentPayload,
    description:
      'Test helper: moves a PROCESSING outbound payment to POSTED. Refused with TestModeOnlyError under a live key, InvalidStateError unless PROCESSING.',
    authScopes: { test_helpers: true },
    unauthorizedError: auditedRefusal,
    args: { input: t.arg({ type: PostOutboundPaymentInput, required: true, description: INPUT_ARG_DESCRIPTION }) },
    errors: {
      types: [InvalidInputError, NotFoundError, OutboundPaymentInvalidStateError, IdempotencyConflictError, TestModeOnlyError],
      directResult: true,
      union: { name: 'PostOutboundPaymentResult', description: resultDescription('postOutboundPayment') },
    },
    resolve: (_root, args, ctx, info) =>
      runTestHelper(ctx, info, args.input, outboundPaymentActionRules, async (input, write) => {
        const outboundPayment = await write(
          (options) => ctx.stripe.testHelpers.treasury.outboundPayments.post(input.outboundPaymentId, {}, options),
          outboundPaymentSubject(ctx, input.outboundPaymentId),
        );
        settle(ctx, 'outboundPayment', 'treasury.outbound_payment.posted', outboundPayment);
        return { outboundPayment };
      }),
  }),
);

// ── returnOutboundPayment (test helper) ─────────────────────────────────

const ReturnOutboundPaymentInput = builder.inputType('ReturnOutboundPaymentInput', {
  description: 'Test mode: makes the receiving bank return a PROCESSING outbound payment.',
  fields: (t) => ({
    outboundPaymentId: t.id({ required: true, description: 'The outbound payment (obp_…).' }),
    code: t.field({ type: OutboundPaymentReturnCode.ref, description: 'Why the bank returned it; Stripe picks one when omitted.' }),
    idempotencyKey: idempotencyKeyField(t),
  }),
});

const returnOutboundPaymentRules = z.object({ outboundPaymentId, code: optional(knownEnumValue), idempotencyKey: optional(idempotencyKey) });

const ReturnOutboundPaymentPayload = builder
  .objectRef<{ outboundPayment: Stripe.Treasury.OutboundPayment }>('ReturnOutboundPaymentPayload')
  .implement({
    description: 'The returned outbound payment: returnedDetails has the code and the transaction that credited the funds back.',
    fields: (t) => ({
      outboundPayment: t.expose('outboundPayment', {
        type: OutboundPaymentRef,
        description: 'The outbound payment as Stripe returned it after the change.',
      }),
    }),
  });

builder.mutationField('returnOutboundPayment', (t) =>
  t.field({
    type: ReturnOutboundPaymentPayload,
    description:
      'Test helper: moves a PROCESSING outbound payment to RETURNED with a return code. Refused with TestModeOnlyError under a live key, InvalidStateError unless PROCESSING.',
    authScopes: { test_helpers: true },
    unauthorizedError: auditedRefusal,
    args: { input: t.arg({ type: ReturnOutboundPaymentInput, required: true, description: INPUT_ARG_DESCRIPTION }) },
    errors: {
      types: [InvalidInputError, TestModeOnlyError, NotFoundError, OutboundPaymentInvalidStateError, IdempotencyConflictError],
      directResult: true,
      union: { name: 'ReturnOutboundPaymentResult', description: resultDescription('returnOutboundPayment') },
    },
    resolve: (_root, args, ctx, info) =>
      runTestHelper(ctx, info, args.input, returnOutboundPaymentRules, async (input, write) => {
        const outboundPayment = await write(
          (options) =>
            ctx.stripe.testHelpers.treasury.outboundPayments.returnOutboundPayment(
              input.outboundPaymentId,
              { returned_details: input.code ? { code: input.code } : undefined },
              options,
            ),
          outboundPaymentSubject(ctx, input.outboundPaymentId),
        );
        settle(ctx, 'outboundPayment', 'treasury.outbound_payment.returned', outboundPayment);
        return { outboundPayment };
      }),
  }),
);

// ── updateOutboundPaymentTracking (test helper) ─────────────────────────

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

const UpdateOutboundPaymentTrackingInput = builder.inputType('UpdateOutboundPaymentTrackingInput', {
  description: 'Test mode: sets the network tracking details of an outbound payment. Give exactly one of `ach` and `usDomesticWire`.',
  fields: (t) => ({
    outboundPaymentId: t.id({ required: true, description: 'The outbound payment (obp_…).' }),
    ach: t.field({ type: AchTrackingInput, description: 'For an ACH payment: its trace id.' }),
    usDomesticWire: t.field({ type: WireTrackingInput, description: 'For a wire: its CHIPS / IMAD / OMAD references.' }),
    idempotencyKey: idempotencyKeyField(t),
  }),
});

const trackingReference = text(100).min(1, 'must not be empty');

const updateTrackingRules = z
  .object({
    outboundPaymentId,
    ach: optional(z.object({ traceId: z.string().regex(/^\d{15}$/, 'must be a 15-digit ACH trace id') })),
    usDomesticWire: optional(
      z
        .object({ chips: optional(trackingReference), imad: optional(trackingReference), omad: optional(trackingReference) })
        .refine((w) => w.chips || w.imad || w.omad, { message: 'give at least one of chips, imad and omad' }),
    ),
    idempotencyKey: optional(idempotencyKey),
  })
  .superRefine(exactlyOne(['ach', 'usDomesticWire']));

/** The SDK's tracking_details param (its type is not exported by name). */
type TrackingDetailsParam = Parameters<Stripe['testHelpers']['treasury']['outboundPayments']['update']>[1]['tracking_details'];

function trackingDetails(input: z.output<typeof updateTrackingRules>): TrackingDetailsParam {
  if (input.ach) return { type: 'ach', ach: { trace_id: input.ach.traceId } };
  const wire = input.usDomesticWire!;
  return { type: 'us_domestic_wire', us_domestic_wire: { chips: wire.chips, imad: wire.imad, omad: wire.omad } };
}

const UpdateOutboundPaymentTrackingPayload = builder
  .objectRef<{ outboundPayment: Stripe.Treasury.OutboundPayment }>('UpdateOutboundPaymentTrackingPayload')
  .implement({
    description: 'The outbound payment with its trackingDetails.',
    fields: (t) => ({
      outboundPayment: t.expose('outboundPayment', {
        type: OutboundPaymentRef,
        description: 'The outbound payment as Stripe returned it after the change.',
      }),
    }),
  });

builder.mutationField('updateOutboundPaymentTracking', (t) =>
  t.field({
    type: UpdateOutboundPaymentTrackingPayload,
    description:
      'Test helper: sets tracking details once the payment is no longer cancelable (and not canceled or failed). Refused with ' +
      'TestModeOnlyError under a live key, InvalidStateError when the state does not allow it or tracking is already set.',
    authScopes: { test_helpers: true },
    unauthorizedError: auditedRefusal,
    args: { input: t.arg({ type: UpdateOutboundPaymentTrackingInput, required: true, description: INPUT_ARG_DESCRIPTION }) },
    errors: {
      types: [InvalidInputError, TestModeOnlyError, NotFoundError, OutboundPaymentInvalidStateError, IdempotencyConflictError],
      directResult: true,
      union: { name: 'UpdateOutboundPaymentTrackingResult', description: resultDescription('updateOutboundPaymentTracking') },
    },
    resolve: (_root, args, ctx, info) =>
      runTestHelper(ctx, info, args.input, updateTrackingRules, async (input, write) => {
        const outboundPayment = await write(
          (options) =>
            ctx.stripe.testHelpers.treasury.outboundPayments.update(input.outboundPaymentId, { tracking_details: trackingDetails(input) }, options),
          outboundPaymentSubject(ctx, input.outboundPaymentId),
        );
        settle(ctx, 'outboundPayment', 'treasury.outbound_payment.tracking_details_updated', outboundPayment);
        return { outboundPayment };
      }),
  }),
);
