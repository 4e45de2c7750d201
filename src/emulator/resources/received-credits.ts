/**
 * ReceivedCredits: money arriving in a FinancialAccount from outside. The
 * test helper creates one that has already succeeded, with a posted
 * treasury transaction crediting cash.
 */
import type Stripe from 'stripe';
import { invalidRequest, parameterMissing } from '../errors.js';
import { listRoute } from '../list.js';
import type { ExpandableMap, HandlerContext, Params, Route } from '../types.js';
import { amount, currency, oneOf, str } from '../validate.js';
import { findFinancialAccount } from './financial-accounts.js';
import { findObject, type Stored } from './lookup.js';
import { createTreasuryTransaction } from './treasury-transactions.js';

export type StoredReceivedCredit = Stored<Stripe.Treasury.ReceivedCredit>;

/** How long a received ACH credit can be reversed (Stripe: a few banking days). */
const REVERSAL_WINDOW_SECONDS = 5 * 24 * 3600;

function senderBankAccount(params: Params): Stripe.Treasury.ReceivedCredit.InitiatingPaymentMethodDetails {
  const details = (params.initiating_payment_method_details ?? {}) as Record<string, Record<string, string> | undefined>;
  const bank = details.us_bank_account ?? {};
  return {
    billing_details: {
      address: { city: null, country: null, line1: null, line2: null, postal_code: null, state: null },
      email: null,
      name: bank.account_holder_name ?? 'Jane Austen',
    },
    type: 'us_bank_account',
    us_bank_account: {
      bank_name: 'STRIPE TEST BANK',
      last4: (bank.account_number ?? '000123456789').slice(-4),
      routing_number: bank.routing_number ?? '110000000',
    },
  };
}

function createReceivedCredit(ctx: HandlerContext): StoredReceivedCredit {
  const { params } = ctx;
  const value = amount(params, 'amount', { required: true });
  const cur = currency(params);
  const fa = findFinancialAccount(ctx, str(params, 'financial_account', { required: true }), 'financial_account');
  const network = oneOf(params, 'network', ['ach', 'us_domestic_wire'] as const);
  if (!network) throw parameterMissing('network');
  if (fa.status !== 'open') throw invalidRequest(`Financial account ${fa.id} is ${fa.status}; it cannot receive credits.`, { param: 'financial_account' });
  if (!fa.supported_currencies.includes(cur)) {
    throw invalidRequest(`Financial account ${fa.id} does not support ${cur}.`, { param: 'currency' });
  }
  const description = str(params, 'description') ?? 'Stripe Test';
  const initiating = senderBankAccount(params);

  const id = ctx.newId('rc');
  const txn = createTreasuryTransaction(ctx, {
    financialAccount: fa.id,
    amount: value,
    currency: cur,
    description,
    flow: id,
    flowType: 'received_credit',
    status: 'posted',
    balanceImpact: { cash: value, inbound_pending: 0, outbound_pending: 0 },
  });
  const now = ctx.clock.now();
  const credit: Stripe.Treasury.ReceivedCredit = {
    id,
    object: 'treasury.received_credit',
    amount: value,
    created: now,
    currency: cur,
    description,
    failure_code: null,
    financial_account: fa.id,
    hosted_regulatory_receipt_url: `https://payments.stripe.com/regulatory-receipt/${id}`,
    initiating_payment_method_details: initiating,
    linked_flows: { credit_reversal: null, issuing_authorization: null, issuing_transaction: null, source_flow: null, source_flow_type: null },
    livemode: false,
    network,
    reversal_details: { deadline: network === 'ach' ? now + REVERSAL_WINDOW_SECONDS : null, restricted_reason: network === 'ach' ? null : 'network_restricted' },
    status: 'succeeded',
    transaction: txn.id,
  };
  const stored = ctx.store.put(credit as StoredReceivedCredit);
  ctx.emit('treasury.received_credit.created', stored);
  ctx.emit('treasury.received_credit.succeeded', stored);
  return stored;
}

export const routes: Route[] = [
  {
    method: 'POST',
    path: '/v1/test_helpers/treasury/received_credits',
    accepts: ['amount', 'currency', 'financial_account', 'network', 'description', 'initiating_payment_method_details'],
    handler: createReceivedCredit,
  },
  {
    method: 'GET',
    path: '/v1/treasury/received_credits/:id',
    accepts: [],
    handler: (ctx) => findObject<StoredReceivedCredit>(ctx.store, ctx.path.id, 'treasury.received_credit', 'received_credit'),
  },
  listRoute({
    path: '/v1/treasury/received_credits',
    objectType: 'treasury.received_credit',
    required: ['financial_account'],
    equals: ['status'],
    ranges: ['created'],
  }),
];

export const expandable: ExpandableMap = {
  'treasury.received_credit': { transaction: true },
};
