import type Stripe from 'stripe';
import { builder } from './builder.js';
import { stripeEnum, stripeEnumFields } from './enums.js';
import { expandableFields, expandViaParent, idField } from './expandable.js';
import { BalanceTransactionRef } from './balance-transaction.js';
import { ChargeRef } from './charge.js';
import { PaymentIntentRef } from './payment-intent.js';
import { TransferReversalRef } from './transfer.js';
import { DateTimeRange, definedParams, toStripeRange } from './inputs.js';
import { fetchById, loadNode } from './node.js';
import { fetchConnection } from '../planning/pagination.js';
import { resolveExpandable } from '../planning/expand.js';

// ── Enums ────────────────────────────────────────────────────────────────

export const RefundStatus = stripeEnum('RefundStatus', 'Where a refund is in its life cycle.', {
  pending: 'Submitted, not final yet (see `pendingReason`).',
  requires_action: 'The customer must act before the money can be returned (see `nextAction`); it can still be canceled.',
  succeeded: 'The money was returned. A refund can still fail after this (it then becomes FAILED).',
  failed: 'The refund failed (see `failureReason`); the amount is back in the balance.',
  canceled: 'Canceled before it completed.',
});

export const RefundReason = stripeEnum('RefundReason', 'Why a refund was made, as given when it was created.', {
  duplicate: 'The charge was a duplicate.',
  fraudulent: 'The charge was fraudulent (this also helps Stripe’s fraud detection).',
  requested_by_customer: 'The customer asked for it.',
  expired_uncaptured_charge: 'Stripe refunded an authorization that was never captured before it expired.',
});

export const RefundFailureReason = stripeEnum('RefundFailureReason', 'Why a refund failed.', {
  lost_or_stolen_card: 'The card was reported lost or stolen.',
  expired_or_canceled_card: 'The card expired or was canceled.',
  charge_for_pending_refund_disputed: 'The refunded charge was disputed while the refund was pending.',
  insufficient_funds: 'The balance could not cover the refund.',
  declined: 'The card issuer or bank declined the refund.',
  merchant_request: 'The refund was canceled at the merchant’s request.',
  unknown: 'Stripe does not know why (Stripe’s own `unknown` value).',
});

export const RefundPendingReason = stripeEnum('RefundPendingReason', 'Why a refund is still pending.', {
  processing: 'The payment method’s network is processing it.',
  insufficient_funds: 'The balance is too low; it goes through once funds arrive.',
  charge_pending: 'The refunded charge is itself still pending.',
});

export const RefundCardDestinationType = stripeEnum('RefundCardDestinationType', 'How a card refund reaches the cardholder.', {
  pending: 'Not decided yet.',
  refund: 'A refund sent through the card network.',
  reversal: 'The authorization was reversed, so the charge never settles on the statement.',
});

// ── Nested objects ───────────────────────────────────────────────────────

export const RefundCardDestination = builder.objectRef<Stripe.Refund.DestinationDetails.Card>('RefundCardDestination').implement({
  description: 'Card-specific details of where a refund went.',
  fields: (t) => ({
    reference: t.exposeString('reference', {
      nullable: true,
      description: 'The network’s reference for the refund (an ARN or STAN), which the cardholder’s bank can trace.',
    }),
    referenceStatus: t.exposeString('reference_status', {
      nullable: true,
      description: 'Whether `reference` is `pending`, `available` or `unavailable`.',
    }),
    referenceType: t.exposeString('reference_type', {
      nullable: true,
      description: 'What `reference` is: `acquirer_reference_number` or `system_trace_audit_number`.',
    }),
    ...stripeEnumFields(t, {
      name: 'type',
      type: RefundCardDestinationType,
      key: 'type',
      description: 'How the refund reaches the cardholder.',
    }),
  }),
});

export const RefundDestinationDetails = builder.objectRef<Stripe.Refund.DestinationDetails>('RefundDestinationDetails').implement({
  description: 'Where a refund’s money went, with details for its payment method.',
  fields: (t) => ({
    type: t.exposeString('type', {
      description: 'The payment method type the refund went to (`card`, `us_bank_transfer`, `paypal`, …); names the hash in `typeDetails`.',
    }),
    card: t.field({
      type: RefundCardDestination,
      nullable: true,
      description: 'Details when `type` is `card`.',
      resolve: (details) => details.card,
    }),
    typeDetails: t.field({
      type: 'JSON',
      nullable: true,
      description: 'The payment-method-specific hash named by `type`, as Stripe sent it (often with `reference` and `reference_status`).',
      resolve: (details) => (details as unknown as Record<string, unknown>)[details.type] ?? null,
    }),
  }),
});

export const RefundEmailSent = builder
  .objectRef<Stripe.Refund.NextAction.DisplayDetails.EmailSent>('RefundEmailSent')
  .implement({
    description: 'The email Stripe sent the customer with refund instructions.',
    fields: (t) => ({
      emailSentAt: t.expose('email_sent_at', { type: 'DateTime', description: 'When the email was sent.' }),
      emailSentTo: t.exposeString('email_sent_to', { description: 'The address it was sent to.' }),
    }),
  });

export const RefundDisplayDetails = builder.objectRef<Stripe.Refund.NextAction.DisplayDetails>('RefundDisplayDetails').implement({
  description: 'What to show about a refund that needs the customer to act.',
  fields: (t) => ({
    emailSent: t.field({ type: RefundEmailSent, description: 'The instructions email sent to the customer.', resolve: (d) => d.email_sent }),
    expiresAt: t.expose('expires_at', { type: 'DateTime', description: 'When the customer’s chance to act ends.' }),
  }),
});

export const RefundNextAction = builder.objectRef<Stripe.Refund.NextAction>('RefundNextAction').implement({
  description: 'What must happen next for a refund in REQUIRES_ACTION.',
  fields: (t) => ({
    type: t.exposeString('type', { description: 'The kind of action (e.g. `display_details`).' }),
    displayDetails: t.field({
      type: RefundDisplayDetails,
      nullable: true,
      description: 'Details to show the customer, when `type` is `display_details`.',
      resolve: (action) => action.display_details,
    }),
  }),
});

export const RefundPresentmentDetails = builder.objectRef<Stripe.Refund.PresentmentDetails>('RefundPresentmentDetails').implement({
  description: 'The refund in the currency the customer paid in, when that differs from the settlement currency.',
  fields: (t) => ({
    presentmentAmount: t.exposeInt('presentment_amount', { description: 'The amount in `presentmentCurrency`’s minor units.' }),
    presentmentCurrency: t.expose('presentment_currency', { type: 'Currency', description: 'The currency the customer paid in.' }),
  }),
});

// ── Refund ───────────────────────────────────────────────────────────────

export const RefundRef = builder.objectRef<Stripe.Refund>('Refund');

builder.node(RefundRef, {
  description:
    'Money returned to a customer for a charge. Usually SUCCEEDED at once; some payment methods go PENDING or REQUIRES_ACTION first, and any refund can end FAILED.',
  id: { resolve: (refund) => refund.id, description: 'The refund’s Stripe id (re_…, or pyr_… for a refund of a destination payment).' },
  loadWithoutCache: loadNode('Refund'),
  fields: (t) => ({
    amount: t.exposeInt('amount', { description: 'The amount refunded, in the currency’s minor units (e.g. cents).' }),
    ...expandableFields(t, {
      name: 'balanceTransaction',
      kind: 'balanceTransaction',
      type: BalanceTransactionRef,
      key: 'balance_transaction',
      stripeExpand: 'balance_transaction',
      nullable: true,
      description: 'The balance transaction that took the refund out of the balance.',
      idDescription: 'The id of `balanceTransaction` (txn_…), without loading it.',
    }),
    ...expandableFields(t, {
      name: 'charge',
      kind: 'charge',
      type: ChargeRef,
      key: 'charge',
      stripeExpand: 'charge',
      nullable: true,
      description: 'The charge that was refunded.',
      idDescription: 'The id of `charge` (ch_… or py_…), without loading it.',
    }),
    created: t.expose('created', { type: 'DateTime', description: 'When the refund was created.' }),
    currency: t.expose('currency', { type: 'Currency', description: 'The currency of `amount`.' }),
    customerId: idField(t, 'customer', {
      nullable: true,
      description: 'The customer whose payment was refunded (cus_…), if any.',
    }),
    customerAccount: t.exposeString('customer_account', {
      nullable: true,
      description: 'The id of the customer’s Stripe account (for account-based customers), if any.',
    }),
    description: t.exposeString('description', {
      nullable: true,
      description: 'Your description of the refund (non-card refunds only).',
    }),
    destinationDetails: t.field({
      type: RefundDestinationDetails,
      nullable: true,
      description: 'Where the money went, with payment-method-specific details such as the card network’s reference.',
      resolve: (refund) => refund.destination_details,
    }),
    ...expandableFields(t, {
      name: 'failureBalanceTransaction',
      kind: 'balanceTransaction',
      type: BalanceTransactionRef,
      key: 'failure_balance_transaction',
      stripeExpand: 'failure_balance_transaction',
      nullable: true,
      description: 'When the refund failed or was canceled: the balance transaction that put the amount back in the balance.',
      idDescription: 'The id of `failureBalanceTransaction` (txn_…), without loading it.',
    }),
    ...stripeEnumFields(t, {
      name: 'failureReason',
      type: RefundFailureReason,
      nullable: true,
      key: 'failure_reason',
      description: 'Why the refund failed, when it did.',
    }),
    instructionsEmail: t.exposeString('instructions_email', {
      nullable: true,
      description: 'Where refund instructions are emailed, for payment methods without native refunds.',
    }),
    metadata: t.expose('metadata', { type: 'Metadata', nullable: true, description: 'Your key-value pairs on the refund.' }),
    nextAction: t.field({
      type: RefundNextAction,
      nullable: true,
      description: 'What the customer must do, when `status` is REQUIRES_ACTION.',
      resolve: (refund) => refund.next_action,
    }),
    ...expandableFields(t, {
      name: 'paymentIntent',
      kind: 'paymentIntent',
      type: PaymentIntentRef,
      key: 'payment_intent',
      stripeExpand: 'payment_intent',
      nullable: true,
      description: 'The PaymentIntent whose payment was refunded.',
      idDescription: 'The id of `paymentIntent` (pi_…), without loading it.',
    }),
    paymentMethodId: idField(t, 'payment_method', {
      nullable: true,
      description: 'The payment method the refund goes back to (pm_…), if any.',
    }),
    ...stripeEnumFields(t, {
      name: 'pendingReason',
      type: RefundPendingReason,
      nullable: true,
      key: 'pending_reason',
      description: 'Why the refund is still pending, when it is.',
    }),
    presentmentDetails: t.field({
      type: RefundPresentmentDetails,
      nullable: true,
      description: 'The refund in the customer’s currency, when it differs from `currency`.',
      resolve: (refund) => refund.presentment_details,
    }),
    ...stripeEnumFields(t, {
      name: 'reason',
      type: RefundReason,
      nullable: true,
      key: 'reason',
      description: 'Why the refund was made, if a reason was given.',
    }),
    receiptNumber: t.exposeString('receipt_number', {
      nullable: true,
      description: 'The number on the refund receipt emailed to the customer, if one was sent.',
    }),
    sourceTransferReversal: t.field({
      type: TransferReversalRef,
      nullable: true,
      description: 'For a refund of a destination charge paid by the connected account: the transfer reversal that funded it.',
      extensions: { stripeExpand: 'source_transfer_reversal', stripeViaParent: true },
      resolve: (refund, _args, ctx, info) =>
        typeof refund.source_transfer_reversal === 'string'
          ? expandViaParent(ctx, 'refund', refund.id, 'source_transfer_reversal', (r) => r.source_transfer_reversal)
          : resolveExpandable(ctx, info, 'transferReversal', refund.source_transfer_reversal),
    }),
    sourceTransferReversalId: idField(t, 'source_transfer_reversal', {
      nullable: true,
      description: 'The Stripe id of `sourceTransferReversal` (trr_…), without loading it. Not a node id: see TransferReversal.id.',
    }),
    ...stripeEnumFields(t, {
      name: 'status',
      type: RefundStatus,
      nullable: true,
      key: 'status',
      description: 'Where the refund is in its life cycle.',
    }),
    transferReversal: t.field({
      type: TransferReversalRef,
      nullable: true,
      description: 'When the refund also reversed the transfer of a destination charge: that transfer reversal.',
      extensions: { stripeExpand: 'transfer_reversal', stripeViaParent: true },
      resolve: (refund, _args, ctx, info) =>
        typeof refund.transfer_reversal === 'string'
          ? expandViaParent(ctx, 'refund', refund.id, 'transfer_reversal', (r) => r.transfer_reversal)
          : resolveExpandable(ctx, info, 'transferReversal', refund.transfer_reversal),
    }),
    transferReversalId: idField(t, 'transfer_reversal', {
      nullable: true,
      description: 'The Stripe id of `transferReversal` (trr_…), without loading it. Not a node id: see TransferReversal.id.',
    }),
  }),
});

// ── Queries ──────────────────────────────────────────────────────────────

builder.queryFields((t) => ({
  refund: t.field({
    type: RefundRef,
    nullable: true,
    description: 'One refund by id. Null, with a NOT_FOUND error, if Stripe has no such refund.',
    args: { id: t.arg.id({ required: true, description: 'The refund’s id (re_… or pyr_…).' }) },
    resolve: (_root, args, ctx, info) => fetchById(ctx, info, 'Refund', String(args.id)),
  }),
  refunds: t.connection(
    {
      type: RefundRef,
      description: 'Refunds, newest first.',
      args: {
        charge: t.arg.id({ description: 'Only refunds of this charge (ch_…).' }),
        paymentIntent: t.arg.id({ description: 'Only refunds of this PaymentIntent (pi_…).' }),
        created: t.arg({ type: DateTimeRange, description: 'Only refunds created in this range.' }),
      },
      resolve: (_root, args, ctx, info) =>
        fetchConnection(ctx, info, 'refund', args, (page) =>
          ctx.stripe.refunds.list(
            {
              ...page,
              ...definedParams({
                charge: args.charge == null ? undefined : String(args.charge),
                payment_intent: args.paymentIntent == null ? undefined : String(args.paymentIntent),
                created: toStripeRange(args.created),
              }),
            },
            ctx.requestOptions,
          ),
        ),
    },
    { name: 'RefundConnection', description: 'A page of refunds.' },
    { name: 'RefundEdge', description: 'A refund in a page, with its cursor.' },
  ),
}));
