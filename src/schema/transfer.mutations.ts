import type Stripe from 'stripe';
import { z } from 'zod';
import { builder } from './builder.js';
import type { Context } from '../context.js';
import { TransferRef, TransferReversalRef } from './transfer.js';
import { parseReversalNodeId } from '../stripe/ids.js';
import { settle } from '../events/settle.js';
import {
  amount,
  currency,
  idempotencyKey,
  idempotencyKeyField,
  INPUT_ARG_DESCRIPTION,
  metadata,
  metadataField,
  optional,
  stripeId,
  text,
  toMetadataParam,
} from './mutation-input.js';
import { auditedRefusal } from './mutation-audit.js';
import { runMutation } from './mutation-run.js';
import { reader, stateSubject, type WriteSubject } from './stripe-write.js';
import {
  AmountTooLargeError,
  IdempotencyConflictError,
  InvalidInputError,
  TransferInvalidStateError,
  NotFoundError,
  resultDescription,
} from './user-errors.js';

const connectedAccountId = z.string().regex(/^acct_[A-Za-z0-9]+$/, 'must be a connected account id (acct_…)');
const transferId = stripeId('Transfer');

/** A transfer named by the input (none for a create): whether it is fully reversed, for TransferInvalidStateError. */
function transferSubject(ctx: Context, id?: string): WriteSubject {
  return {
    ...stateSubject(ctx, 'transfer', id, (tr) => tr.reversed, (message, reversed) => new TransferInvalidStateError(message, reversed)),
    ...(id ? { remainder: reader(ctx, 'transfer', id, (tr) => tr.amount - tr.amount_reversed) } : {}),
  };
}

// ── createTransfer ──────────────────────────────────────────────────────

const CreateTransferInput = builder.inputType('CreateTransferInput', {
  description: 'Moves money from the platform balance to a connected account (Connect).',
  fields: (t) => ({
    amount: t.int({ required: true, description: 'Amount in the smallest currency unit; a positive integer.' }),
    currency: t.field({ type: 'Currency', required: true, description: 'Three-letter ISO currency code, e.g. "usd".' }),
    destination: t.id({ required: true, description: 'The connected account receiving the funds (acct_…).' }),
    description: t.string({ description: 'An arbitrary string attached to the transfer (≤1000 characters).' }),
    sourceTransaction: t.id({ description: 'A charge (ch_…) whose funds this transfer is tied to; it waits for them to be available.' }),
    transferGroup: t.string({ description: 'Groups this transfer with related charges and transfers.' }),
    metadata: metadataField(t, 'transfer', { update: false }),
    idempotencyKey: idempotencyKeyField(t),
  }),
});

const createTransferRules = z.object({
  amount,
  currency,
  destination: connectedAccountId,
  description: optional(text(1000)),
  sourceTransaction: optional(stripeId('Charge')),
  transferGroup: optional(text(500)),
  metadata: optional(metadata),
  idempotencyKey: optional(idempotencyKey),
});

const CreateTransferPayload = builder.objectRef<{ transfer: Stripe.Transfer }>('CreateTransferPayload').implement({
  description: 'The new transfer.',
  fields: (t) => ({
    transfer: t.expose('transfer', { type: TransferRef, description: 'The transfer as Stripe returned it after the change.' }),
  }),
});

builder.mutationField('createTransfer', (t) =>
  t.field({
    type: CreateTransferPayload,
    description: 'Creates a transfer to a connected account. Refused with AmountTooLargeError when the balance cannot cover it.',
    authScopes: { 'transfers:write': true },
    unauthorizedError: auditedRefusal,
    args: { input: t.arg({ type: CreateTransferInput, required: true, description: INPUT_ARG_DESCRIPTION }) },
    errors: {
      types: [InvalidInputError, NotFoundError, AmountTooLargeError, TransferInvalidStateError, IdempotencyConflictError],
      directResult: true,
      union: { name: 'CreateTransferResult', description: resultDescription('createTransfer') },
    },
    resolve: (_root, args, ctx, info) =>
      runMutation(ctx, info, args.input, createTransferRules, async (input, write) => {
        const transfer = await write((options) =>
          ctx.stripe.transfers.create(
            {
              amount: input.amount,
              currency: input.currency,
              destination: input.destination,
              description: input.description,
              source_transaction: input.sourceTransaction,
              transfer_group: input.transferGroup,
              metadata: toMetadataParam(input.metadata),
            },
            options,
          ),
          transferSubject(ctx),
        );
        settle(ctx, 'transfer', 'transfer.created', transfer);
        return { transfer };
      }),
  }),
);

// ── updateTransfer ──────────────────────────────────────────────────────

const UpdateTransferInput = builder.inputType('UpdateTransferInput', {
  description: 'Changes a transfer’s description and/or metadata (give at least one).',
  fields: (t) => ({
    transferId: t.id({ required: true, description: 'The transfer (tr_…).' }),
    description: t.string({ description: 'The new description; "" removes it.' }),
    metadata: metadataField(t, 'transfer', { update: true }),
    idempotencyKey: idempotencyKeyField(t),
  }),
});

const updateTransferRules = z
  .object({ transferId, description: optional(text(1000)), metadata: optional(metadata), idempotencyKey: optional(idempotencyKey) })
  .refine((v) => v.description !== undefined || v.metadata !== undefined, {
    message: 'give description, metadata or both',
    path: ['description'],
  });

const UpdateTransferPayload = builder.objectRef<{ transfer: Stripe.Transfer }>('UpdateTransferPayload').implement({
  description: 'The transfer after the change.',
  fields: (t) => ({
    transfer: t.expose('transfer', { type: TransferRef, description: 'The transfer as Stripe returned it after the change.' }),
  }),
});

builder.mutationField('updateTransfer', (t) =>
  t.field({
    type: UpdateTransferPayload,
    description: 'Updates a transfer’s description and metadata (null or "" removes a metadata key; keys left out are kept).',
    authScopes: { 'transfers:write': true },
    unauthorizedError: auditedRefusal,
    args: { input: t.arg({ type: UpdateTransferInput, required: true, description: INPUT_ARG_DESCRIPTION }) },
    errors: {
      types: [InvalidInputError, NotFoundError, IdempotencyConflictError],
      directResult: true,
      union: { name: 'UpdateTransferResult', description: resultDescription('updateTransfer') },
    },
    resolve: (_root, args, ctx, info) =>
      runMutation(ctx, info, args.input, updateTransferRules, async (input, write) => {
        const transfer = await write(
          (options) =>
            ctx.stripe.transfers.update(input.transferId, { description: input.description, metadata: toMetadataParam(input.metadata) }, options),
          transferSubject(ctx, input.transferId),
        );
        settle(ctx, 'transfer', 'transfer.updated', transfer);
        return { transfer };
      }),
  }),
);

// ── createTransferReversal ──────────────────────────────────────────────

const CreateTransferReversalInput = builder.inputType('CreateTransferReversalInput', {
  description: 'Takes back all or part of a transfer from the connected account.',
  fields: (t) => ({
    transferId: t.id({ required: true, description: 'The transfer to reverse (tr_…).' }),
    amount: t.int({ description: 'How much to reverse (smallest currency unit); defaults to everything not yet reversed.' }),
    description: t.string({ description: 'An arbitrary string attached to the reversal.' }),
    refundApplicationFee: t.boolean({ description: 'Also refund the application fee of the charge the transfer came from, pro rata.' }),
    metadata: metadataField(t, 'reversal', { update: false }),
    idempotencyKey: idempotencyKeyField(t),
  }),
});

const createTransferReversalRules = z.object({
  transferId,
  amount: optional(amount),
  description: optional(text(1000)),
  refundApplicationFee: optional(z.boolean()),
  metadata: optional(metadata),
  idempotencyKey: optional(idempotencyKey),
});

const CreateTransferReversalPayload = builder
  .objectRef<{ reversal: Stripe.TransferReversal; transfer: Stripe.Transfer }>('CreateTransferReversalPayload')
  .implement({
    description: 'The new reversal and the transfer it reverses.',
    fields: (t) => ({
      reversal: t.expose('reversal', { type: TransferReversalRef, description: 'The new reversal.' }),
      transfer: t.expose('transfer', {
        type: TransferRef,
        description: 'The transfer read again after the reversal: amountReversed includes it, reversed is true once nothing is left.',
      }),
    }),
  });

builder.mutationField('createTransferReversal', (t) =>
  t.field({
    type: CreateTransferReversalPayload,
    description:
      'Reverses a transfer in full or in part. More than the unreversed remainder is refused with AmountTooLargeError ' +
      '(maxAmount = the remainder); a fully reversed transfer with InvalidStateError.',
    authScopes: { 'transfers:write': true },
    unauthorizedError: auditedRefusal,
    args: { input: t.arg({ type: CreateTransferReversalInput, required: true, description: INPUT_ARG_DESCRIPTION }) },
    errors: {
      types: [InvalidInputError, NotFoundError, AmountTooLargeError, TransferInvalidStateError, IdempotencyConflictError],
      directResult: true,
      union: { name: 'CreateTransferReversalResult', description: resultDescription('createTransferReversal') },
    },
    resolve: (_root, args, ctx, info) =>
      runMutation(ctx, info, args.input, createTransferReversalRules, async (input, write) => {
        const reversal = await write(
          (options) =>
            ctx.stripe.transfers.createReversal(
              input.transferId,
              {
                amount: input.amount,
                description: input.description,
                refund_application_fee: input.refundApplicationFee,
                metadata: toMetadataParam(input.metadata),
              },
              options,
            ),
          transferSubject(ctx, input.transferId),
        );
        // Stripe returns only the reversal; the transfer changed too (amount_reversed, reversals), so read it fresh.
        const transfer = await ctx.stripe.transfers.retrieve(input.transferId, {}, ctx.requestOptions);
        ctx.loaders.prime('transferReversal', reversal);
        settle(ctx, 'transfer', 'transfer.reversed', transfer);
        return { reversal, transfer };
      }),
  }),
);

// ── updateTransferReversal ──────────────────────────────────────────────

const UpdateTransferReversalInput = builder.inputType('UpdateTransferReversalInput', {
  description: 'Changes a transfer reversal’s metadata.',
  fields: (t) => ({
    reversalId: t.id({
      required: true,
      description: 'The reversal: its node id (trr_…:tr_…), or its trr_… id together with transferId.',
    }),
    transferId: t.id({ description: 'The reversed transfer (tr_…); needed when reversalId is a bare trr_… id.' }),
    metadata: metadataField(t, 'reversal', { update: true, required: true }),
    idempotencyKey: idempotencyKeyField(t),
  }),
});

/** Accepts the reversal's node id ('trr_…:tr_…') or its trr_ id plus transferId, and yields both ids. */
const updateTransferReversalRules = z
  .object({
    reversalId: z.string(),
    transferId: optional(transferId),
    metadata,
    idempotencyKey: optional(idempotencyKey),
  })
  .transform((v, ctx) => {
    const fromNodeId = parseReversalNodeId(v.reversalId);
    const ids = fromNodeId ?? (v.transferId && stripeId('TransferReversal').safeParse(v.reversalId).success
      ? { reversalId: v.reversalId, transferId: v.transferId }
      : null);
    if (!ids) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['reversalId'], message: 'must be a reversal node id (trr_…:tr_…), or a trr_… id with transferId' });
      return z.NEVER;
    }
    if (fromNodeId && v.transferId && v.transferId !== fromNodeId.transferId) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['transferId'], message: 'does not match the transfer in reversalId' });
      return z.NEVER;
    }
    return { ...ids, metadata: v.metadata, idempotencyKey: v.idempotencyKey };
  });

const UpdateTransferReversalPayload = builder
  .objectRef<{ reversal: Stripe.TransferReversal }>('UpdateTransferReversalPayload')
  .implement({
    description: 'The reversal with its new metadata.',
    fields: (t) => ({
      reversal: t.expose('reversal', { type: TransferReversalRef, description: 'The reversal after the change.' }),
    }),
  });

builder.mutationField('updateTransferReversal', (t) =>
  t.field({
    type: UpdateTransferReversalPayload,
    description: 'Sets or removes metadata keys on a transfer reversal (null or "" removes a key; keys left out are kept).',
    authScopes: { 'transfers:write': true },
    unauthorizedError: auditedRefusal,
    args: { input: t.arg({ type: UpdateTransferReversalInput, required: true, description: INPUT_ARG_DESCRIPTION }) },
    errors: {
      types: [InvalidInputError, NotFoundError, IdempotencyConflictError],
      directResult: true,
      union: { name: 'UpdateTransferReversalResult', description: resultDescription('updateTransferReversal') },
    },
    resolve: (_root, args, ctx, info) =>
      runMutation(ctx, info, args.input, updateTransferReversalRules, async (input, write) => {
        const reversal = await write(
          (options) =>
            ctx.stripe.transfers.updateReversal(input.transferId, input.reversalId, { metadata: toMetadataParam(input.metadata) }, options),
          { id: input.reversalId },
        );
        // Stripe sends no event for a reversal's metadata, so there is nothing to publish.
        ctx.loaders.prime('transferReversal', reversal);
        return { reversal };
      }),
  }),
);
