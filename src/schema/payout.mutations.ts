import type Stripe from 'stripe';
import { z } from 'zod';
import { builder } from './builder.js';
import { PayoutRef, PayoutSourceType } from './payout.js';
import { PayoutSpeed } from './external-account.js';
import {
  amount,
  currency,
  idempotencyKey,
  knownEnumValue,
  metadata,
  optional,
  payoutStatementDescriptor,
  stripeId,
  text,
  toMetadataParam,
} from './mutation-input.js';
import {
  actionMutation,
  defineMutation,
  idempotencyKeyField,
  metadataField,
  metadataUpdateMutation,
  payloadType,
  reader,
  resourceMutation,
  settle,
  stripeWrite,
  type MutatedResource,
} from './mutation-support.js';
import { AmountTooLargeError, IdempotencyConflictError, InvalidStateError, NotFoundError } from './user-errors.js';

/** Where a payout may be sent: one of the account's external accounts (bank account or debit card). */
const externalAccountId = z.string().regex(/^(ba|card)_[A-Za-z0-9]+$/, 'must be a bank account (ba_…) or card (card_…) id');

const payouts: MutatedResource<'payout'> = {
  kind: 'payout',
  ref: PayoutRef,
  noun: 'payout',
  idType: 'Payout',
  idDescription: 'The payout (po_…).',
  subject: (ctx, id) => ({ id, status: reader(ctx, 'payout', id, (p) => p.status) }),
};

// ── createPayout ─────────────────────────────────────────────────────────

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


resourceMutation(payouts, {
  name: 'createPayout',
  scope: 'payouts:write',
  description:
    'Creates a manual payout from the available balance. It starts PENDING and moves to IN_TRANSIT and PAID (or FAILED) by itself.',
  input: CreatePayoutInput,
  rules: createPayoutRules,
  payloadDescription: 'The new payout (status PENDING).',
  errors: [NotFoundError, AmountTooLargeError, InvalidStateError, IdempotencyConflictError],
  eventType: 'payout.created',
  write: (stripe, input, options) =>
    stripe.payouts.create(
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
});

// ── updatePayout / cancelPayout ──────────────────────────────────────────

metadataUpdateMutation(payouts, {
  name: 'updatePayout',
  scope: 'payouts:write',
  inputDescription: 'Changes a payout’s metadata (the only thing Stripe lets you change), in any status.',
  payloadDescription: 'The payout with its new metadata.',
  description: 'Sets or removes metadata keys on a payout (null or "" removes a key; keys left out are kept).',
  eventType: 'payout.updated',
  call: (stripe, id, params, options) => stripe.payouts.update(id, params, options),
});

actionMutation(payouts, {
  name: 'cancelPayout',
  scope: 'payouts:write',
  inputDescription: 'Cancels a manual payout that is still PENDING; the money goes back to the available balance.',
  payloadDescription: 'The canceled payout; its failureBalanceTransaction (type PAYOUT_CANCEL) returns the funds.',
  description:
    'Cancels a PENDING manual payout. Refused with InvalidStateError once it is in transit, paid, failed or canceled, and for automatic payouts.',
  errors: [NotFoundError, InvalidStateError, IdempotencyConflictError],
  eventType: 'payout.canceled',
  call: (stripe, id, options) => stripe.payouts.cancel(id, {}, options),
});

// ── reversePayout ────────────────────────────────────────────────────────

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

const ReversePayoutPayload = payloadType<{ payout: Stripe.Payout; reversal: Stripe.Payout }>(
  'ReversePayoutPayload',
  'Both sides of a payout reversal.',
  {
    payout: { type: PayoutRef, description: 'The original payout, read again after the reversal (its reversedBy is the new payout).' },
    reversal: { type: PayoutRef, description: 'The new reversing payout: negative amount, status PENDING, originalPayout = the original.' },
  },
);

defineMutation({
  name: 'reversePayout',
  scope: 'payouts:write',
  description:
    'Reverses a payout: Stripe creates a new payout with the negative amount and links the two. Refused with InvalidStateError ' +
    'when the payout is pending (cancel it instead), already reversed, instant, not to a bank account, or older than 90 days.',
  input: ReversePayoutInput,
  rules: reversePayoutRules,
  payload: ReversePayoutPayload,
  errors: [NotFoundError, InvalidStateError, IdempotencyConflictError],
  resolve: async (ctx, input) => {
    const reversal = await stripeWrite(
      ctx,
      { mutation: 'reversePayout', idempotencyKey: input.idempotencyKey, subject: payouts.subject(ctx, input.payoutId) },
      (options) => ctx.stripe.payouts.reverse(input.payoutId, { metadata: toMetadataParam(input.metadata) }, options),
    );
    // Stripe returns only the reversal; the original changed too (reversed_by), so read it fresh.
    const payout = await ctx.stripe.payouts.retrieve(input.payoutId, {}, ctx.requestOptions);
    settle(ctx, 'payout', 'payout.created', reversal);
    settle(ctx, 'payout', 'payout.updated', payout);
    return { payout, reversal };
  },
});
