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
  stripeId,
  toMetadataParam,
} from './mutation-input.js';
import {
  actionMutation,
  idempotencyKeyField,
  metadataField,
  metadataUpdateMutation,
  reader,
  resourceMutation,
  type MutatedResource,
} from './mutation-support.js';
import {
  AmountTooLargeError,
  IdempotencyConflictError,
  InvalidStateError,
  NotFoundError,
  TestModeOnlyError,
} from './user-errors.js';

const refunds: MutatedResource<'refund'> = {
  kind: 'refund',
  ref: RefundRef,
  noun: 'refund',
  idType: 'Refund',
  idDescription: 'The refund (re_… or pyr_…).',
  subject: (ctx, id) => ({ id, status: reader(ctx, 'refund', id, (r) => r.status) }),
};

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

resourceMutation(refunds, {
  name: 'createRefund',
  scope: 'refunds:write',
  description:
    'Refunds a charge. Refused with AmountTooLargeError when the amount exceeds what is left to refund (maxAmount says how much is).',
  input: CreateRefundInput,
  rules: createRefundRules,
  payloadDescription: 'The new refund (SUCCEEDED, PENDING or REQUIRES_ACTION).',
  errors: [NotFoundError, AmountTooLargeError, InvalidStateError, IdempotencyConflictError],
  subject: (ctx, input) => ({
    id: input.chargeId ?? input.paymentIntentId!,
    remainder: unrefunded(ctx, input.chargeId, input.paymentIntentId),
  }),
  eventType: 'refund.created',
  write: (stripe, input, options) =>
    stripe.refunds.create(
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
});

// ── updateRefund / cancelRefund / expireRefund ───────────────────────────

metadataUpdateMutation(refunds, {
  name: 'updateRefund',
  scope: 'refunds:write',
  inputDescription: 'Changes a refund’s metadata (the only thing Stripe lets you change).',
  payloadDescription: 'The refund with its new metadata.',
  description: 'Sets or removes metadata keys on a refund (null or "" removes a key; keys left out are kept).',
  eventType: 'refund.updated',
  call: (stripe, id, params, options) => stripe.refunds.update(id, params, options),
});

actionMutation(refunds, {
  name: 'cancelRefund',
  scope: 'refunds:write',
  inputDescription: 'Cancels a refund that is waiting for the customer (REQUIRES_ACTION); the money stays with the merchant.',
  payloadDescription: 'The canceled refund (failureReason MERCHANT_REQUEST).',
  description: 'Cancels a REQUIRES_ACTION refund. Any other status is refused with InvalidStateError.',
  errors: [NotFoundError, InvalidStateError, IdempotencyConflictError],
  eventType: 'refund.updated',
  call: (stripe, id, options) => stripe.refunds.cancel(id, {}, options),
});

actionMutation(refunds, {
  name: 'expireRefund',
  scope: 'test_helpers',
  inputDescription: 'Test mode: ends a REQUIRES_ACTION refund as if the customer never answered the instructions email.',
  payloadDescription: 'The expired refund.',
  description:
    'Test helper: expires a REQUIRES_ACTION refund. Refused with TestModeOnlyError under a live key, InvalidStateError in any other status.',
  errors: [TestModeOnlyError, NotFoundError, InvalidStateError, IdempotencyConflictError],
  eventType: (refund) => (refund.status === 'failed' ? 'refund.failed' : 'refund.updated'),
  call: (stripe, id, options) => stripe.testHelpers.refunds.expire(id, {}, options),
});
