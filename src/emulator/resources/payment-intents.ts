/**
 * PaymentIntents, reduced to what refunds need: create (optionally confirming
 * with a test payment method at once), capture, retrieve and list. A confirmed
 * intent gets a charge as `latest_charge`; `capture_method=manual` stops at
 * `requires_capture` until POST /v1/payment_intents/:id/capture.
 */
import type Stripe from 'stripe';
import { invalidRequest } from '../errors.js';
import { listRoute } from '../list.js';
import { applyMetadata } from '../metadata.js';
import type { ExpandableMap, HandlerContext, Route } from '../types.js';
import { amount, bool, currency, oneOf, str } from '../validate.js';
import { createBalanceTransaction } from './balance-transactions.js';
import { createCharge, findCharge, testPaymentMethod } from './charges.js';
import { findObject, type Stored } from './lookup.js';

export type StoredPaymentIntent = Stored<Stripe.PaymentIntent>;

export function findPaymentIntent(ctx: HandlerContext, id: string, param = 'id'): StoredPaymentIntent {
  return findObject<StoredPaymentIntent>(ctx.store, id, 'payment_intent', 'payment_intent', param);
}

function createPaymentIntent(ctx: HandlerContext): StoredPaymentIntent {
  const { params } = ctx;
  const value = amount(params, 'amount', { required: true });
  const cur = currency(params);
  const confirm = bool(params, 'confirm') ?? false;
  const captureMethod = oneOf(params, 'capture_method', ['automatic', 'automatic_async', 'manual'] as const) ?? 'automatic_async';
  const paymentMethodParam = str(params, 'payment_method');
  if (confirm && !paymentMethodParam) {
    throw invalidRequest('You cannot confirm this PaymentIntent because it’s missing a payment method. Pass payment_method.', { code: 'payment_intent_unexpected_state', param: 'payment_method' });
  }
  const method = paymentMethodParam ? testPaymentMethod(paymentMethodParam, 'payment_method') : null;
  const metadata = applyMetadata(null, params);
  const customer = str(params, 'customer') ?? null;
  if (method?.type === 'customer_balance' && !customer) {
    throw invalidRequest('A customer is required to use the customer_balance payment method.', { param: 'customer' });
  }
  const description = str(params, 'description') ?? null;
  const receiptEmail = str(params, 'receipt_email') ?? null;
  const statementDescriptor = str(params, 'statement_descriptor', { max: 22 }) ?? null;
  const transferGroup = str(params, 'transfer_group') ?? null;

  const id = ctx.newId('pi');
  const paymentMethodId = method ? ctx.newId('pm') : null;
  const intent: Stripe.PaymentIntent = {
    id,
    object: 'payment_intent',
    allowed_payment_method_types: null,
    amount: value,
    amount_capturable: 0,
    amount_received: 0,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: null,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: captureMethod,
    client_secret: `${id}_secret_${ctx.newId('s').slice(2)}`,
    confirmation_method: 'automatic',
    created: ctx.clock.now(),
    currency: cur,
    customer,
    customer_account: null,
    description,
    excluded_payment_method_types: null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    managed_payments: null,
    metadata,
    next_action: null,
    on_behalf_of: null,
    payment_method: paymentMethodId,
    payment_method_configuration_details: null,
    payment_method_options: {},
    payment_method_types: [method?.type ?? 'card'],
    payment_record: null,
    processing: null,
    receipt_email: receiptEmail,
    review: null,
    setup_future_usage: null,
    shipping: null,
    source: null,
    statement_descriptor: statementDescriptor,
    statement_descriptor_suffix: null,
    status: method ? 'requires_confirmation' : 'requires_payment_method',
    transfer_group: transferGroup,
  };
  ctx.emit('payment_intent.created', ctx.store.put(intent as StoredPaymentIntent));

  if (confirm && method && paymentMethodId) {
    const capture = captureMethod !== 'manual';
    const charge = createCharge(ctx, {
      amount: value,
      currency: cur,
      method,
      paymentMethodId,
      capture,
      customer,
      description,
      metadata,
      paymentIntent: id,
      receiptEmail,
      statementDescriptor,
      transferGroup,
    });
    ctx.emit('charge.succeeded', charge);
    Object.assign(intent, capture
      ? { status: 'succeeded', amount_received: value, latest_charge: charge.id }
      : { status: 'requires_capture', amount_capturable: value, latest_charge: charge.id });
    ctx.store.put(intent as StoredPaymentIntent);
    if (capture) ctx.emit('payment_intent.succeeded', intent as StoredPaymentIntent);
    else ctx.emit('payment_intent.amount_capturable_updated', intent as StoredPaymentIntent);
  }
  return intent as StoredPaymentIntent;
}

/** Captures the whole authorized amount of a `requires_capture` intent. */
function capturePaymentIntent(ctx: HandlerContext): StoredPaymentIntent {
  const intent = findPaymentIntent(ctx, ctx.path.id);
  if (intent.status !== 'requires_capture' || typeof intent.latest_charge !== 'string') {
    throw invalidRequest(
      `This PaymentIntent could not be captured because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be captured: requires_capture.`,
      { code: 'payment_intent_unexpected_state' },
    );
  }
  const charge = findCharge(ctx, intent.latest_charge);
  const txn = createBalanceTransaction(ctx, { amount: charge.amount, currency: charge.currency, type: 'charge', source: charge.id, description: charge.description });
  Object.assign(charge, { captured: true, amount_captured: charge.amount, balance_transaction: txn.id });
  ctx.store.put(charge);
  ctx.emit('charge.captured', charge);
  Object.assign(intent, { status: 'succeeded', amount_capturable: 0, amount_received: charge.amount });
  ctx.emit('payment_intent.succeeded', ctx.store.put(intent));
  return intent;
}

export const routes: Route[] = [
  {
    method: 'POST',
    path: '/v1/payment_intents',
    accepts: ['amount', 'currency', 'confirm', 'payment_method', 'payment_method_types', 'capture_method', 'customer', 'description', 'metadata', 'receipt_email', 'statement_descriptor', 'transfer_group', 'return_url', 'off_session'],
    handler: createPaymentIntent,
  },
  { method: 'POST', path: '/v1/payment_intents/:id/capture', accepts: [], handler: capturePaymentIntent },
  { method: 'GET', path: '/v1/payment_intents/:id', accepts: ['client_secret'], handler: (ctx) => findPaymentIntent(ctx, ctx.path.id) },
  listRoute({ path: '/v1/payment_intents', objectType: 'payment_intent', equals: ['customer'], ranges: ['created'] }),
];

export const expandable: ExpandableMap = {
  payment_intent: { latest_charge: true },
};
