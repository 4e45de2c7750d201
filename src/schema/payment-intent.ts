import type Stripe from 'stripe';
import { builder } from './builder.js';
import { stripeEnum, stripeEnumFields } from './enums.js';
import { expandableFields, idField } from './expandable.js';
import { ChargeRef } from './charge.js';
import { fetchById, loadNode } from './node.js';

// ── Enums ────────────────────────────────────────────────────────────────

export const PaymentIntentStatus = stripeEnum('PaymentIntentStatus', 'Where a PaymentIntent is in its life cycle.', {
  requires_payment_method: 'Waiting for a payment method (or the last attempt failed).',
  requires_confirmation: 'Waiting to be confirmed.',
  requires_action: 'The customer must act (e.g. 3-D Secure).',
  processing: 'The payment is processing.',
  requires_capture: 'Authorized; waiting to be captured.',
  canceled: 'Canceled; no further payment will be attempted.',
  succeeded: 'Paid.',
});

export const PaymentIntentCancellationReason = stripeEnum('PaymentIntentCancellationReason', 'Why a PaymentIntent was canceled.', {
  abandoned: 'The customer abandoned the payment.',
  automatic: 'Stripe canceled it automatically (e.g. an expired authorization).',
  duplicate: 'It duplicated another payment.',
  expired: 'It expired.',
  failed_invoice: 'Its invoice failed.',
  fraudulent: 'It was fraudulent.',
  requested_by_customer: 'The customer asked for it.',
  void_invoice: 'Its invoice was voided.',
});

export const CaptureMethod = stripeEnum('CaptureMethod', 'When a PaymentIntent’s funds are captured.', {
  automatic: 'Captured as soon as the customer authorizes the payment.',
  automatic_async: 'Captured automatically, asynchronously after authorization.',
  manual: 'Authorized now, captured later by you.',
});

// ── PaymentIntent ────────────────────────────────────────────────────────

export const PaymentIntentRef = builder.objectRef<Stripe.PaymentIntent>('PaymentIntent');

builder.node(PaymentIntentRef, {
  description:
    'A payment attempt from start to finish, whose charges refunds return money from. The fields a refund’s reader needs; others are left out.',
  id: { resolve: (pi) => pi.id, description: 'The PaymentIntent’s Stripe id (pi_…).' },
  loadWithoutCache: loadNode('PaymentIntent'),
  fields: (t) => ({
    amount: t.exposeInt('amount', { description: 'The amount to collect, in the currency’s minor units (e.g. cents).' }),
    amountCapturable: t.exposeInt('amount_capturable', { description: 'How much can still be captured, in minor units.' }),
    amountReceived: t.exposeInt('amount_received', { description: 'How much was collected, in minor units.' }),
    canceledAt: t.expose('canceled_at', { type: 'DateTime', nullable: true, description: 'When it was canceled, if it was.' }),
    ...stripeEnumFields(t, {
      name: 'cancellationReason',
      type: PaymentIntentCancellationReason,
      nullable: true,
      key: 'cancellation_reason',
      description: 'Why it was canceled, if it was.',
    }),
    ...stripeEnumFields(t, {
      name: 'captureMethod',
      type: CaptureMethod,
      key: 'capture_method',
      description: 'When the funds are captured.',
    }),
    created: t.expose('created', { type: 'DateTime', description: 'When the PaymentIntent was created.' }),
    currency: t.expose('currency', { type: 'Currency', description: 'The currency of the amounts.' }),
    customerId: idField(t, 'customer', { nullable: true, description: 'The customer paying (cus_…), if any.' }),
    description: t.exposeString('description', { nullable: true, description: 'Your description of the payment.' }),
    ...expandableFields(t, {
      name: 'latestCharge',
      kind: 'charge',
      type: ChargeRef,
      key: 'latest_charge',
      stripeExpand: 'latest_charge',
      nullable: true,
      description: 'The most recent charge made for this PaymentIntent.',
      idDescription: 'The id of `latestCharge` (ch_…), without loading it.',
    }),
    livemode: t.exposeBoolean('livemode', { description: 'True in live mode, false in test mode.' }),
    metadata: t.expose('metadata', { type: 'Metadata', description: 'Your key-value pairs on the PaymentIntent.' }),
    paymentMethodId: idField(t, 'payment_method', {
      nullable: true,
      description: 'The payment method used (pm_…), if one is attached.',
    }),
    paymentMethodTypes: t.exposeStringList('payment_method_types', {
      description: 'The payment method types it may use (e.g. `card`, `us_bank_account`).',
    }),
    receiptEmail: t.exposeString('receipt_email', { nullable: true, description: 'Where the receipt is emailed, if anywhere.' }),
    statementDescriptor: t.exposeString('statement_descriptor', {
      nullable: true,
      description: 'The text shown on the customer’s statement, if set.',
    }),
    ...stripeEnumFields(t, {
      name: 'status',
      type: PaymentIntentStatus,
      key: 'status',
      description: 'Where the PaymentIntent is in its life cycle.',
    }),
    transferGroup: t.exposeString('transfer_group', {
      nullable: true,
      description: 'Your label grouping its charges with related transfers.',
    }),
  }),
});

// ── Queries ──────────────────────────────────────────────────────────────

builder.queryField('paymentIntent', (t) =>
  t.field({
    type: PaymentIntentRef,
    nullable: true,
    description: 'One PaymentIntent by id. Null, with a NOT_FOUND error, if Stripe has no such PaymentIntent.',
    args: { id: t.arg.id({ required: true, description: 'The PaymentIntent’s id (pi_…).' }) },
    resolve: (_root, args, ctx, info) => fetchById(ctx, info, 'PaymentIntent', String(args.id)),
  }),
);
