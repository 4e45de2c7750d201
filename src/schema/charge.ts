import type Stripe from 'stripe';
import { builder } from './builder.js';
import { stripeEnum, stripeEnumFields } from './enums.js';
import { expandableFields, idField } from './expandable.js';
import { BalanceTransactionRef } from './balance-transaction.js';
import { PaymentIntentRef } from './payment-intent.js';
import { TransferRef } from './transfer.js';
import { fetchById, loadNode } from './node.js';

// ── Enums ────────────────────────────────────────────────────────────────

export const ChargeStatus = stripeEnum('ChargeStatus', 'The outcome of a charge.', {
  succeeded: 'The payment went through.',
  pending: 'The payment is still processing (some payment methods settle later).',
  failed: 'The payment failed (see `failureCode`).',
});

// ── Charge ───────────────────────────────────────────────────────────────

export const ChargeRef = builder.objectRef<Stripe.Charge>('Charge');

builder.node(ChargeRef, {
  description:
    'A payment: what a refund returns money from, and what funds a transfer. The fields a refund’s or transfer’s reader needs; others are left out.',
  id: { resolve: (charge) => charge.id, description: 'The charge’s Stripe id (ch_…, or py_… for a destination payment).' },
  loadWithoutCache: loadNode('Charge'),
  fields: (t) => ({
    amount: t.exposeInt('amount', { description: 'The amount charged, in the currency’s minor units (e.g. cents).' }),
    amountCaptured: t.exposeInt('amount_captured', { description: 'How much of `amount` was captured, in minor units.' }),
    amountRefunded: t.exposeInt('amount_refunded', { description: 'How much has been refunded so far, in minor units.' }),
    ...expandableFields(t, {
      name: 'balanceTransaction',
      kind: 'balanceTransaction',
      type: BalanceTransactionRef,
      key: 'balance_transaction',
      stripeExpand: 'balance_transaction',
      nullable: true,
      description: 'The balance transaction that added the charge to the balance.',
      idDescription: 'The id of `balanceTransaction` (txn_…), without loading it.',
    }),
    captured: t.exposeBoolean('captured', { description: 'True once the charge was captured (an uncaptured one is only an authorization).' }),
    created: t.expose('created', { type: 'DateTime', description: 'When the charge was created.' }),
    currency: t.expose('currency', { type: 'Currency', description: 'The currency of the amounts.' }),
    customerId: idField(t, 'customer', { nullable: true, description: 'The customer charged (cus_…), if any.' }),
    description: t.exposeString('description', { nullable: true, description: 'Your description of the charge.' }),
    disputed: t.exposeBoolean('disputed', { description: 'True when the charge has been disputed.' }),
    failureCode: t.exposeString('failure_code', { nullable: true, description: 'Stripe’s error code when the charge failed.' }),
    failureMessage: t.exposeString('failure_message', { nullable: true, description: 'Why the charge failed, in words.' }),
    livemode: t.exposeBoolean('livemode', { description: 'True in live mode, false in test mode.' }),
    metadata: t.expose('metadata', { type: 'Metadata', description: 'Your key-value pairs on the charge.' }),
    paid: t.exposeBoolean('paid', { description: 'True when the charge succeeded or was authorized for later capture.' }),
    ...expandableFields(t, {
      name: 'paymentIntent',
      kind: 'paymentIntent',
      type: PaymentIntentRef,
      key: 'payment_intent',
      stripeExpand: 'payment_intent',
      nullable: true,
      description: 'The PaymentIntent this charge belongs to, if any.',
      idDescription: 'The id of `paymentIntent` (pi_…), without loading it.',
    }),
    paymentMethodId: t.exposeID('payment_method', { nullable: true, description: 'The payment method charged (pm_…), if any.' }),
    receiptEmail: t.exposeString('receipt_email', { nullable: true, description: 'Where the receipt was emailed, if anywhere.' }),
    receiptNumber: t.exposeString('receipt_number', { nullable: true, description: 'The receipt’s number, once a receipt was sent.' }),
    receiptUrl: t.exposeString('receipt_url', { nullable: true, description: 'A link to the receipt page.' }),
    refunded: t.exposeBoolean('refunded', { description: 'True once the whole amount has been refunded.' }),
    statementDescriptor: t.exposeString('statement_descriptor', {
      nullable: true,
      description: 'The text shown on the customer’s statement, if set on the charge.',
    }),
    ...stripeEnumFields(t, {
      name: 'status',
      type: ChargeStatus,
      key: 'status',
      description: 'The outcome of the charge.',
    }),
    ...expandableFields(t, {
      name: 'transfer',
      kind: 'transfer',
      type: TransferRef,
      key: 'transfer',
      stripeExpand: 'transfer',
      nullable: true,
      description: 'For a destination charge: the transfer that sent funds to the connected account.',
      idDescription: 'The id of `transfer` (tr_…), without loading it.',
    }),
    transferGroup: t.exposeString('transfer_group', {
      nullable: true,
      description: 'Your label grouping this charge with related transfers.',
    }),
  }),
});

// ── Queries ──────────────────────────────────────────────────────────────

builder.queryField('charge', (t) =>
  t.field({
    type: ChargeRef,
    nullable: true,
    description: 'One charge by id. Null, with a NOT_FOUND error, if Stripe has no such charge.',
    args: { id: t.arg.id({ required: true, description: 'The charge’s id (ch_… or py_…).' }) },
    resolve: (_root, args, ctx, info) => fetchById(ctx, info, 'Charge', String(args.id)),
  }),
);
