import type Stripe from 'stripe';
import { builder } from './builder.js';
import { expandableFields, idField, idOf } from './expandable.js';
import { BalanceTransactionRef } from './balance-transaction.js';
import { ChargeRef } from './charge.js';
import { RefundRef } from './refund.js';
import { DateTimeRange, definedParams, toStripeRange } from './inputs.js';
import { assertIdOf, fetchById, loadNode } from './node.js';
import { fetchConnection, type StripePageParams } from '../planning/pagination.js';
import { reversalNodeId } from '../stripe/ids.js';

// ── TransferReversal ─────────────────────────────────────────────────────

export const TransferReversalRef = builder.objectRef<Stripe.TransferReversal>('TransferReversal');

builder.node(TransferReversalRef, {
  description:
    'Money taken back from a connected account out of an earlier transfer, in full or in part. Stripe reaches a reversal only through its transfer.',
  id: {
    description:
      'The reversal’s node id, "trr_…:tr_…": its Stripe id and its transfer’s, because Stripe fetches a reversal only through its transfer. Use it with `node(id:)`; the bare Stripe id is `reversalId`.',
    resolve: (reversal) => reversalNodeId(reversal.id, idOf(reversal.transfer)!),
  },
  loadWithoutCache: loadNode('TransferReversal'),
  fields: (t) => ({
    reversalId: t.exposeID('id', {
      description: 'The reversal’s own Stripe id (trr_…), as the dashboard and webhooks show it. Not a node id: see `id`.',
    }),
    amount: t.exposeInt('amount', { description: 'The amount reversed, in the currency’s minor units (e.g. cents).' }),
    ...expandableFields(t, {
      name: 'balanceTransaction',
      kind: 'balanceTransaction',
      type: BalanceTransactionRef,
      key: 'balance_transaction',
      stripeExpand: 'balance_transaction',
      nullable: true,
      description: 'The balance transaction that returned the amount to the platform’s balance.',
      idDescription: 'The id of `balanceTransaction` (txn_…), without loading it.',
    }),
    created: t.expose('created', { type: 'DateTime', description: 'When the reversal was created.' }),
    currency: t.expose('currency', { type: 'Currency', description: 'The currency of `amount`.' }),
    ...expandableFields(t, {
      name: 'destinationPaymentRefund',
      kind: 'refund',
      type: RefundRef,
      key: 'destination_payment_refund',
      stripeExpand: 'destination_payment_refund',
      nullable: true,
      description: 'The refund, on the connected account, of the payment the transfer created there.',
      idDescription: 'The id of `destinationPaymentRefund` (pyr_…), without loading it.',
    }),
    metadata: t.expose('metadata', { type: 'Metadata', nullable: true, description: 'Your key-value pairs on the reversal.' }),
    ...expandableFields(t, {
      name: 'sourceRefund',
      kind: 'refund',
      type: RefundRef,
      key: 'source_refund',
      stripeExpand: 'source_refund',
      nullable: true,
      description: 'When a refund of the source charge caused this reversal: that refund.',
      idDescription: 'The id of `sourceRefund` (re_…), without loading it.',
    }),
    ...expandableFields(t, {
      name: 'transfer',
      kind: 'transfer',
      type: TransferRef,
      key: 'transfer',
      stripeExpand: 'transfer',
      nullable: false,
      description: 'The transfer this reverses.',
      idDescription: 'The id of `transfer` (tr_…), without loading it.',
    }),
  }),
});

// ── Transfer ─────────────────────────────────────────────────────────────

export const TransferRef = builder.objectRef<Stripe.Transfer>('Transfer');

/**
 * The first page of a transfer's reversals, served from the list Stripe embeds
 * in the transfer when that is enough (no cursor given): no extra upstream call.
 */
function embeddedReversalPage(transfer: Stripe.Transfer, page: StripePageParams, last: number | null | undefined) {
  const embedded = transfer.reversals;
  if (!embedded || page.starting_after || page.ending_before || last != null) return null;
  if (embedded.data.length < page.limit && embedded.has_more) return null;
  return { ...embedded, data: embedded.data.slice(0, page.limit), has_more: embedded.has_more || embedded.data.length > page.limit };
}

builder.node(TransferRef, {
  description: 'Money sent from the platform’s balance to a connected Stripe account (Connect). It can be reversed, in part or in full.',
  id: { resolve: (transfer) => transfer.id, description: 'The transfer’s Stripe id (tr_…).' },
  loadWithoutCache: loadNode('Transfer'),
  fields: (t) => ({
    amount: t.exposeInt('amount', { description: 'The amount transferred, in the currency’s minor units (e.g. cents).' }),
    amountReversed: t.exposeInt('amount_reversed', { description: 'How much has been reversed so far, in minor units.' }),
    ...expandableFields(t, {
      name: 'balanceTransaction',
      kind: 'balanceTransaction',
      type: BalanceTransactionRef,
      key: 'balance_transaction',
      stripeExpand: 'balance_transaction',
      nullable: true,
      description: 'The balance transaction that took the transfer out of the platform’s balance.',
      idDescription: 'The id of `balanceTransaction` (txn_…), without loading it.',
    }),
    created: t.expose('created', { type: 'DateTime', description: 'When the transfer was created.' }),
    currency: t.expose('currency', { type: 'Currency', description: 'The currency of `amount`.' }),
    description: t.exposeString('description', { nullable: true, description: 'Your description of the transfer.' }),
    destinationId: idField(t, 'destination', {
      nullable: true,
      description: 'The connected account that received the transfer (acct_…).',
    }),
    ...expandableFields(t, {
      name: 'destinationPayment',
      kind: 'charge',
      type: ChargeRef,
      key: 'destination_payment',
      stripeExpand: 'destination_payment',
      nullable: true,
      description: 'The payment the transfer created on the connected account (it lives on that account).',
      idDescription: 'The id of `destinationPayment` (py_…), without loading it.',
    }),
    livemode: t.exposeBoolean('livemode', { description: 'True in live mode, false in test mode.' }),
    metadata: t.expose('metadata', { type: 'Metadata', description: 'Your key-value pairs on the transfer.' }),
    reversals: t.connection(
      {
        type: TransferReversalRef,
        description: 'The transfer’s reversals, newest first.',
        extensions: { stripeList: 'reversals' },
        resolve: (transfer, args, ctx, info) =>
          fetchConnection(ctx, info, 'transferReversal', args, async (page) =>
            embeddedReversalPage(transfer, page, args.last) ??
            ctx.stripe.transfers.listReversals(transfer.id, page, ctx.requestOptions),
          ),
      },
      { name: 'TransferReversalConnection', description: 'A page of transfer reversals.' },
      { name: 'TransferReversalEdge', description: 'A transfer reversal in a page, with its cursor.' },
    ),
    reversed: t.exposeBoolean('reversed', { description: 'True once the whole amount has been reversed.' }),
    ...expandableFields(t, {
      name: 'sourceTransaction',
      kind: 'charge',
      type: ChargeRef,
      key: 'source_transaction',
      stripeExpand: 'source_transaction',
      nullable: true,
      description: 'The charge whose funds paid for this transfer, when it was tied to one.',
      idDescription: 'The id of `sourceTransaction` (ch_…), without loading it.',
    }),
    sourceType: t.exposeString('source_type', {
      nullable: true,
      description: 'Which part of the balance the transfer drew from: `card`, `bank_account` or `fpx`.',
    }),
    transferGroup: t.exposeString('transfer_group', {
      nullable: true,
      description: 'Your label grouping this transfer with related charges and transfers.',
    }),
  }),
});

// ── Queries ──────────────────────────────────────────────────────────────

builder.queryFields((t) => ({
  transfer: t.field({
    type: TransferRef,
    nullable: true,
    description: 'One transfer by id. Null, with a NOT_FOUND error, if Stripe has no such transfer.',
    args: { id: t.arg.id({ required: true, description: 'The transfer’s id (tr_…).' }) },
    resolve: (_root, args, ctx, info) => fetchById(ctx, info, 'Transfer', String(args.id)),
  }),
  transfers: t.connection(
    {
      type: TransferRef,
      description: 'Transfers, newest first.',
      args: {
        created: t.arg({ type: DateTimeRange, description: 'Only transfers created in this range.' }),
        destination: t.arg.id({ description: 'Only transfers to this connected account (acct_…).' }),
        transferGroup: t.arg.string({ description: 'Only transfers in this transfer group.' }),
      },
      resolve: (_root, args, ctx, info) =>
        fetchConnection(ctx, info, 'transfer', args, (page) =>
          ctx.stripe.transfers.list(
            {
              ...page,
              ...definedParams({
                created: toStripeRange(args.created),
                destination: args.destination == null ? undefined : String(args.destination),
                transfer_group: args.transferGroup,
              }),
            },
            ctx.requestOptions,
          ),
        ),
    },
    { name: 'TransferConnection', description: 'A page of transfers.' },
    { name: 'TransferEdge', description: 'A transfer in a page, with its cursor.' },
  ),
  transferReversal: t.field({
    type: TransferReversalRef,
    nullable: true,
    description: 'One transfer reversal, by its transfer and its own id. Null, with a NOT_FOUND error, if Stripe has no such reversal.',
    args: {
      transferId: t.arg.id({ required: true, description: 'The reversed transfer’s id (tr_…).' }),
      id: t.arg.id({ required: true, description: 'The reversal’s id (trr_…).' }),
    },
    resolve: (_root, args, ctx, info) => {
      const transferId = String(args.transferId);
      const id = String(args.id);
      assertIdOf('Transfer', transferId, 'transferId');
      assertIdOf('TransferReversal', id, 'id');
      return fetchById(ctx, info, 'TransferReversal', reversalNodeId(id, transferId));
    },
  }),
}));
