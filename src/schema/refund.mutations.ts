import type Stripe from 'stripe';
import { z } from 'zod';
import { builder } from './builder.js';
import type { Context } from '../context.js';
import { RefundReason, RefundRef } from './refund.js';
import { idOf } from './expandable.js';
import { settle } from '../events/settle.js';
import {
  amount,
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
  toMetadataParam,
} from './mutation-input.js';
import { auditedRefusal } from './mutation-audit.js';
import { runMutation, runTestHelper } from './mutation-run.js';
import { stateSubject, type WriteSubject } from './stripe-write.js';
import {
  AmountTooLargeError,
  IdempotencyConflictError,
  InvalidInputError,
  RefundInvalidStateError,
  NotFoundError,
  resultDescription,
  TestModeOnlyError,
} from './user-errors.js';

/** A refund named by the input (none for a create), its status read for RefundInvalidStateError. */
function refundSubject(ctx: Context, id?: string): WriteSubject {
  return stateSubject(ctx, 'refund', id, (r) => r.status, (message, status) => new RefundInvalidStateError(message, status));
}

// ── createRefund ────────────────────────────────────────────────────────

const CreateRefundInput = builder.inputType('CreateRefundInput', {
  description: 'Refunds a charge, in full or in part. Give exactly one of `chargeId` and `paymentIntentId`.',
  fields: (t) => ({
    chargeId: t.id({ description: 'The charge to refund (ch_… or py_…). Exclusive with paymentIntentId.' }),
    paymentIntentId: t.id({ description: 'The PaymentIntent whose charge to refund (pi_…). Exclusive with chargeId.' }),
    amount: t.int({ description: 'Amount to refund in the smallest currency unit; defaults to everything not yet refunded.' }),
    reason: t.field({ type: RefundReason.ref, description: 'DUPLICATE, FRAUDULENT or REQUESTED_BY_CUSTOMER.' }),
    instructionsEmail: t.string({
      description: 'For payment methods without native refunds: where Stripe emails the customer for their bank details.',
    }),
    reverseTransfer: t.boolean({ description: 'For a destination charge: also reverse the transfer to the connected account, pro rata.' }),
    refundApplicationFee: t.boolean({ description: 'For a charge with an application fee: also refund the fee, pro rata.' }),
    metadata: metadataField(t, 'refund', { update: false }),
    idempotencyKey: idempotencyKeyField(t),
  }),
});

const createRefundRules = z
  .object({
    chargeId: optional(stripeId('Charge')),
    paymentIntentId: optional(stripeId('PaymentIntent')),
    amount: optional(amount),
    reason: optional(
      knownEnumValue.refine((r) => r !== 'expired_uncaptured_charge', { message: 'EXPIRED_UNCAPTURED_CHARGE is set by Stripe, not by a request' }),
    ),
    instructionsEmail: optional(email),
    reverseTransfer: optional(z.boolean()),
    refundApplicationFee: optional(z.boolean()),
    metadata: optional(metadata),
    idempotencyKey: optional(idempotencyKey),
  })
  .superRefine(exactlyOne(['chargeId', 'paymentIntentId']));

/** How much of the charge (given directly or through its PaymentIntent) is still unrefunded. */
function unrefunded(ctx: Context, chargeId: string | undefined, paymentIntentId: string | undefined) {
  return async (): Promise<number | null> => {
    try {
      const id = chargeId ?? idOf((await ctx.loaders.load('paymentIntent', paymentIntentId!)).latest_charge);
      if (!id) return null;
      const charge = await ctx.loaders.load('charge', id);
      return charge.amount - charge.amount_refunded;
    } catch {
      return null;
    }
  };
}

const CreateRefundPayload = builder.objectRef<{ refund: Stripe.Refund }>('CreateRefundPayload').implement({
  description: 'The new refund (SUCCEEDED, PENDING or REQUIRES_ACTION).',
  fields: (t) => ({
    refund: t.expose('refund', { type: RefundRef, description: 'The refund as Stripe returned it after the change.' }),
  }),
});

builder.mutationField('createRefund', (t) =>
  t.field({
    type: CreateRefundPayload,
    description:
      'Refunds a charge. Refused with AmountTooLargeError when the amount exceeds what is left to refund (maxAmount says how much is).',
    authScopes: { 'refunds:write': true },
    unauthorizedError: auditedRefusal,
    args: { input: t.arg({ type: CreateRefundInput, required: true, description: INPUT_ARG_DESCRIPTION }) },
    errors: {
      types: [InvalidInputError, NotFoundError, AmountTooLargeError, RefundInvalidStateError, IdempotencyConflictError],
      directResult: true,
      union: { name: 'CreateRefundResult', description: resultDescription('createRefund') },
    },
    resolve: (_root, args, ctx, info) =>
      runMutation(ctx, info, args.input, createRefundRules, async (input, write) => {
        const refund = await write(
          (options) =>
            ctx.stripe.refunds.create(
              {
                charge: input.chargeId,
                payment_intent: input.paymentIntentId,
                amount: input.amount,
                reason: input.reason,
                instructions_email: input.instructionsEmail,
                reverse_transfer: input.reverseTransfer,
                refund_application_fee: input.refundApplicationFee,
                metadata: toMetadataParam(input.metadata),
              },
              options,
            ),
          { ...refundSubject(ctx), id: input.chargeId ?? input.paymentIntentId!, remainder: unrefunded(ctx, input.chargeId, input.paymentIntentId) },
        );
        settle(ctx, 'refund', 'refund.created', refund);
        return { refund };
      }),
  }),
);

// ── updateRefund ────────────────────────────────────────────────────────

const UpdateRefundInput = builder.inputType('UpdateRefundInput', {
  description: 'Changes a refund’s metadata (the only thing Stripe lets you change).',
  fields: (t) => ({
    refundId: t.id({ required: true, description: 'The refund (re_… or pyr_…).' }),
    metadata: metadataField(t, 'refund', { update: true, required: true }),
    idempotencyKey: idempotencyKeyField(t),
  }),
});

const updateRefundRules = z.object({ refundId: stripeId('Refund'), metadata, idempotencyKey: optional(idempotencyKey) });

const UpdateRefundPayload = builder.objectRef<{ refund: Stripe.Refund }>('UpdateRefundPayload').implement({
  description: 'The refund with its new metadata.',
  fields: (t) => ({
    refund: t.expose('refund', { type: RefundRef, description: 'The refund as Stripe returned it after the change.' }),
  }),
});

builder.mutationField('updateRefund', (t) =>
  t.field({
    type: UpdateRefundPayload,
    description: 'Sets or removes metadata keys on a refund (null or "" removes a key; keys left out are kept).',
    authScopes: { 'refunds:write': true },
    unauthorizedError: auditedRefusal,
    args: { input: t.arg({ type: UpdateRefundInput, required: true, description: INPUT_ARG_DESCRIPTION }) },
    errors: {
      types: [InvalidInputError, NotFoundError, IdempotencyConflictError],
      directResult: true,
      union: { name: 'UpdateRefundResult', description: resultDescription('updateRefund') },
    },
    resolve: (_root, args, ctx, info) =>
      runMutation(ctx, info, args.input, updateRefundRules, async (input, write) => {
        const refund = await write(
          (options) => ctx.stripe.refunds.update(input.refundId, { metadata: toMetadataParam(input.metadata) }, options),
          refundSubject(ctx, input.refundId),
        );
        settle(ctx, 'refund', 'refund.updated', refund);
        return { refund };
      }),
  }),
);

// ── cancelRefund ────────────────────────────────────────────────────────

const CancelRefundInput = builder.inputType('CancelRefundInput', {
  description: 'Cancels a refund that is waiting for the customer (REQUIRES_ACTION); the money stays with the merchant.',
  fields: (t) => ({
    refundId: t.id({ required: true, description: 'The refund (re_… or pyr_…).' }),
    idempotencyKey: idempotencyKeyField(t),
  }),
});

/** The input of a mutation on one refund and nothing else (cancelRefund, expireRefund). */
const refundActionRules = z.object({ refundId: stripeId('Refund'), idempotencyKey: optional(idempotencyKey) });

const CancelRefundPayload = builder.objectRef<{ refund: Stripe.Refund }>('CancelRefundPayload').implement({
  description: 'The canceled refund (failureReason MERCHANT_REQUEST).',
  fields: (t) => ({
    refund: t.expose('refund', { type: RefundRef, description: 'The refund as Stripe returned it after the change.' }),
  }),
});

builder.mutationField('cancelRefund', (t) =>
  t.field({
    type: CancelRefundPayload,
    description: 'Cancels a REQUIRES_ACTION refund. Any other status is refused with InvalidStateError.',
    authScopes: { 'refunds:write': true },
    unauthorizedError: auditedRefusal,
    args: { input: t.arg({ type: CancelRefundInput, required: true, description: INPUT_ARG_DESCRIPTION }) },
    errors: {
      types: [InvalidInputError, NotFoundError, RefundInvalidStateError, IdempotencyConflictError],
      directResult: true,
      union: { name: 'CancelRefundResult', description: resultDescription('cancelRefund') },
    },
    resolve: (_root, args, ctx, info) =>
      runMutation(ctx, info, args.input, refundActionRules, async (input, write) => {
        const refund = await write(
          (options) => ctx.stripe.refunds.cancel(input.refundId, {}, options),
          refundSubject(ctx, input.refundId),
        );
        settle(ctx, 'refund', 'refund.updated', refund);
        return { refund };
      }),
  }),
);

// ── expireRefund (test helper) ──────────────────────────────────────────

const ExpireRefundInput = builder.inputType('ExpireRefundInput', {
  description: 'Test mode: ends a REQUIRES_ACTION refund as if the customer never answered the instructions email.',
  fields: (t) => ({
    refundId: t.id({ required: true, description: 'The refund (re_… or pyr_…).' }),
    idempotencyKey: idempotencyKeyField(t),
  }),
});

const ExpireRefundPayload = builder.objectRef<{ refund: Stripe.Refund }>('ExpireRefundPayload').implement({
  description: 'The expired refund.',
  fields: (t) => ({
    refund: t.expose('refund', { type: RefundRef, description: 'The refund as Stripe returned it after the change.' }),
  }),
});

builder.mutationField('expireRefund', (t) =>
  t.field({
    type: ExpireRefundPayload,
    description:
      'Test helper: expires a REQUIRES_ACTION refund. Refused with TestModeOnlyError under a live key, InvalidStateError in any other status.',
    authScopes: { test_helpers: true },
    unauthorizedError: auditedRefusal,
    args: { input: t.arg({ type: ExpireRefundInput, required: true, description: INPUT_ARG_DESCRIPTION }) },
    errors: {
      types: [InvalidInputError, TestModeOnlyError, NotFoundError, RefundInvalidStateError, IdempotencyConflictError],
      directResult: true,
      union: { name: 'ExpireRefundResult', description: resultDescription('expireRefund') },
    },
    resolve: (_root, args, ctx, info) =>
      runTestHelper(ctx, info, args.input, refundActionRules, async (input, write) => {
        const refund = await write(
          (options) => ctx.stripe.testHelpers.refunds.expire(input.refundId, {}, options),
          refundSubject(ctx, input.refundId),
        );
        settle(ctx, 'refund', refund.status === 'failed' ? 'refund.failed' : 'refund.updated', refund);
        return { refund };
      }),
  }),
);
