import type Stripe from 'stripe';
import { z } from 'zod';
import { builder } from './builder.js';
import type { Context } from '../context.js';
import { RefundReason, RefundRef } from './refund.js';
import { idOf } from './expandable.js';
import {
  amount,
  email,
  exactlyOne,
  idempotencyKey,
  knownEnumValue,
  metadata,
  optional,
  parseInput,
  stripeId,
  toMetadataParam,
} from './mutation-input.js';
import {
  assertTestMode,
  idempotencyKeyField,
  metadataField,
  mutationErrors,
  payloadType,
  reader,
  settle,
  stripeWrite,
  inputArg,
} from './mutation-support.js';
import {
  AmountTooLargeError,
  IdempotencyConflictError,
  InvalidStateError,
  NotFoundError,
  TestModeOnlyError,
} from './user-errors.js';

type RefundPayload = { refund: Stripe.Refund };

function refundPayload(name: string, description: string) {
  return payloadType<RefundPayload>(name, description, {
    refund: { type: RefundRef, description: 'The refund as Stripe returned it after the change.' },
  });
}

function refundSubject(ctx: Context, id: string) {
  return { id, status: reader(ctx, 'refund', id, (r) => r.status) };
}

const refundIdInput = stripeId('Refund');

// ── createRefund ─────────────────────────────────────────────────────────

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

const CreateRefundPayload = refundPayload('CreateRefundPayload', 'The new refund (SUCCEEDED, PENDING or REQUIRES_ACTION).');

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

builder.mutationField('createRefund', (t) =>
  t.field({
    type: CreateRefundPayload,
    description:
      'Refunds a charge. Refused with AmountTooLargeError when the amount exceeds what is left to refund (maxAmount says how much is).',
    args: { input: inputArg(t.arg, CreateRefundInput) },
    errors: mutationErrors('createRefund', [NotFoundError, AmountTooLargeError, InvalidStateError, IdempotencyConflictError]),
    resolve: async (_root, args, ctx) => {
      const input = parseInput(createRefundRules, args.input);
      const subject = {
        id: input.chargeId ?? input.paymentIntentId!,
        remainder: unrefunded(ctx, input.chargeId, input.paymentIntentId),
      };
      const refund = await stripeWrite(ctx, { mutation: 'createRefund', idempotencyKey: input.idempotencyKey, subject }, (options) =>
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
      );
      settle(ctx, 'refund', 'refund.created', refund);
      return { refund };
    },
  }),
);

// ── updateRefund ─────────────────────────────────────────────────────────

const UpdateRefundInput = builder.inputType('UpdateRefundInput', {
  description: 'Changes a refund’s metadata (the only thing Stripe lets you change).',
  fields: (t) => ({
    refundId: t.id({ required: true, description: 'The refund (re_… or pyr_…).' }),
    metadata: metadataField(t, 'refund', { update: true, required: true }),
    idempotencyKey: idempotencyKeyField(t),
  }),
});

const updateRefundRules = z.object({ refundId: refundIdInput, metadata, idempotencyKey: optional(idempotencyKey) });

const UpdateRefundPayload = refundPayload('UpdateRefundPayload', 'The refund with its new metadata.');

builder.mutationField('updateRefund', (t) =>
  t.field({
    type: UpdateRefundPayload,
    description: 'Sets or removes metadata keys on a refund (null or "" removes a key; keys left out are kept).',
    args: { input: inputArg(t.arg, UpdateRefundInput) },
    errors: mutationErrors('updateRefund', [NotFoundError, IdempotencyConflictError]),
    resolve: async (_root, args, ctx) => {
      const input = parseInput(updateRefundRules, args.input);
      const refund = await stripeWrite(
        ctx,
        { mutation: 'updateRefund', idempotencyKey: input.idempotencyKey, subject: refundSubject(ctx, input.refundId) },
        (options) => ctx.stripe.refunds.update(input.refundId, { metadata: toMetadataParam(input.metadata) }, options),
      );
      settle(ctx, 'refund', 'refund.updated', refund);
      return { refund };
    },
  }),
);

// ── cancelRefund / expireRefund ──────────────────────────────────────────

const refundActionInput = (name: string, description: string) =>
  builder.inputType(name, {
    description,
    fields: (t) => ({
      refundId: t.id({ required: true, description: 'The refund (re_…).' }),
      idempotencyKey: idempotencyKeyField(t),
    }),
  });

const refundActionRules = z.object({ refundId: refundIdInput, idempotencyKey: optional(idempotencyKey) });

const CancelRefundInput = refundActionInput(
  'CancelRefundInput',
  'Cancels a refund that is waiting for the customer (REQUIRES_ACTION); the money stays with the merchant.',
);
const CancelRefundPayload = refundPayload('CancelRefundPayload', 'The canceled refund (failureReason MERCHANT_REQUEST).');

builder.mutationField('cancelRefund', (t) =>
  t.field({
    type: CancelRefundPayload,
    description: 'Cancels a REQUIRES_ACTION refund. Any other status is refused with InvalidStateError.',
    args: { input: inputArg(t.arg, CancelRefundInput) },
    errors: mutationErrors('cancelRefund', [NotFoundError, InvalidStateError, IdempotencyConflictError]),
    resolve: async (_root, args, ctx) => {
      const input = parseInput(refundActionRules, args.input);
      const refund = await stripeWrite(
        ctx,
        { mutation: 'cancelRefund', idempotencyKey: input.idempotencyKey, subject: refundSubject(ctx, input.refundId) },
        (options) => ctx.stripe.refunds.cancel(input.refundId, {}, options),
      );
      settle(ctx, 'refund', 'refund.updated', refund);
      return { refund };
    },
  }),
);

const ExpireRefundInput = refundActionInput(
  'ExpireRefundInput',
  'Test mode: ends a REQUIRES_ACTION refund as if the customer never answered the instructions email.',
);
const ExpireRefundPayload = refundPayload('ExpireRefundPayload', 'The expired refund.');

builder.mutationField('expireRefund', (t) =>
  t.field({
    type: ExpireRefundPayload,
    description:
      'Test helper: expires a REQUIRES_ACTION refund. Refused with TestModeOnlyError under a live key, InvalidStateError in any other status.',
    args: { input: inputArg(t.arg, ExpireRefundInput) },
    errors: mutationErrors('expireRefund', [TestModeOnlyError, NotFoundError, InvalidStateError, IdempotencyConflictError]),
    resolve: async (_root, args, ctx) => {
      assertTestMode(ctx, 'expireRefund');
      const input = parseInput(refundActionRules, args.input);
      const refund = await stripeWrite(
        ctx,
        { mutation: 'expireRefund', idempotencyKey: input.idempotencyKey, subject: refundSubject(ctx, input.refundId) },
        (options) => ctx.stripe.testHelpers.refunds.expire(input.refundId, {}, options),
      );
      settle(ctx, 'refund', refund.status === 'failed' ? 'refund.failed' : 'refund.updated', refund);
      return { refund };
    },
  }),
);
