/**
 * Refunds of charges / PaymentIntents.
 *
 * Card refunds succeed at once. Refunds of `customer_balance` payments (test
 * method `pm_customer_balance`) have no native refund: they start in
 * `requires_action` with next_action.display_details (Stripe emails the
 * customer for bank details) and end by cancel (→ canceled, failure_reason
 * merchant_request), by the expire test helper or by the clock reaching
 * `expires_at` (→ failed, failure_reason unknown, refund.failed). Either end
 * gives the money back with a `refund_failure` balance transaction.
 */
import type Stripe from 'stripe';
import { invalidRequest, parameterMissing } from '../errors.js';
import { listRoute } from '../list.js';
import { applyMetadata } from '../metadata.js';
import type { ExpandableMap, HandlerContext, Route } from '../types.js';
import { amount, currency, oneOf, str } from '../validate.js';
import { createBalanceTransaction } from './balance-transactions.js';
import { findCharge, refundableAmount, type StoredCharge } from './charges.js';
import { findObject, type Stored } from './lookup.js';
import { findPaymentIntent } from './payment-intents.js';
import { previousAttributes } from './previous-attributes.js';

export type StoredRefund = Stored<Stripe.Refund>;

/** How long a customer has to answer the refund-instructions email. */
const INSTRUCTIONS_TTL_SECONDS = 30 * 24 * 3600;

export function findRefund(ctx: HandlerContext, id: string): StoredRefund {
  return findObject<StoredRefund>(ctx.store, id, 'refund', 'refund');
}

/** The charge a create request refunds: `charge`, or the PaymentIntent's latest charge (exactly one of them). */
function chargeToRefund(ctx: HandlerContext): StoredCharge {
  const chargeId = str(ctx.params, 'charge');
  const intentId = str(ctx.params, 'payment_intent');
  if (chargeId && intentId) {
    throw invalidRequest('You can only pass one of charge or payment_intent.', { param: 'payment_intent' });
  }
  if (chargeId) return findCharge(ctx, chargeId, 'charge');
  if (!intentId) throw invalidRequest('One of charge or payment_intent is required.', { code: 'parameter_missing', param: 'charge' });
  const intent = findPaymentIntent(ctx, intentId, 'payment_intent');
  if (typeof intent.latest_charge !== 'string') {
    throw invalidRequest(`This PaymentIntent (${intent.id}) does not have a successful charge to refund; its status is ${intent.status}.`, { param: 'payment_intent' });
  }
  return findCharge(ctx, intent.latest_charge, 'payment_intent');
}

function createRefund(ctx: HandlerContext): StoredRefund {
  const { params } = ctx;
  const charge = chargeToRefund(ctx);
  if (!charge.captured) {
    throw invalidRequest(`Charge ${charge.id} has not been captured yet; capture it before refunding.`, { param: 'charge' });
  }
  const remainder = refundableAmount(charge);
  if (remainder <= 0) {
    throw invalidRequest(`Charge ${charge.id} has already been refunded.`, { code: 'charge_already_refunded' });
  }
  const value = amount(params, 'amount') ?? remainder;
  if (value > remainder) {
    throw invalidRequest(
      `Refund amount (${value}) is greater than the unrefunded amount on charge ${charge.id} (${remainder}).`,
      { code: 'amount_too_large', param: 'amount' },
    );
  }
  if (params.currency !== undefined && currency(params) !== charge.currency) {
    throw invalidRequest(`The refund currency must match the charge's currency (${charge.currency}).`, { param: 'currency' });
  }
  const reason = oneOf(params, 'reason', ['duplicate', 'fraudulent', 'requested_by_customer'] as const) ?? null;
  const metadata = applyMetadata(null, params);
  const instructionsEmail = str(params, 'instructions_email');
  const needsAction = charge.payment_method_details?.type === 'customer_balance';
  if (needsAction && !(instructionsEmail ?? charge.receipt_email ?? charge.billing_details.email)) {
    throw parameterMissing('instructions_email');
  }

  return recordRefund(ctx, { charge, amount: value, reason, metadata, instructionsEmail });
}

export interface RefundInput {
  /** The charge (or `py_` payment) refunded; its remainder was checked by the caller. */
  charge: StoredCharge;
  amount: number;
  reason: Stripe.Refund.Reason | null;
  metadata: Record<string, string>;
  instructionsEmail?: string;
  /** Set for the `pyr_` refund a transfer reversal makes of the connected account's `py_` payment. */
  sourceTransferReversal?: string;
}

/**
 * Records a refund and its effects: a negative balance transaction (`refund`,
 * or `payment_refund` for a `pyr_`), the charge's amount_refunded / refunded,
 * refund.created + charge.refunded, and for `requires_action` refunds the
 * clock expiring them.
 */
export function recordRefund(ctx: HandlerContext, input: RefundInput): StoredRefund {
  const { charge, amount: value } = input;
  const needsAction = charge.payment_method_details?.type === 'customer_balance';
  const emailTo = input.instructionsEmail ?? charge.receipt_email ?? charge.billing_details.email;
  const now = ctx.clock.now();
  const id = ctx.newId(input.sourceTransferReversal ? 'pyr' : 're');
  const txn = createBalanceTransaction(ctx, {
    amount: -value,
    currency: charge.currency,
    type: input.sourceTransferReversal ? 'payment_refund' : 'refund',
    source: id,
  });
  const refund: Stripe.Refund = {
    id,
    object: 'refund',
    amount: value,
    balance_transaction: txn.id,
    charge: charge.id,
    created: now,
    currency: charge.currency,
    customer: charge.customer,
    customer_account: null,
    destination_details: destinationDetails(charge),
    metadata: input.metadata,
    payment_intent: charge.payment_intent,
    payment_method: charge.payment_method,
    reason: input.reason,
    receipt_number: null,
    source_transfer_reversal: input.sourceTransferReversal ?? null,
    status: needsAction ? 'requires_action' : 'succeeded',
    transfer_reversal: null,
  };
  if (input.instructionsEmail) refund.instructions_email = input.instructionsEmail;
  if (needsAction && emailTo) {
    refund.next_action = {
      type: 'display_details',
      display_details: { email_sent: { email_sent_at: now, email_sent_to: emailTo }, expires_at: now + INSTRUCTIONS_TTL_SECONDS },
    };
  }
  const stored = ctx.store.put(refund as StoredRefund);

  const before = { amount_refunded: charge.amount_refunded, refunded: charge.refunded };
  charge.amount_refunded += value;
  charge.refunded = charge.amount_refunded === charge.amount_captured;
  ctx.store.put(charge);
  ctx.emit('refund.created', stored);
  ctx.emit('charge.refunded', charge, previousAttributes(before, charge, ['amount_refunded', 'refunded']));

  if (needsAction) {
    ctx.schedule(now + INSTRUCTIONS_TTL_SECONDS, () => {
      const current = ctx.store.get<StoredRefund>(id);
      if (current?.status === 'requires_action') endUnclaimedRefund(ctx, current, 'failed');
    });
  }
  return stored;
}

function destinationDetails(charge: StoredCharge): Stripe.Refund.DestinationDetails | undefined {
  switch (charge.payment_method_details?.type) {
    case 'card':
      return { type: 'card', card: { reference_status: 'pending', reference_type: 'acquirer_reference_number', type: 'refund' } };
    case 'customer_balance':
      return { type: 'us_bank_transfer', us_bank_transfer: { reference: null, reference_status: null } };
    default:
      return undefined;
  }
}

/**
 * Ends a `requires_action` refund: status canceled (merchant) or failed
 * (expired), money back to the balance, the charge's refunded amount restored.
 */
function endUnclaimedRefund(ctx: HandlerContext, refund: StoredRefund, outcome: 'canceled' | 'failed'): StoredRefund {
  const charge = findCharge(ctx, refund.charge as string);
  const txn = createBalanceTransaction(ctx, { amount: refund.amount, currency: refund.currency, type: 'refund_failure', source: refund.id });
  const previous = { status: refund.status, next_action: refund.next_action };
  refund.status = outcome;
  refund.failure_reason = outcome === 'canceled' ? 'merchant_request' : 'unknown';
  refund.failure_balance_transaction = txn.id;
  delete refund.next_action;
  ctx.store.put(refund);

  charge.amount_refunded -= refund.amount;
  charge.refunded = false;
  ctx.store.put(charge);

  if (outcome === 'failed') ctx.emit('refund.failed', refund);
  ctx.emit('refund.updated', refund, previous);
  ctx.emit('charge.refund.updated', refund, previous);
  return refund;
}

function requireAction(refund: StoredRefund, verb: 'cancel' | 'expire'): void {
  if (refund.status !== 'requires_action') {
    throw invalidRequest(
      `You can't ${verb} refund ${refund.id} because its status is ${refund.status}; only a refund with status requires_action can be ${verb === 'cancel' ? 'canceled' : 'expired'}.`,
    );
  }
}

function updateRefund(ctx: HandlerContext): StoredRefund {
  const refund = findRefund(ctx, ctx.path.id);
  const metadata = applyMetadata(refund.metadata, ctx.params);
  const before = { metadata: refund.metadata };
  refund.metadata = metadata;
  const previous = previousAttributes(before, refund, ['metadata']);
  ctx.store.put(refund);
  if (Object.keys(previous).length) ctx.emit('refund.updated', refund, previous);
  return refund;
}

export const routes: Route[] = [
  {
    method: 'POST',
    path: '/v1/refunds',
    accepts: ['charge', 'payment_intent', 'amount', 'currency', 'reason', 'metadata', 'instructions_email', 'reverse_transfer', 'refund_application_fee'],
    handler: createRefund,
  },
  { method: 'GET', path: '/v1/refunds/:id', accepts: [], handler: (ctx) => findRefund(ctx, ctx.path.id) },
  { method: 'POST', path: '/v1/refunds/:id', accepts: ['metadata'], handler: updateRefund },
  listRoute({ path: '/v1/refunds', objectType: 'refund', equals: ['charge', 'payment_intent'], ranges: ['created'] }),
  {
    method: 'POST',
    path: '/v1/refunds/:id/cancel',
    accepts: [],
    handler: (ctx) => {
      const refund = findRefund(ctx, ctx.path.id);
      requireAction(refund, 'cancel');
      return endUnclaimedRefund(ctx, refund, 'canceled');
    },
  },
  {
    method: 'POST',
    path: '/v1/test_helpers/refunds/:id/expire',
    accepts: [],
    handler: (ctx) => {
      const refund = findRefund(ctx, ctx.path.id);
      requireAction(refund, 'expire');
      return endUnclaimedRefund(ctx, refund, 'failed');
    },
  },
];

export const expandable: ExpandableMap = {
  refund: {
    balance_transaction: true,
    charge: true,
    failure_balance_transaction: true,
    payment_intent: true,
    source_transfer_reversal: true,
    transfer_reversal: true,
  },
};
