import type Stripe from 'stripe';
import { z } from 'zod';
import { builder } from './builder.js';
import type { Context } from '../context.js';
import { PayoutRef, PayoutSourceType } from './payout.js';
import { PayoutSpeed } from './external-account.js';
import { settle } from '../events/settle.js';
import {
  amount,
  currency,
  idempotencyKey,
  idempotencyKeyField,
  INPUT_ARG_DESCRIPTION,
  knownEnumValue,
  metadata,
  metadataField,
  optional,
  payoutStatementDescriptor,
  stripeId,
  text,
  toMetadataParam,
} from './mutation-input.js';
import { auditedRefusal } from './mutation-audit.js';
import { runMutation } from './mutation-run.js';
import { stateSubject, type WriteSubject } from './stripe-write.js';
import {
  AmountTooLargeError,
  IdempotencyConflictError,
  InvalidInputError,
  PayoutInvalidStateError,
  NotFoundError,
  resultDescription,
} from './user-errors.js';

/** A payout named by the input (none for a create), its status read for PayoutInvalidStateError. */
function payoutSubject(ctx: Context, id?: string): WriteSubject {
  return stateSubject(ctx, 'payout', id, (p) => p.status, (message, status) => new PayoutInvalidStateError(message, status));
}

/** Where a payout may be sent: one of the account's external accounts (bank account or debit card). */
const externalAccountId = z.string().regex(/^(ba|card)_[A-Za-z0-9]+$/, 'must be a bank account (ba_…) or card (card_…) id');

// ── createPayout ────────────────────────────────────────────────────────

const CreatePayoutInput = builder.inputType('CreatePayoutInput', {
  description: 'Sends money from the Stripe balance to one of the account’s bank accounts or debit cards.',
  fields: (t) => ({
    amount: t.int({ required: true, description: 'Amount in the smallest currency unit (e.g. 1100 = $11.00); a positive integer.' }),
    currency: t.field({ type: 'Currency', required: true, description: 'Three-letter ISO currency code, e.g. "usd".' }),
    description: t.string({ description: 'An arbitrary string attached to the payout (≤1000 characters).' }),
    destination: t.id({ description: 'The external account (ba_… or card_…) to pay out to; defaults to the default one for the currency.' }),
    method: t.field({ type: PayoutSpeed.ref, description: 'STANDARD (default) or INSTANT (debit cards only).' }),
    sourceType: t.field({ type: PayoutSourceType.ref, description: 'Which balance to draw from (CARD by default).' }),
    statementDescriptor: t.string({ description: 'Text on the recipient’s bank statement: ≤22 characters, none of < > \\ \' " *.' }),
    metadata: metadataField(t, 'payout', { update: false }),
    idempotencyKey: idempotencyKeyField(t),
  }),
});

const createPayoutRules = z.object({
  amount,
  currency,
  description: optional(text(1000)),
  destination: optional(externalAccountId),
  method: optional(knownEnumValue),
  sourceType: optional(knownEnumValue),
  statementDescriptor: optional(payoutStatementDescriptor),
  metadata: optional(metadata),
  idempotencyKey: optional(idempotencyKey),
});

const CreatePayoutPayload = builder.objectRef<{ payout: Stripe.Payout }>('CreatePayoutPayload').implement({
  description: 'The new payout (status PENDING).',
  fields: (t) => ({
    payout: t.expose('payout', { type: PayoutRef, description: 'The payout as Stripe returned it after the change.' }),
  }),
});

builder.mutationField('createPayout', (t) =>
  t.field({
    type: CreatePayoutPayload,
    description:
      'Creates a manual payout from the available balance. It starts PENDING and moves to IN_TRANSIT and PAID (or FAILED) by itself.',
    authScopes: { 'payouts:write': true },
    unauthorizedError: auditedRefusal,
    args: { input: t.arg({ type: CreatePayoutInput, required: true, description: INPUT_ARG_DESCRIPTION }) },
    errors: {
      types: [InvalidInputError, NotFoundError, AmountTooLargeError, PayoutInvalidStateError, IdempotencyConflictError],
      directResult: true,
      union: { name: 'CreatePayoutResult', description: resultDescription('createPayout') },
    },
    resolve: (_root, args, ctx, info) =>
      runMutation(ctx, info, args.input, createPayoutRules, async (input, write) => {
        const payout = await write((options) =>
          ctx.stripe.payouts.create(
            {
              amount: input.amount,
              currency: input.currency,
              description: input.description,
              destination: input.destination,
              method: input.method,
              source_type: input.sourceType,
              statement_descriptor: input.statementDescriptor,
              metadata: toMetadataParam(input.metadata),
            },
            options,
          ),
          payoutSubject(ctx),
        );
        settle(ctx, 'payout', 'payout.created', payout);
        return { payout };
      }),
  }),
);

// ── updatePayout ────────────────────────────────────────────────────────

const UpdatePayoutInput = builder.inputType('UpdatePayoutInput', {
  description: 'Changes a payout’s metadata (the only thing Stripe lets you change), in any status.',
  fields: (t) => ({
    payoutId: t.id({ required: true, description: 'The payout (po_…).' }),
    metadata: metadataField(t, 'payout', { update: true, required: true }),
    idempotencyKey: idempotencyKeyField(t),
  }),
});

const updatePayoutRules = z.object({ payoutId: stripeId('Payout'), metadata, idempotencyKey: optional(idempotencyKey) });

const UpdatePayoutPayload = builder.objectRef<{ payout: Stripe.Payout }>('UpdatePayoutPayload').implement({
  description: 'The payout with its new metadata.',
  fields: (t) => ({
    payout: t.expose('payout', { type: PayoutRef, description: 'The payout as Stripe returned it after the change.' }),
  }),
});

builder.mutationField('updatePayout', (t) =>
  t.field({
    type: UpdatePayoutPayload,
    description: 'Sets or removes metadata keys on a payout (null or "" removes a key; keys left out are kept).',
    authScopes: { 'payouts:write': true },
    unauthorizedError: auditedRefusal,
    args: { input: t.arg({ type: UpdatePayoutInput, required: true, description: INPUT_ARG_DESCRIPTION }) },
    errors: {
      types: [InvalidInputError, NotFoundError, IdempotencyConflictError],
      directResult: true,
      union: { name: 'UpdatePayoutResult', description: resultDescription('updatePayout') },
    },
    resolve: (_root, args, ctx, info) =>
      runMutation(ctx, info, args.input, updatePayoutRules, async (input, write) => {
        const payout = await write(
          (options) => ctx.stripe.payouts.update(input.payoutId, { metadata: toMetadataParam(input.metadata) }, options),
          payoutSubject(ctx, input.payoutId),
        );
        settle(ctx, 'payout', 'payout.updated', payout);
        return { payout };
      }),
  }),
);

// ── cancelPayout ────────────────────────────────────────────────────────

const CancelPayoutInput = builder.inputType('CancelPayoutInput', {
  description: 'Cancels a manual payout that is still PENDING; the money goes back to the available balance.',
  fields: (t) => ({
    payoutId: t.id({ required: true, description: 'The payout (po_…).' }),
    idempotencyKey: idempotencyKeyField(t),
  }),
});

const cancelPayoutRules = z.object({ payoutId: stripeId('Payout'), idempotencyKey: optional(idempotencyKey) });

const CancelPayoutPayload = builder.objectRef<{ payout: Stripe.Payout }>('CancelPayoutPayload').implement({
  description: 'The canceled payout; its failureBalanceTransaction (type PAYOUT_CANCEL) returns the funds.',
  fields: (t) => ({
    payout: t.expose('payout', { type: PayoutRef, description: 'The payout as Stripe returned it after the change.' }),
  }),
});

builder.mutationField('cancelPayout', (t) =>
  t.field({
    type: CancelPayoutPayload,
    description:
      'Cancels a PENDING manual payout. Refused with InvalidStateError once it is in transit, paid, failed or canceled, and for automatic payouts.',
    authScopes: { 'payouts:write': true },
    unauthorizedError: auditedRefusal,
    args: { input: t.arg({ type: CancelPayoutInput, required: true, description: INPUT_ARG_DESCRIPTION }) },
    errors: {
      types: [InvalidInputError, NotFoundError, PayoutInvalidStateError, IdempotencyConflictError],
      directResult: true,
      union: { name: 'CancelPayoutResult', description: resultDescription('cancelPayout') },
    },
    resolve: (_root, args, ctx, info) =>
      runMutation(ctx, info, args.input, cancelPayoutRules, async (input, write) => {
        const payout = await write(
          (options) => ctx.stripe.payouts.cancel(input.payoutId, {}, options),
          payoutSubject(ctx, input.payoutId),
        );
        settle(ctx, 'payout', 'payout.canceled', payout);
        return { payout };
      }),
  }),
);

// ── reversePayout ───────────────────────────────────────────────────────

const ReversePayoutInput = builder.inputType('ReversePayoutInput', {
  description:
    'Reverses a payout to a US bank account by debiting that account (Connect). A PENDING manual payout must be canceled instead.',
  fields: (t) => ({
    payoutId: t.id({ required: true, description: 'The payout to reverse (po_…).' }),
    metadata: metadataField(t, 'reversing payout', { update: false }),
    idempotencyKey: idempotencyKeyField(t),
  }),
});

const reversePayoutRules = z.object({
  payoutId: stripeId('Payout'),
  metadata: optional(metadata),
  idempotencyKey: optional(idempotencyKey),
});

const ReversePayoutPayload = builder.objectRef<{ payout: Stripe.Payout; reversal: Stripe.Payout }>('ReversePayoutPayload').implement({
  description: 'Both sides of a payout reversal.',
  fields: (t) => ({
    payout: t.expose('payout', {
      type: PayoutRef,
      description: 'The original payout, read again after the reversal (its reversedBy is the new payout).',
    }),
    reversal: t.expose('reversal', {
      type: PayoutRef,
      description: 'The new reversing payout: negative amount, status PENDING, originalPayout = the original.',
    }),
  }),
});

builder.mutationField('reversePayout', (t) =>
  t.field({
    type: ReversePayoutPayload,
    description:
      'Reverses a payout: Stripe creates a new payout with the negative amount and links the two. Refused with InvalidStateError ' +
      'when the payout is pending (cancel it instead), already reversed, instant, not to a bank account, or older than 90 days.',
    authScopes: { 'payouts:write': true },
    unauthorizedError: auditedRefusal,
    args: { input: t.arg({ type: ReversePayoutInput, required: true, description: INPUT_ARG_DESCRIPTION }) },
    errors: {
      types: [InvalidInputError, NotFoundError, PayoutInvalidStateError, IdempotencyConflictError],
      directResult: true,
      union: { name: 'ReversePayoutResult', description: resultDescription('reversePayout') },
    },
    resolve: (_root, args, ctx, info) =>
      runMutation(ctx, info, args.input, reversePayoutRules, async (input, write) => {
        const reversal = await write(
          (options) => ctx.stripe.payouts.reverse(input.payoutId, { metadata: toMetadataParam(input.metadata) }, options),
          payoutSubject(ctx, input.payoutId),
        );
        // Stripe returns only the reversal; the original changed too (reversed_by), so read it fresh.
        const payout = await ctx.stripe.payouts.retrieve(input.payoutId, {}, ctx.requestOptions);
        settle(ctx, 'payout', 'payout.created', reversal);
        settle(ctx, 'payout', 'payout.updated', payout);
        return { payout, reversal };
      }),
  }),
);
