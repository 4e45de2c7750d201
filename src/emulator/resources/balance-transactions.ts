// createBalanceTransaction is the shared entry point every resource uses to move money.
import { invalidRequest, resourceMissing } from '../errors.js';
import { LIST_PARAMS, equalFilter, paginate, rangeFilter } from '../list.js';
import { str } from '../validate.js';
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

/**
 * `payout=po_…` lists what an automatic payout paid out; Stripe refuses it for
 * manual payouts, and so does the emulator.
 */
function checkPayoutFilter(ctx: HandlerContext): void {
  const payoutId = str(ctx.params, 'payout');
  if (payoutId === undefined) return;
  const payout = ctx.store.get(payoutId);
  if (!payout || payout.object !== 'payout') throw resourceMissing('payout', payoutId, 'payout');
  if (!payout.automatic) {
    throw invalidRequest('Balance transaction history can only be filtered on automatic payouts, not manual ones.', { param: 'payout' });
  }
}

export const routes: Route[] = [
  {
    method: 'GET',
    path: '/v1/balance_transactions',
    accepts: [...LIST_PARAMS, 'created', 'currency', 'payout', 'source', 'type'],
    handler(ctx) {
      checkPayoutFilter(ctx);
      let items = ctx.store.all('balance_transaction');
      items = rangeFilter(ctx.params, 'created', items);
      items = equalFilter(ctx.params, 'currency', items);
      items = equalFilter(ctx.params, 'source', items);
      items = equalFilter(ctx.params, 'type', items);
      // The emulator does not record which charges an automatic payout swept up: only the payout's own transaction belongs to it.
      if (ctx.params.payout !== undefined) items = items.filter((t) => t.source === ctx.params.payout);
      return paginate(ctx, items, '/v1/balance_transactions');
    },
  },
  {
    method: 'GET',
    path: '/v1/balance_transactions/:id',
    accepts: [],
    handler(ctx) {
      const txn = ctx.store.get(ctx.path.id);
      if (!txn || txn.object !== 'balance_transaction') throw resourceMissing('balance transaction', ctx.path.id);
      return txn;
    },
  },
];

export const expandable: ExpandableMap = { balance_transaction: { source: true } };
