/**
 * Treasury transactions: every change to a FinancialAccount's balance. The
 * balance model (REFERENCE marks it a model): an `open` transaction holds its
 * amount in cash→outbound_pending; posting clears the pending part; voiding
 * puts the cash back. `balance_impact` always shows the transaction's current
 * net effect, and the FA's balance moves by exactly the change of it.
 */
import type Stripe from 'stripe';
import { listRoute } from '../list.js';
import type { ExpandableMap, HandlerContext, Route } from '../types.js';
import { findFinancialAccount } from './financial-accounts.js';
import { findObject, type Stored } from './lookup.js';

export type StoredTreasuryTransaction = Stored<Stripe.Treasury.Transaction>;
type BalanceImpact = Stripe.Treasury.Transaction.BalanceImpact;

const NO_IMPACT: BalanceImpact = { cash: 0, inbound_pending: 0, outbound_pending: 0 };

/** Adds `delta` (per balance) to a financial account's balance in `currency`. */
function moveBalance(ctx: HandlerContext, financialAccount: string, currency: string, delta: BalanceImpact): void {
  const fa = findFinancialAccount(ctx, financialAccount);
  for (const key of ['cash', 'inbound_pending', 'outbound_pending'] as const) {
    fa.balance[key][currency] = (fa.balance[key][currency] ?? 0) + delta[key];
  }
  ctx.store.put(fa);
}

function difference(after: BalanceImpact, before: BalanceImpact): BalanceImpact {
  return {
    cash: after.cash - before.cash,
    inbound_pending: after.inbound_pending - before.inbound_pending,
    outbound_pending: after.outbound_pending - before.outbound_pending,
  };
}

export interface TreasuryTransactionInput {
  financialAccount: string;
  /** Signed: negative for money leaving the account. */
  amount: number;
  currency: string;
  description: string;
  flow: string;
  flowType: Stripe.Treasury.Transaction.FlowType;
  status: 'open' | 'posted';
  balanceImpact: BalanceImpact;
}

/** Records a treasury transaction and applies its balance impact to the financial account. */
export function createTreasuryTransaction(ctx: HandlerContext, input: TreasuryTransactionInput): StoredTreasuryTransaction {
  const now = ctx.clock.now();
  const txn: Stripe.Treasury.Transaction = {
    id: ctx.newId('trxn'),
    object: 'treasury.transaction',
    amount: input.amount,
    balance_impact: input.balanceImpact,
    created: now,
    currency: input.currency,
    description: input.description,
    financial_account: input.financialAccount,
    flow: input.flow,
    flow_type: input.flowType,
    livemode: false,
    status: input.status,
    status_transitions: { posted_at: input.status === 'posted' ? now : null, void_at: null },
  };
  moveBalance(ctx, input.financialAccount, input.currency, input.balanceImpact);
  return ctx.store.put(txn as StoredTreasuryTransaction);
}

/** Settles an open transaction: `posted` keeps `posted` impact, `void` undoes it all. */
export function settleTreasuryTransaction(ctx: HandlerContext, id: string, outcome: 'posted' | 'void', postedImpact?: BalanceImpact): StoredTreasuryTransaction {
  const txn = findTreasuryTransaction(ctx, id);
  const next = outcome === 'void' ? NO_IMPACT : (postedImpact ?? txn.balance_impact);
  moveBalance(ctx, txn.financial_account, txn.currency, difference(next, txn.balance_impact));
  txn.balance_impact = { ...next };
  txn.status = outcome;
  const now = ctx.clock.now();
  txn.status_transitions = outcome === 'posted' ? { posted_at: now, void_at: null } : { posted_at: null, void_at: now };
  return ctx.store.put(txn);
}

export function findTreasuryTransaction(ctx: HandlerContext, id: string): StoredTreasuryTransaction {
  return findObject<StoredTreasuryTransaction>(ctx.store, id, 'treasury.transaction', 'treasury.transaction');
}

export const routes: Route[] = [
  { method: 'GET', path: '/v1/treasury/transactions/:id', accepts: [], handler: (ctx) => findTreasuryTransaction(ctx, ctx.path.id) },
  listRoute({
    path: '/v1/treasury/transactions',
    objectType: 'treasury.transaction',
    required: ['financial_account'],
    equals: ['status'],
    ranges: ['created'],
  }),
];

// financial_account is a plain id in the SDK type; nothing here expands.
export const expandable: ExpandableMap = {};
