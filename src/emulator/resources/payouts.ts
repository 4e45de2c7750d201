import { invalidRequest, resourceMissing } from '../errors.js';
import { unitHash } from '../ids.js';
import { listRoute } from '../list.js';
import { applyMetadata } from '../metadata.js';
import { amount, currency, oneOf, str } from '../validate.js';
import type { ExpandableMap, HandlerContext, Route, StripeObject } from '../types.js';
import { createBalanceTransaction } from './balance-transactions.js';
import { externalAccounts, findExternalAccount } from './external-accounts.js';

const DAY = 24 * 60 * 60;
/** Standard payouts arrive two days after creation, instant ones at once. */
const STANDARD_ARRIVAL = 2 * DAY;
/** A pending payout is handed to the bank (in_transit) this long after creation (or at arrival if sooner). */
const IN_TRANSIT_AFTER = 6 * 60 * 60;
/** Instant payouts settle this long after creation. */
const INSTANT_SETTLE_AFTER = 30 * 60;
const REVERSIBLE_FOR = 90 * DAY;

type PayoutStatus = 'pending' | 'in_transit' | 'paid' | 'failed' | 'canceled';

/** The payout fields the state machine reads (the object carries every Stripe.Payout field). */
interface PayoutFields {
  amount: number;
  arrival_date: number;
  automatic: boolean;
  balance_transaction: string | null;
  created: number;
  currency: string;
  destination: string | null;
  failure_balance_transaction: string | null;
  metadata: Record<string, string>;
  method: 'standard' | 'instant';
  original_payout: string | null;
  reversed_by: string | null;
  status: PayoutStatus;
  trace_id: { status: string; value: string | null } | null;
  type: 'bank_account' | 'card';
  description: string | null;
  source_type: string;
  statement_descriptor: string | null;
  payout_method: string | null;
}

type Payout = StripeObject & PayoutFields;

function load(ctx: HandlerContext, id: string): Payout {
  const payout = ctx.store.get<Payout>(id);
  if (!payout || payout.object !== 'payout') throw resourceMissing('payout', id);
  return payout;
}

/** Stores a new payout with its `payout` balance transaction (-amount), fires payout.created and starts its clock. */
function open(ctx: HandlerContext, fields: Omit<PayoutFields, 'balance_transaction' | 'created'> & Record<string, unknown>): Payout {
  const now = ctx.clock.now();
  const id = ctx.newId('po');
  const txn = createBalanceTransaction(ctx, { amount: -fields.amount, currency: fields.currency, type: 'payout', source: id, description: fields.description });
  const payout = ctx.store.put<Payout>({ id, object: 'payout', ...fields, balance_transaction: txn.id, created: now });
  ctx.emit('payout.created', payout);
  const settleAt = payout.method === 'instant' ? now + INSTANT_SETTLE_AFTER : payout.arrival_date;
  ctx.schedule(Math.min(now + IN_TRANSIT_AFTER, settleAt), () => moveToTransit(ctx, id));
  ctx.schedule(settleAt, () => settle(ctx, id));
  return payout;
}

function update(ctx: HandlerContext, payout: Payout, changes: Partial<Payout>, events: string[]): Payout {
  const previous: Record<string, unknown> = {};
  for (const key of Object.keys(changes)) previous[key] = payout[key];
  const next = ctx.store.put<Payout>({ ...payout, ...changes });
  ctx.emit('payout.updated', next, previous);
  for (const type of events) ctx.emit(type, next);
  return next;
}

function moveToTransit(ctx: HandlerContext, id: string): void {
  const payout = ctx.store.get<Payout>(id);
  if (payout?.status === 'pending') update(ctx, payout, { status: 'in_transit' }, []);
}

/** At arrival a payout is paid, or — for the configured share, decided by its id — fails and the money comes back. */
function settle(ctx: HandlerContext, id: string): void {
  const payout = ctx.store.get<Payout>(id);
  if (!payout || (payout.status !== 'pending' && payout.status !== 'in_transit')) return;
  if (unitHash(id) < ctx.options.payoutFailureRate) {
    const txn = createBalanceTransaction(ctx, { amount: payout.amount, currency: payout.currency, type: 'payout_failure', source: id, description: 'Payout failure' });
    update(
      ctx,
      payout,
      {
        status: 'failed',
        failure_code: 'account_closed',
        failure_message: 'The bank account has been closed.',
        failure_balance_transaction: txn.id,
        ...(payout.trace_id ? { trace_id: { status: 'unsupported', value: null } } : {}),
      },
      ['payout.failed'],
    );
    cancelPendingReversal(ctx, payout);
    return;
  }
  const trace = payout.trace_id ? { trace_id: { status: 'supported', value: `${payout.created}${id.slice(-6)}`.toUpperCase() } } : {};
  const paid = update(ctx, payout, { status: 'paid', ...trace }, ['payout.paid']);
  // Automatic payouts are reconciled against their balance transactions once paid.
  if (paid.automatic) update(ctx, paid, { reconciliation_status: 'completed' }, ['payout.reconciliation_completed']);
}

/** A reversal still pending when its original fails has nothing left to reverse. */
function cancelPendingReversal(ctx: HandlerContext, original: Payout): void {
  const reversal = original.reversed_by ? ctx.store.get<Payout>(original.reversed_by) : undefined;
  if (reversal?.status === 'pending') cancel(ctx, reversal);
}

function cancel(ctx: HandlerContext, payout: Payout): Payout {
  const txn = createBalanceTransaction(ctx, { amount: payout.amount, currency: payout.currency, type: 'payout_cancel', source: payout.id, description: 'Payout cancellation' });
  return update(ctx, payout, { status: 'canceled', failure_balance_transaction: txn.id }, ['payout.canceled']);
}

/** What a new payout's creator chooses; everything else follows from the destination and the clock. */
type PayoutChoices = Pick<
  PayoutFields,
  'amount' | 'currency' | 'method' | 'source_type' | 'description' | 'statement_descriptor' | 'metadata' | 'payout_method' | 'automatic'
>;

/**
 * A new pending payout to `destination`. Automatic payouts (Stripe's own, on the
 * account's schedule) start reconciling at once; manual ones are not reconciled.
 */
function openTo(ctx: HandlerContext, destination: StripeObject, choices: PayoutChoices): Payout {
  const now = ctx.clock.now();
  const isCard = destination.object === 'card';
  return open(ctx, {
    ...choices,
    application_fee: null,
    application_fee_amount: null,
    arrival_date: choices.method === 'instant' ? now : now + STANDARD_ARRIVAL,
    destination: destination.id,
    failure_balance_transaction: null,
    failure_code: null,
    failure_message: null,
    livemode: false,
    original_payout: null,
    reconciliation_status: choices.automatic ? 'in_progress' : 'not_applicable',
    reversed_by: null,
    status: 'pending',
    trace_id: isCard ? null : { status: 'pending', value: null },
    type: isCard ? 'card' : 'bank_account',
  });
}

/**
 * An automatic payout of `amount` to the account's default bank account, as Stripe makes
 * on a payout schedule (the API cannot create one; the emulator's admin API does).
 */
export function createAutomaticPayout(ctx: HandlerContext, amount: number, currency: string): StripeObject {
  return openTo(ctx, externalAccounts(ctx.store).bank, {
    amount,
    currency,
    method: 'standard',
    source_type: 'card',
    description: 'STRIPE PAYOUT',
    statement_descriptor: null,
    metadata: {},
    payout_method: null,
    automatic: true,
  });
}

export const routes: Route[] = [
  {
    method: 'POST',
    path: '/v1/payouts',
    accepts: ['amount', 'currency', 'description', 'destination', 'metadata', 'method', 'source_type', 'statement_descriptor', 'payout_method'],
    handler(ctx) {
      const { params, store } = ctx;
      const value = amount(params, 'amount', { required: true });
      const cur = currency(params);
      const description = str(params, 'description', { max: 1000 }) ?? null;
      const statementDescriptor = str(params, 'statement_descriptor', { max: 22 }) ?? null;
      const method = oneOf(params, 'method', ['standard', 'instant'] as const) ?? 'standard';
      const sourceType = oneOf(params, 'source_type', ['bank_account', 'card', 'fpx'] as const) ?? 'card';
      const payoutMethod = str(params, 'payout_method') ?? null;
      const metadata = applyMetadata({}, params);
      const destinationId = str(params, 'destination');
      const { bank, card } = externalAccounts(store);
      const destination = destinationId ? findExternalAccount(store, destinationId) : method === 'instant' ? card : bank;
      // A missing object named in a param is a 400 (404 is for the object in the URL).
      if (!destination) throw invalidRequest(`No such external account: '${destinationId}'`, { code: 'resource_missing', param: 'destination' });
      if (method === 'instant' && destination.object !== 'card') {
        throw invalidRequest('Instant payouts can only be sent to a debit card; this destination is a bank account.', { param: 'method' });
      }
      const available = store.balance[cur]?.available ?? 0;
      if (available < value) {
        throw invalidRequest(`You have insufficient funds in your Stripe account: ${available} ${cur} available, ${value} requested.`, { code: 'balance_insufficient' });
      }
      return openTo(ctx, destination, {
        amount: value,
        currency: cur,
        method,
        source_type: sourceType,
        description,
        statement_descriptor: statementDescriptor,
        metadata,
        payout_method: payoutMethod,
        automatic: false,
      });
    },
  },
  listRoute({
    path: '/v1/payouts',
    objectType: 'payout',
    equals: ['destination', 'status'],
    ranges: ['created', 'arrival_date'],
    check: (params) => oneOf(params, 'status', ['pending', 'in_transit', 'paid', 'failed', 'canceled'] as const),
  }),
  {
    method: 'GET',
    path: '/v1/payouts/:id',
    accepts: [],
    handler: (ctx) => load(ctx, ctx.path.id),
  },
  {
    method: 'POST',
    path: '/v1/payouts/:id',
    accepts: ['metadata'],
    handler(ctx) {
      const payout = load(ctx, ctx.path.id);
      const metadata = applyMetadata(payout.metadata, ctx.params);
      if (JSON.stringify(metadata) === JSON.stringify(payout.metadata)) return payout;
      return update(ctx, payout, { metadata }, []);
    },
  },
  {
    method: 'POST',
    path: '/v1/payouts/:id/cancel',
    accepts: [],
    handler(ctx) {
      const payout = load(ctx, ctx.path.id);
      if (payout.automatic) throw invalidRequest("Automatic payouts can't be canceled; only manual payouts can.");
      if (payout.status !== 'pending') {
        throw invalidRequest(`Payouts can only be canceled while they are pending; this payout is ${payout.status}.`);
      }
      return cancel(ctx, payout);
    },
  },
  {
    method: 'POST',
    path: '/v1/payouts/:id/reverse',
    accepts: ['metadata'],
    handler(ctx) {
      const original = load(ctx, ctx.path.id);
      const metadata = applyMetadata({}, ctx.params);
      if (original.original_payout) throw invalidRequest('This payout is itself a reversal and cannot be reversed.');
      if (original.reversed_by) throw invalidRequest(`This payout has already been reversed by ${original.reversed_by}.`);
      if (original.status === 'pending' && !original.automatic) {
        throw invalidRequest('This payout is pending; a pending manual payout cannot be reversed — use /v1/payouts/:id/cancel instead.');
      }
      if (original.status !== 'paid' && original.status !== 'in_transit') {
        throw invalidRequest(`Payouts can only be reversed once in transit or paid; this payout is ${original.status}.`);
      }
      if (original.method === 'instant' || original.type !== 'bank_account') {
        throw invalidRequest('Only standard payouts to bank accounts can be reversed.');
      }
      const now = ctx.clock.now();
      if (original.arrival_date < now - REVERSIBLE_FOR) {
        throw invalidRequest('Payouts can only be reversed within 90 days of their arrival date.');
      }
      const reversal = open(ctx, {
        amount: -original.amount,
        application_fee: null,
        application_fee_amount: null,
        arrival_date: now + STANDARD_ARRIVAL,
        automatic: false,
        currency: original.currency,
        description: null,
        destination: original.destination,
        failure_balance_transaction: null,
        failure_code: null,
        failure_message: null,
        livemode: false,
        metadata,
        method: 'standard',
        original_payout: original.id,
        payout_method: original.payout_method ?? null,
        reconciliation_status: 'not_applicable',
        reversed_by: null,
        source_type: original.source_type,
        statement_descriptor: null,
        status: 'pending',
        trace_id: { status: 'pending', value: null },
        type: 'bank_account',
      });
      update(ctx, original, { reversed_by: reversal.id }, []);
      return reversal;
    },
  },
];

export const expandable: ExpandableMap = {
  payout: {
    application_fee: true,
    balance_transaction: true,
    destination: true,
    failure_balance_transaction: true,
    original_payout: true,
    reversed_by: true,
  },
};
