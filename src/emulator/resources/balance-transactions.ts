// Routes are added by the emulator-core owner; createBalanceTransaction is the shared entry point every resource uses.
import type { ExpandableMap, HandlerContext, Route, StripeObject } from '../types.js';

export interface BalanceTransactionInput {
  /** Signed effect on the balance in minor units: negative for money leaving (payout, refund), positive for money coming back. */
  amount: number;
  currency: string;
  /** Stripe's balance transaction type: payout, payout_cancel, payout_failure, refund, refund_failure, transfer, transfer_refund, charge, ... */
  type: string;
  /** The id of the object that caused it (po_, re_, tr_, trr_, ch_ ...). */
  source: string;
  description?: string | null;
  fee?: number;
}

/**
 * Records a balance transaction in the current account and moves its available
 * balance. Returns the stored `balance_transaction` object (shape of Stripe.BalanceTransaction).
 */
export function createBalanceTransaction(ctx: HandlerContext, input: BalanceTransactionInput): StripeObject {
  const now = ctx.clock.now();
  const fee = input.fee ?? 0;
  const txn: StripeObject = {
    id: ctx.newId('txn'),
    object: 'balance_transaction',
    amount: input.amount,
    available_on: now,
    balance_type: 'payments',
    created: now,
    currency: input.currency,
    description: input.description ?? null,
    exchange_rate: null,
    fee,
    fee_details: [],
    net: input.amount - fee,
    reporting_category: input.type,
    source: input.source,
    status: 'available',
    type: input.type,
  };
  const bal = (ctx.store.balance[input.currency] ??= { available: 0, pending: 0 });
  bal.available += input.amount - fee;
  return ctx.store.put(txn);
}

export const routes: Route[] = [];
export const expandable: ExpandableMap = {};
