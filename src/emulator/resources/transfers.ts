/**
 * Transfers to connected accounts and their reversals.
 *
 * A transfer debits the platform (`transfer` balance transaction) and pays the
 * connected account: a `py_` payment in that account's store. A reversal
 * credits the platform back (`transfer_refund`) and refunds that payment with
 * a `pyr_` refund in the connected account. Reversals are stored objects of
 * their own; the transfer embeds the newest ten as `reversals`.
 * `destination` is the id of a connected account the emulator knows (no account
 * objects are stored, so it is not expandable); `destination_payment` and a reversal's
 * `destination_payment_refund` expand from the platform into that account.
 */
import type Stripe from 'stripe';
import { ACCOUNT_ID } from '../accounts.js';
import { invalidRequest, parameterInvalid, resourceMissing } from '../errors.js';
import { LIST_PARAMS, listRoute, paginate } from '../list.js';
import { applyMetadata } from '../metadata.js';
import type { ExpandableMap, ExpandScope, HandlerContext, Route, StripeObject } from '../types.js';
import { amount, currency, str } from '../validate.js';
import { createBalanceTransaction } from './balance-transactions.js';
import { createCharge, findCharge } from './charges.js';
import { findObject, type Stored } from './lookup.js';
import { previousAttributes } from './previous-attributes.js';
import { recordRefund } from './refunds.js';

export type StoredTransfer = Stored<Stripe.Transfer>;
export type StoredReversal = Stored<Stripe.TransferReversal>;

/** How many reversals a transfer embeds (Stripe: the 10 most recent). */
const EMBEDDED_REVERSALS = 10;

function findTransfer(ctx: HandlerContext, id: string): StoredTransfer {
  return findObject<StoredTransfer>(ctx.store, id, 'transfer', 'transfer');
}

function reversalsOf(ctx: HandlerContext, transferId: string): StoredReversal[] {
  return ctx.store.all<StoredReversal>('transfer_reversal').filter((r) => r.transfer === transferId);
}

/** The embedded `reversals` list as Stripe renders it on a transfer. */
function embeddedReversals(ctx: HandlerContext, transferId: string): Stripe.ApiList<Stripe.TransferReversal> {
  const all = reversalsOf(ctx, transferId);
  return {
    object: 'list',
    data: all.slice(0, EMBEDDED_REVERSALS),
    has_more: all.length > EMBEDDED_REVERSALS,
    url: `/v1/transfers/${transferId}/reversals`,
  };
}

/** The destination: a connected account the emulator knows (Stripe answers an unknown one as a missing resource). */
function connectedAccountId(ctx: HandlerContext): string {
  const destination = str(ctx.params, 'destination', { required: true });
  if (!ACCOUNT_ID.test(destination)) {
    throw parameterInvalid('destination', `Invalid destination: '${destination}' is not a connected account id (acct_…).`);
  }
  if (!ctx.knowsAccount(destination)) throw invalidRequest(`No such destination: '${destination}'`, { code: 'resource_missing', param: 'destination' });
  return destination;
}

function createTransfer(ctx: HandlerContext): StoredTransfer {
  const { params } = ctx;
  const value = amount(params, 'amount', { required: true });
  const cur = currency(params);
  const destination = connectedAccountId(ctx);
  const description = str(params, 'description') ?? null;
  const metadata = applyMetadata(null, params);
  const transferGroup = str(params, 'transfer_group') ?? null;
  const sourceTransactionId = str(params, 'source_transaction');
  if (sourceTransactionId) {
    const source = findCharge(ctx, sourceTransactionId, 'source_transaction');
    if (source.currency !== cur) {
      throw invalidRequest(`The currency of source_transaction's balance transaction (${source.currency}) must be the same as the transfer currency (${cur}).`, { param: 'currency' });
    }
  } else if ((ctx.store.balance[cur]?.available ?? 0) < value) {
    throw invalidRequest('You have insufficient available funds in your Stripe account. Try adding funds directly to your available balance.', { code: 'balance_insufficient' });
  }

  const id = ctx.newId('tr');
  const txn = createBalanceTransaction(ctx, { amount: -value, currency: cur, type: 'transfer', source: id, description });
  const connected = ctx.forAccount(destination);
  const payment = createCharge(connected, {
    amount: value,
    currency: cur,
    method: { type: 'stripe_account' },
    paymentMethodId: null,
    capture: true,
    customer: null,
    description: null,
    metadata: {},
    paymentIntent: null,
    receiptEmail: null,
    statementDescriptor: null,
    transferGroup,
    sourceTransfer: id,
  });
  const transfer: Stripe.Transfer = {
    id,
    object: 'transfer',
    amount: value,
    amount_reversed: 0,
    balance_transaction: txn.id,
    created: ctx.clock.now(),
    currency: cur,
    description,
    destination,
    destination_payment: payment.id,
    livemode: false,
    metadata,
    reversals: embeddedReversals(ctx, id),
    reversed: false,
    source_transaction: sourceTransactionId ?? null,
    source_type: 'card',
    transfer_group: transferGroup,
  };
  const stored = ctx.store.put(transfer as StoredTransfer);
  ctx.emit('transfer.created', stored);
  return stored;
}

function updateTransfer(ctx: HandlerContext): StoredTransfer {
  const transfer = findTransfer(ctx, ctx.path.id);
  const before = { description: transfer.description, metadata: transfer.metadata };
  transfer.metadata = applyMetadata(transfer.metadata, ctx.params);
  if ('description' in ctx.params) transfer.description = str(ctx.params, 'description') ?? null;
  const previous = previousAttributes(before, transfer, ['description', 'metadata']);
  ctx.store.put(transfer);
  if (Object.keys(previous).length) ctx.emit('transfer.updated', transfer, previous);
  return transfer;
}

function createReversal(ctx: HandlerContext): StoredReversal {
  const transfer = findTransfer(ctx, ctx.path.id);
  const remainder = transfer.amount - transfer.amount_reversed;
  if (remainder <= 0) {
    throw invalidRequest(`Transfer ${transfer.id} has already been fully reversed.`);
  }
  const value = amount(ctx.params, 'amount') ?? remainder;
  if (value > remainder) {
    throw invalidRequest(
      `You cannot reverse ${value} of transfer ${transfer.id}: only ${remainder} of its ${transfer.amount} remains unreversed.`,
      { code: 'amount_too_large', param: 'amount' },
    );
  }
  const metadata = applyMetadata(null, ctx.params);

  const id = ctx.newId('trr');
  const txn = createBalanceTransaction(ctx, { amount: value, currency: transfer.currency, type: 'transfer_refund', source: id });
  let paymentRefund: string | null = null;
  if (typeof transfer.destination === 'string' && typeof transfer.destination_payment === 'string') {
    const connected = ctx.forAccount(transfer.destination);
    const payment = findCharge(connected, transfer.destination_payment);
    paymentRefund = recordRefund(connected, { charge: payment, amount: value, reason: null, metadata: {}, sourceTransferReversal: id }).id;
  }
  const reversal: Stripe.TransferReversal = {
    id,
    object: 'transfer_reversal',
    amount: value,
    balance_transaction: txn.id,
    created: ctx.clock.now(),
    currency: transfer.currency,
    destination_payment_refund: paymentRefund,
    metadata,
    source_refund: null,
    transfer: transfer.id,
  };
  const stored = ctx.store.put(reversal as StoredReversal);

  transfer.amount_reversed += value;
  transfer.reversed = transfer.amount_reversed === transfer.amount;
  transfer.reversals = embeddedReversals(ctx, transfer.id);
  ctx.emit('transfer.reversed', ctx.store.put(transfer));
  return stored;
}

function findReversal(ctx: HandlerContext): StoredReversal {
  const transfer = findTransfer(ctx, ctx.path.id);
  const reversal = ctx.store.get<StoredReversal>(ctx.path.reversal);
  if (!reversal || reversal.object !== 'transfer_reversal' || reversal.transfer !== transfer.id) {
    throw resourceMissing('transfer_reversal', ctx.path.reversal);
  }
  return reversal;
}

function updateReversal(ctx: HandlerContext): StoredReversal {
  const reversal = findReversal(ctx);
  reversal.metadata = applyMetadata(reversal.metadata, ctx.params);
  ctx.store.put(reversal);
  // The transfer embeds its reversals, so it carries the change too.
  const transfer = findTransfer(ctx, ctx.path.id);
  transfer.reversals = embeddedReversals(ctx, transfer.id);
  ctx.store.put(transfer);
  return reversal;
}

export const routes: Route[] = [
  {
    method: 'POST',
    path: '/v1/transfers',
    accepts: ['amount', 'currency', 'destination', 'description', 'metadata', 'source_transaction', 'source_type', 'transfer_group'],
    handler: createTransfer,
  },
  { method: 'GET', path: '/v1/transfers/:id', accepts: [], handler: (ctx) => findTransfer(ctx, ctx.path.id) },
  { method: 'POST', path: '/v1/transfers/:id', accepts: ['description', 'metadata'], handler: updateTransfer },
  listRoute({ path: '/v1/transfers', objectType: 'transfer', equals: ['destination', 'transfer_group'], ranges: ['created'] }),
  {
    method: 'POST',
    path: '/v1/transfers/:id/reversals',
    // description is accepted as Stripe does, but a reversal has no field to show it.
    accepts: ['amount', 'description', 'metadata', 'refund_application_fee'],
    handler: createReversal,
  },
  {
    method: 'GET',
    path: '/v1/transfers/:id/reversals',
    accepts: [...LIST_PARAMS],
    handler: (ctx) => {
      const transfer = findTransfer(ctx, ctx.path.id);
      return paginate(ctx, reversalsOf(ctx, transfer.id), `/v1/transfers/${transfer.id}/reversals`);
    },
  },
  { method: 'GET', path: '/v1/transfers/:id/reversals/:reversal', accepts: [], handler: findReversal },
  { method: 'POST', path: '/v1/transfers/:id/reversals/:reversal', accepts: ['description', 'metadata'], handler: updateReversal },
];

/** The connected account a transfer paid (its `py_` payment and any `pyr_` refunds live there). */
const destinationOf = (transfer: StripeObject, scope: ExpandScope) =>
  typeof transfer.destination === 'string' ? scope.connected(transfer.destination) : null;

/** A reversal reaches its transfer's destination account through the transfer (an id, or already expanded). */
const destinationOfReversed = (reversal: StripeObject, scope: ExpandScope) => {
  const ref = reversal.transfer as string | StripeObject | null;
  const transfer = typeof ref === 'string' ? scope.store.get(ref) : ref;
  return transfer ? destinationOf(transfer, scope) : null;
};

export const expandable: ExpandableMap = {
  transfer: { balance_transaction: true, source_transaction: true, reversals: true, destination_payment: destinationOf },
  transfer_reversal: { balance_transaction: true, source_refund: true, transfer: true, destination_payment_refund: destinationOfReversed },
};
