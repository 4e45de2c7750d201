/**
 * Charges: just enough of Stripe's payments to have something to refund.
 * A charge is created directly (POST /v1/charges with a test token) or by a
 * confirmed PaymentIntent; a captured charge credits the balance with a
 * `charge` balance transaction.
 */
import type Stripe from 'stripe';
import { invalidRequest, resourceMissing } from '../errors.js';
import { listRoute } from '../list.js';
import { applyMetadata } from '../metadata.js';
import type { ExpandableMap, HandlerContext, Route } from '../types.js';
import { amount, bool, currency, str } from '../validate.js';
import { createBalanceTransaction } from './balance-transactions.js';
import { findObject, type Stored } from './lookup.js';

export type StoredCharge = Stored<Stripe.Charge>;

/**
 * How a test payment method pays. Cards refund at once; `customer_balance`
 * (a bank transfer into the customer's cash balance, test method
 * `pm_customer_balance`) has no native refund, so its refunds wait in
 * `requires_action` until the customer gives bank details by email.
 */
export type PaymentMethodInfo =
  | { type: 'card'; brand: string; last4: string; funding: string }
  | { type: 'customer_balance' }
  /** A transfer's payment into a connected account (`py_`). */
  | { type: 'stripe_account' };

const TEST_CARDS: Record<string, { brand: string; last4: string; funding: string }> = {
  visa: { brand: 'visa', last4: '4242', funding: 'credit' },
  visa_debit: { brand: 'visa', last4: '5556', funding: 'debit' },
  mastercard: { brand: 'mastercard', last4: '4444', funding: 'credit' },
  amex: { brand: 'amex', last4: '8431', funding: 'credit' },
  discover: { brand: 'discover', last4: '1117', funding: 'credit' },
};

/** Resolves a test payment method / token ('pm_card_visa', 'tok_mastercard', 'pm_customer_balance'); 404 otherwise. */
export function testPaymentMethod(id: string, param: string): PaymentMethodInfo {
  if (id === 'pm_customer_balance') return { type: 'customer_balance' };
  const card = /^(?:pm_card_|tok_)([a-z_]+)$/.exec(id);
  const details = card && TEST_CARDS[card[1]];
  if (!details) {
    throw resourceMissing(param === 'source' ? 'source' : 'PaymentMethod', id, param);
  }
  return { type: 'card', ...details };
}

function paymentMethodDetails(method: PaymentMethodInfo, amount: number): Stripe.Charge.PaymentMethodDetails {
  if (method.type === 'customer_balance') return { type: 'customer_balance', customer_balance: {} };
  if (method.type === 'stripe_account') return { type: 'stripe_account', stripe_account: {} };
  return {
    type: 'card',
    card: {
      amount_authorized: amount,
      authorization_code: null,
      brand: method.brand,
      checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: 'pass' },
      country: 'US',
      electronic_commerce_indicator: null,
      exp_month: 12,
      exp_year: 2034,
      fingerprint: `emu${method.brand}${method.last4}`,
      funding: method.funding,
      installments: null,
      last4: method.last4,
      mandate: null,
      network: method.brand,
      network_transaction_id: null,
      regulated_status: 'unregulated',
      three_d_secure: null,
      transaction_link_id: null,
      wallet: null,
    },
  };
}

export interface ChargeInput {
  amount: number;
  currency: string;
  method: PaymentMethodInfo;
  /** The payment method id recorded on the charge (pm_… or card_…; none for a `py_`). */
  paymentMethodId: string | null;
  capture: boolean;
  customer: string | null;
  description: string | null;
  metadata: Record<string, string>;
  paymentIntent: string | null;
  receiptEmail: string | null;
  statementDescriptor: string | null;
  transferGroup: string | null;
  /** Set for a transfer's destination payment: then the id is `py_` and the balance transaction a `payment`. */
  sourceTransfer?: string;
}

/**
 * Creates a succeeded charge (no event: callers say which). A captured one
 * credits the balance (`charge` balance transaction, `payment` for a `py_`).
 */
export function createCharge(ctx: HandlerContext, input: ChargeInput): StoredCharge {
  const id = ctx.newId(input.sourceTransfer ? 'py' : 'ch');
  const txn = input.capture
    ? createBalanceTransaction(ctx, {
        amount: input.amount,
        currency: input.currency,
        type: input.sourceTransfer ? 'payment' : 'charge',
        source: id,
        description: input.description,
      })
    : null;
  const charge: Stripe.Charge = {
    id,
    object: 'charge',
    amount: input.amount,
    amount_captured: input.capture ? input.amount : 0,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    balance_transaction: txn ? txn.id : null,
    billing_details: {
      address: { city: null, country: null, line1: null, line2: null, postal_code: null, state: null },
      email: input.receiptEmail,
      name: null,
      phone: null,
      tax_id: null,
    },
    calculated_statement_descriptor: input.statementDescriptor ?? 'STRIPE EMULATOR',
    captured: input.capture,
    created: ctx.clock.now(),
    currency: input.currency,
    customer: input.customer,
    description: input.description,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: null,
    failure_message: null,
    fraud_details: {},
    livemode: false,
    metadata: input.metadata,
    on_behalf_of: null,
    outcome: {
      advice_code: null,
      network_advice_code: null,
      network_decline_code: null,
      network_status: 'approved_by_network',
      reason: null,
      risk_level: 'normal',
      seller_message: 'Payment complete.',
      type: 'authorized',
    },
    paid: true,
    payment_intent: input.paymentIntent,
    payment_method: input.paymentMethodId,
    payment_method_details: paymentMethodDetails(input.method, input.amount),
    receipt_email: input.receiptEmail,
    receipt_number: null,
    receipt_url: `https://pay.stripe.com/receipts/payment/${id}`,
    refunded: false,
    review: null,
    shipping: null,
    source: null,
    source_transfer: input.sourceTransfer ?? null,
    statement_descriptor: input.statementDescriptor,
    statement_descriptor_suffix: null,
    status: 'succeeded',
    transfer_data: null,
    transfer_group: input.transferGroup,
  };
  return ctx.store.put(charge as StoredCharge);
}

export function findCharge(ctx: HandlerContext, id: string, param = 'id'): StoredCharge {
  return findObject<StoredCharge>(ctx.store, id, 'charge', 'charge', param);
}

/** The refundable remainder of a charge: captured minus already refunded (pending refunds included). */
export function refundableAmount(charge: Stripe.Charge): number {
  return charge.amount_captured - charge.amount_refunded;
}

function createChargeRoute(ctx: HandlerContext): StoredCharge {
  const { params } = ctx;
  const value = amount(params, 'amount', { required: true });
  const cur = currency(params);
  const source = str(params, 'source', { required: true });
  const method = testPaymentMethod(source, 'source');
  if (method.type !== 'card') throw invalidRequest(`Charges accept card tokens only; '${source}' is not one.`, { param: 'source' });
  const metadata = applyMetadata(null, params);
  const charge = createCharge(ctx, {
    amount: value,
    currency: cur,
    method,
    paymentMethodId: ctx.newId('card'),
    capture: bool(params, 'capture') ?? true,
    customer: str(params, 'customer') ?? null,
    description: str(params, 'description') ?? null,
    metadata,
    paymentIntent: null,
    receiptEmail: str(params, 'receipt_email') ?? null,
    statementDescriptor: str(params, 'statement_descriptor', { max: 22 }) ?? null,
    transferGroup: str(params, 'transfer_group') ?? null,
  });
  ctx.emit('charge.succeeded', charge);
  return charge;
}

export const routes: Route[] = [
  {
    method: 'POST',
    path: '/v1/charges',
    accepts: ['amount', 'currency', 'source', 'capture', 'customer', 'description', 'metadata', 'receipt_email', 'statement_descriptor', 'transfer_group'],
    handler: createChargeRoute,
  },
  {
    method: 'GET',
    path: '/v1/charges/:id',
    accepts: [],
    handler: (ctx) => findCharge(ctx, ctx.path.id),
  },
  listRoute({ path: '/v1/charges', objectType: 'charge', equals: ['customer', 'payment_intent', 'transfer_group'], ranges: ['created'] }),
];

export const expandable: ExpandableMap = {
  charge: { balance_transaction: true, payment_intent: true, failure_balance_transaction: true, source_transfer: true, transfer: true },
};
