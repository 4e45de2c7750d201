/**
 * Treasury OutboundPayments: money sent from a FinancialAccount to a third
 * party's bank account or FinancialAccount.
 *
 * Create: `processing`, cancelable, an `open` transaction moving the amount
 * from cash to outbound_pending. The clock moves it on: it stops being
 * cancelable LOCK_AFTER_SECONDS after creation (submitted to the network) and
 * posts at expected_arrival_date (not before it is submitted). Test helpers fail / post / return it while
 * it is processing, and set tracking details once it is no longer cancelable.
 */
import type Stripe from 'stripe';
import { invalidRequest, parameterInvalid, parameterMissing } from '../errors.js';
import { listRoute } from '../list.js';
import { applyMetadata } from '../metadata.js';
import type { ExpandableMap, HandlerContext, Params, Route } from '../types.js';
import { amount, bool, currency, oneOf, str } from '../validate.js';
import { findFinancialAccount } from './financial-accounts.js';
import { findObject, type Stored } from './lookup.js';
import { createTreasuryTransaction, settleTreasuryTransaction } from './treasury-transactions.js';

type OutboundPayment = Stripe.Treasury.OutboundPayment;
export type StoredOutboundPayment = Stored<OutboundPayment>;
type DestinationDetails = Stripe.Treasury.OutboundPayment.DestinationPaymentMethodDetails;
type BillingDetails = Stripe.Treasury.OutboundPayment.DestinationPaymentMethodDetails.BillingDetails;
type Network = 'ach' | 'us_domestic_wire' | 'stripe';

/** Time until a payment is handed to the network and can no longer be canceled. */
export const LOCK_AFTER_SECONDS = 30 * 60;
/** Time until arrival per network (a FinancialAccount destination arrives at once). */
const ARRIVAL_SECONDS: Record<Network, number> = { stripe: 0, us_domestic_wire: 4 * 3600, ach: 2 * 24 * 3600 };

const RETURN_CODES = [
  'account_closed',
  'account_frozen',
  'bank_account_restricted',
  'bank_ownership_changed',
  'declined',
  'incorrect_account_holder_name',
  'invalid_account_number',
  'invalid_currency',
  'no_account',
  'other',
] as const;

export function findOutboundPayment(ctx: HandlerContext, id: string): StoredOutboundPayment {
  return findObject<StoredOutboundPayment>(ctx.store, id, 'treasury.outbound_payment', 'outbound_payment');
}

function billingDetails(raw: Record<string, unknown> | undefined): BillingDetails {
  const address = (raw?.address ?? {}) as Record<string, string | undefined>;
  const pick = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  return {
    address: {
      city: pick(address.city),
      country: pick(address.country),
      line1: pick(address.line1),
      line2: pick(address.line2),
      postal_code: pick(address.postal_code),
      state: pick(address.state),
    },
    email: pick(raw?.email),
    name: pick(raw?.name),
  };
}

/** The destination as Stripe shows it, and the network the money travels on. */
function destination(ctx: HandlerContext, sourceAccount: string): { details: DestinationDetails; network: Network; paymentMethod: string | null } {
  const { params } = ctx;
  const paymentMethod = str(params, 'destination_payment_method');
  const data = params.destination_payment_method_data as Record<string, unknown> | undefined;
  if (paymentMethod && data) {
    throw invalidRequest('You can only pass one of destination_payment_method or destination_payment_method_data.', { param: 'destination_payment_method_data' });
  }
  const options = (params.destination_payment_method_options as { us_bank_account?: Record<string, string> } | undefined)?.us_bank_account;
  const bankNetwork: 'ach' | 'us_domestic_wire' = options?.network === 'us_domestic_wire' ? 'us_domestic_wire' : 'ach';
  if (options?.network !== undefined && options.network !== 'ach' && options.network !== 'us_domestic_wire') {
    throw parameterInvalid('destination_payment_method_options[us_bank_account][network]', 'Invalid network: must be ach or us_domestic_wire.');
  }
  if (paymentMethod) {
    if (!/^pm_[A-Za-z0-9_]+$/.test(paymentMethod)) {
      throw parameterInvalid('destination_payment_method', `Invalid destination_payment_method: '${paymentMethod}' is not a PaymentMethod id.`);
    }
    return { details: usBankAccountDetails(billingDetails(undefined), {}, bankNetwork), network: bankNetwork, paymentMethod };
  }
  if (!data) throw parameterMissing('destination_payment_method_data');
  const type = oneOf(data as Params, 'type', ['financial_account', 'us_bank_account'] as const);
  if (!type) throw parameterMissing('destination_payment_method_data[type]');
  const billing = billingDetails(data.billing_details as Record<string, unknown> | undefined);
  if (type === 'financial_account') {
    const fa = str(data as Params, 'financial_account');
    if (!fa) throw parameterMissing('destination_payment_method_data[financial_account]');
    if (!/^fa_[A-Za-z0-9]+$/.test(fa) || fa === sourceAccount) {
      throw parameterInvalid('destination_payment_method_data[financial_account]', `Invalid destination financial account '${fa}': it must be another FinancialAccount (fa_…).`);
    }
    return { details: { billing_details: billing, financial_account: { id: fa, network: 'stripe' }, type }, network: 'stripe', paymentMethod: null };
  }
  const bank = (data.us_bank_account ?? {}) as Record<string, string>;
  if (!bank.account_number) throw parameterMissing('destination_payment_method_data[us_bank_account][account_number]');
  if (!bank.routing_number) throw parameterMissing('destination_payment_method_data[us_bank_account][routing_number]');
  return { details: usBankAccountDetails(billing, bank, bankNetwork), network: bankNetwork, paymentMethod: null };
}

function usBankAccountDetails(billing: BillingDetails, bank: Record<string, string>, network: 'ach' | 'us_domestic_wire'): DestinationDetails {
  const accountNumber = bank.account_number ?? '000123456789';
  return {
    billing_details: billing,
    type: 'us_bank_account',
    us_bank_account: {
      account_holder_type: bank.account_holder_type === 'company' ? 'company' : 'individual',
      account_type: bank.account_type === 'savings' ? 'savings' : 'checking',
      bank_name: 'STRIPE TEST BANK',
      fingerprint: `emu${(bank.routing_number ?? '110000000').slice(-4)}${accountNumber.slice(-4)}`,
      last4: accountNumber.slice(-4),
      network,
      routing_number: bank.routing_number ?? '110000000',
    },
  };
}

function endUserDetails(params: Params): Stripe.Treasury.OutboundPayment.EndUserDetails {
  const raw = params.end_user_details as Params | undefined;
  if (raw === undefined) return { ip_address: null, present: false };
  const present = bool(raw, 'present');
  if (present === undefined) throw parameterMissing('end_user_details[present]');
  return { ip_address: str(raw, 'ip_address') ?? null, present };
}

function createOutboundPayment(ctx: HandlerContext): StoredOutboundPayment {
  const { params } = ctx;
  const value = amount(params, 'amount', { required: true });
  const cur = currency(params);
  const fa = findFinancialAccount(ctx, str(params, 'financial_account', { required: true }), 'financial_account');
  if (cur !== 'usd') throw parameterInvalid('currency', `Invalid currency: ${cur}. OutboundPayments support usd only.`, 'invalid_currency');
  if (fa.status !== 'open') throw invalidRequest(`Financial account ${fa.id} is ${fa.status}; it cannot send payments.`, { param: 'financial_account' });
  const dest = destination(ctx, fa.id);
  const feature = dest.network === 'stripe' ? 'intra_stripe_flows' : `outbound_payments.${dest.network}`;
  if (!fa.active_features?.includes(feature)) {
    throw invalidRequest(`Financial account ${fa.id} does not have the ${feature} feature active.`, { param: 'financial_account' });
  }
  const metadata = applyMetadata(null, params);
  const description = str(params, 'description') ?? null;
  const customer = str(params, 'customer') ?? null;
  const statementDescriptor = str(params, 'statement_descriptor', { max: dest.network === 'ach' ? 10 : 140 }) ?? 'payment';
  const user = endUserDetails(params);
  const cash = fa.balance.cash[cur] ?? 0;
  if (cash < value) {
    throw invalidRequest(`Financial account ${fa.id} has insufficient funds: ${cash} ${cur} cash available, ${value} needed.`, { code: 'insufficient_funds', param: 'amount' });
  }

  const id = ctx.newId('obp');
  const txn = createTreasuryTransaction(ctx, {
    financialAccount: fa.id,
    amount: -value,
    currency: cur,
    description: description ?? `Outbound payment ${id}`,
    flow: id,
    flowType: 'outbound_payment',
    status: 'open',
    balanceImpact: { cash: -value, inbound_pending: 0, outbound_pending: value },
  });
  const now = ctx.clock.now();
  const payment: OutboundPayment = {
    id,
    object: 'treasury.outbound_payment',
    amount: value,
    cancelable: true,
    created: now,
    currency: cur,
    customer,
    description,
    destination_payment_method: dest.paymentMethod,
    destination_payment_method_details: dest.details,
    end_user_details: user,
    expected_arrival_date: now + ARRIVAL_SECONDS[dest.network],
    financial_account: fa.id,
    hosted_regulatory_receipt_url: `https://payments.stripe.com/regulatory-receipt/${id}`,
    livemode: false,
    metadata,
    returned_details: null,
    statement_descriptor: statementDescriptor,
    status: 'processing',
    status_transitions: { canceled_at: null, failed_at: null, posted_at: null, returned_at: null },
    tracking_details: null,
    transaction: txn.id,
  };
  const stored = ctx.store.put(payment as StoredOutboundPayment);
  ctx.emit('treasury.outbound_payment.created', stored);

  // A FinancialAccount destination shows arrival at once (as Stripe's example does) but, like
  // every payment, stays cancelable until it is submitted; it posts then.
  ctx.schedule(now + LOCK_AFTER_SECONDS, () => {
    const current = ctx.store.get<StoredOutboundPayment>(id);
    if (current?.status === 'processing' && current.cancelable) ctx.store.put({ ...current, cancelable: false });
  });
  ctx.schedule(Math.max(payment.expected_arrival_date, now + LOCK_AFTER_SECONDS), () => {
    const current = ctx.store.get<StoredOutboundPayment>(id);
    if (current?.status === 'processing') post(ctx, current);
  });
  return stored;
}

/** Refuses unless the payment is processing (every test-helper transition starts there). */
function requireProcessing(payment: StoredOutboundPayment, action: string): void {
  if (payment.status !== 'processing') {
    throw invalidRequest(`Unable to ${action} OutboundPayment ${payment.id} because it has a status of ${payment.status}; it must be processing.`);
  }
}

function post(ctx: HandlerContext, payment: StoredOutboundPayment): StoredOutboundPayment {
  settleTreasuryTransaction(ctx, payment.transaction as string, 'posted', { cash: -payment.amount, inbound_pending: 0, outbound_pending: 0 });
  payment.status = 'posted';
  payment.cancelable = false;
  payment.status_transitions.posted_at = ctx.clock.now();
  ctx.emit('treasury.outbound_payment.posted', ctx.store.put(payment));
  return payment;
}

/** Ends a processing payment without sending it: the open transaction is voided, the cash comes back. */
function release(ctx: HandlerContext, payment: StoredOutboundPayment, status: 'canceled' | 'failed'): StoredOutboundPayment {
  settleTreasuryTransaction(ctx, payment.transaction as string, 'void');
  payment.status = status;
  payment.cancelable = false;
  payment.status_transitions[status === 'canceled' ? 'canceled_at' : 'failed_at'] = ctx.clock.now();
  ctx.emit(`treasury.outbound_payment.${status}`, ctx.store.put(payment));
  return payment;
}

function cancel(ctx: HandlerContext): StoredOutboundPayment {
  const payment = findOutboundPayment(ctx, ctx.path.id);
  if (payment.status !== 'processing' || !payment.cancelable) {
    const why = payment.status === 'processing' ? 'it has already been submitted to the network (cancelable is false)' : `it has a status of ${payment.status}`;
    throw invalidRequest(`Unable to cancel OutboundPayment ${payment.id} because ${why}; only a processing OutboundPayment that is still cancelable can be canceled.`);
  }
  return release(ctx, payment, 'canceled');
}

/** Posts the payment, then the bank sends it back: a new posted credit transaction returns the cash. */
function returnPayment(ctx: HandlerContext): StoredOutboundPayment {
  const payment = findOutboundPayment(ctx, ctx.path.id);
  requireProcessing(payment, 'return');
  const details = ctx.params.returned_details as Params | undefined;
  const code = (details && oneOf(details, 'code', RETURN_CODES)) ?? 'account_closed';
  post(ctx, payment);
  const credit = createTreasuryTransaction(ctx, {
    financialAccount: payment.financial_account,
    amount: payment.amount,
    currency: payment.currency,
    description: `Return of outbound payment ${payment.id} (${code})`,
    flow: payment.id,
    flowType: 'outbound_payment',
    status: 'posted',
    balanceImpact: { cash: payment.amount, inbound_pending: 0, outbound_pending: 0 },
  });
  payment.status = 'returned';
  payment.returned_details = { code, transaction: credit.id };
  payment.status_transitions.returned_at = ctx.clock.now();
  ctx.emit('treasury.outbound_payment.returned', ctx.store.put(payment));
  return payment;
}

function trackingDetails(params: Params): Stripe.Treasury.OutboundPayment.TrackingDetails {
  const raw = params.tracking_details as Params | undefined;
  if (!raw) throw parameterMissing('tracking_details');
  const type = oneOf(raw, 'type', ['ach', 'us_domestic_wire'] as const);
  if (!type) throw parameterMissing('tracking_details[type]');
  if (type === 'ach') {
    const traceId = str((raw.ach ?? {}) as Params, 'trace_id');
    if (!traceId) throw parameterMissing('tracking_details[ach][trace_id]');
    return { type, ach: { trace_id: traceId } };
  }
  const wire = (raw.us_domestic_wire ?? {}) as Params;
  const wireDetails = { chips: str(wire, 'chips') ?? null, imad: str(wire, 'imad') ?? null, omad: str(wire, 'omad') ?? null };
  if (!wireDetails.chips && !wireDetails.imad && !wireDetails.omad) {
    throw parameterMissing('tracking_details[us_domestic_wire][imad]');
  }
  return { type, us_domestic_wire: wireDetails };
}

function updateTracking(ctx: HandlerContext): StoredOutboundPayment {
  const payment = findOutboundPayment(ctx, ctx.path.id);
  const tracking = trackingDetails(ctx.params);
  if (payment.status === 'canceled' || payment.status === 'failed') {
    throw invalidRequest(`Unable to update tracking details of OutboundPayment ${payment.id} because it has a status of ${payment.status}.`);
  }
  if (payment.cancelable) {
    throw invalidRequest(`Unable to update tracking details of OutboundPayment ${payment.id} while it is still cancelable; it must be submitted to the network first.`);
  }
  if (payment.tracking_details) {
    throw invalidRequest(`Tracking details of OutboundPayment ${payment.id} have already been set.`);
  }
  payment.tracking_details = tracking;
  ctx.emit('treasury.outbound_payment.tracking_details_updated', ctx.store.put(payment));
  return payment;
}

const TEST_HELPER = '/v1/test_helpers/treasury/outbound_payments/:id';

export const routes: Route[] = [
  {
    method: 'POST',
    path: '/v1/treasury/outbound_payments',
    accepts: [
      'amount',
      'currency',
      'financial_account',
      'customer',
      'description',
      'destination_payment_method',
      'destination_payment_method_data',
      'destination_payment_method_options',
      'end_user_details',
      'metadata',
      'statement_descriptor',
    ],
    handler: createOutboundPayment,
  },
  { method: 'GET', path: '/v1/treasury/outbound_payments/:id', accepts: [], handler: (ctx) => findOutboundPayment(ctx, ctx.path.id) },
  listRoute({
    path: '/v1/treasury/outbound_payments',
    objectType: 'treasury.outbound_payment',
    required: ['financial_account'],
    equals: ['customer', 'status'],
    ranges: ['created'],
  }),
  { method: 'POST', path: '/v1/treasury/outbound_payments/:id/cancel', accepts: [], handler: cancel },
  { method: 'POST', path: TEST_HELPER, accepts: ['tracking_details'], handler: updateTracking },
  {
    method: 'POST',
    path: `${TEST_HELPER}/fail`,
    accepts: [],
    handler: (ctx) => {
      const payment = findOutboundPayment(ctx, ctx.path.id);
      requireProcessing(payment, 'fail');
      return release(ctx, payment, 'failed');
    },
  },
  {
    method: 'POST',
    path: `${TEST_HELPER}/post`,
    accepts: [],
    handler: (ctx) => {
      const payment = findOutboundPayment(ctx, ctx.path.id);
      requireProcessing(payment, 'post');
      return post(ctx, payment);
    },
  },
  { method: 'POST', path: `${TEST_HELPER}/return`, accepts: ['returned_details'], handler: returnPayment },
];

export const expandable: ExpandableMap = {
  'treasury.outbound_payment': { transaction: true, 'returned_details.transaction': true },
};
