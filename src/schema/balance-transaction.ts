import type Stripe from 'stripe';
import { builder } from './builder.js';
import { stripeEnum, stripeEnumFields, enumArgValue } from './enums.js';
import { idField } from './expandable.js';
import { DateTimeRange, definedParams, toStripeRange } from './inputs.js';
import { fetchById, loadNode } from './node.js';
import { fetchConnection } from '../planning/pagination.js';

// ── Enums ────────────────────────────────────────────────────────────────

export const BalanceTransactionType = stripeEnum(
  'BalanceTransactionType',
  'What moved money in a balance transaction. Those this gateway’s resources create are PAYOUT, PAYOUT_CANCEL, PAYOUT_FAILURE, REFUND, PAYMENT_REFUND, REFUND_FAILURE, PAYMENT_FAILURE_REFUND, TRANSFER and TRANSFER_REFUND.',
  {
    adjustment: 'A manual or dispute-related adjustment to the balance.',
    advance: 'Funds advanced to the balance ahead of settlement.',
    advance_funding: 'The funding that repays an advance.',
    anticipation_repayment: 'A repayment of anticipated funds.',
    application_fee: 'A Connect application fee collected by the platform.',
    application_fee_refund: 'A refund of a Connect application fee.',
    charge: 'A card or other charge created through the Charges API.',
    climate_order_purchase: 'A Stripe Climate order purchase.',
    climate_order_refund: 'A refund of a Stripe Climate order.',
    connect_collection_transfer: 'A transfer collecting a negative balance from a connected account.',
    contribution: 'A contribution (for example, Stripe Climate) taken from the balance.',
    fee_credit_funding: 'Funding added as Stripe fee credit.',
    inbound_transfer: 'Money pulled in from an external account.',
    inbound_transfer_reversal: 'A reversed inbound transfer.',
    issuing_authorization_hold: 'Funds held for a Stripe Issuing authorization.',
    issuing_authorization_release: 'A released Stripe Issuing authorization hold.',
    issuing_dispute: 'A Stripe Issuing dispute.',
    issuing_dispute_provisional_credit: 'A provisional credit granted for a Stripe Issuing dispute.',
    issuing_dispute_provisional_credit_reversal: 'A reversed provisional credit for a Stripe Issuing dispute.',
    issuing_transaction: 'A captured Stripe Issuing card transaction.',
    obligation_outbound: 'An outbound obligation payment.',
    obligation_reversal_inbound: 'A reversed outbound obligation returning funds.',
    payment: 'A payment made with a non-card payment method (or a destination payment on a connected account).',
    payment_failure_refund: 'Funds returned to the balance because a payment refund failed.',
    payment_network_reserve_hold: 'Funds held in reserve by a payment network.',
    payment_network_reserve_release: 'Funds released from a payment network reserve.',
    payment_refund: 'A refund of a non-card payment (or of a destination payment).',
    payment_reversal: 'A reversed payment.',
    payment_unreconciled: 'A payment not yet matched to its source.',
    payout: 'Money sent from the balance to a bank account or card (a payout).',
    payout_cancel: 'Funds returned to the balance because a payout was canceled.',
    payout_failure: 'Funds returned to the balance because a payout failed.',
    payout_minimum_balance_hold: 'Funds held back to keep a minimum balance after payouts.',
    payout_minimum_balance_release: 'A released minimum-balance hold.',
    refund: 'A refund of a card charge.',
    refund_failure: 'Funds returned to the balance because a card refund failed.',
    reserve_hold: 'Funds moved into a reserve.',
    reserve_release: 'Funds released from a reserve.',
    reserve_transaction: 'A movement to or from a reserve.',
    reserved_funds: 'Funds reserved on the balance.',
    stripe_balance_payment_debit: 'A payment debited from the Stripe balance.',
    stripe_balance_payment_debit_reversal: 'A reversed Stripe balance payment debit.',
    stripe_fee: 'A Stripe fee charged to the balance.',
    stripe_fx_fee: 'A Stripe currency-conversion fee.',
    tax_fee: 'A fee for Stripe Tax.',
    tax_fund: 'Funds for Stripe Tax filings.',
    topup: 'Money added to the balance by a top-up.',
    topup_reversal: 'A reversed top-up.',
    transfer: 'Money sent to a connected account (a Connect transfer).',
    transfer_cancel: 'Funds returned because a transfer was canceled.',
    transfer_failure: 'Funds returned because a transfer failed.',
    transfer_refund: 'Funds returned to the platform by a transfer reversal.',
  },
);

export const BalanceTransactionStatus = stripeEnum('BalanceTransactionStatus', 'Whether a balance transaction’s funds can be used yet.', {
  available: 'The funds are in the available balance.',
  pending: 'The funds are pending and become available on `availableOn`.',
});

export const BalanceType = stripeEnum('BalanceType', 'Which balance a balance transaction affects.', {
  issuing: 'The Stripe Issuing balance.',
  payments: 'The payments balance (the usual one).',
  refund_and_dispute_prefunding: 'The balance set aside to fund refunds and disputes.',
  risk_reserved: 'The balance held as a risk reserve.',
});

// ── Nested objects ───────────────────────────────────────────────────────

export const FeeDetail = builder.objectRef<Stripe.BalanceTransaction.FeeDetail>('FeeDetail').implement({
  description: 'One fee included in a balance transaction’s `fee`.',
  fields: (t) => ({
    amount: t.exposeInt('amount', { description: 'The fee, in the currency’s minor units (e.g. cents).' }),
    application: t.exposeString('application', { nullable: true, description: 'The Connect application that earned this fee, if any.' }),
    currency: t.expose('currency', { type: 'Currency', description: 'The fee’s currency.' }),
    description: t.exposeString('description', { nullable: true, description: 'What the fee is for, for display.' }),
    type: t.exposeString('type', {
      description: 'The kind of fee: `application_fee`, `payment_method_passthrough_fee`, `stripe_fee` or `tax` (an open set, so a String).',
    }),
  }),
});

// ── BalanceTransaction ───────────────────────────────────────────────────

export const BalanceTransactionRef = builder.objectRef<Stripe.BalanceTransaction>('BalanceTransaction');

builder.node(BalanceTransactionRef, {
  description:
    'One movement of funds in or out of the Stripe balance (a payout, a refund, a transfer, their failures and reversals…). Amounts are signed: negative leaves the balance.',
  id: { resolve: (bt) => bt.id, description: 'The balance transaction’s Stripe id (txn_…).' },
  loadWithoutCache: loadNode('BalanceTransaction'),
  fields: (t) => ({
    amount: t.exposeInt('amount', {
      description: 'Gross amount in the currency’s minor units (e.g. cents); negative when funds leave the balance.',
    }),
    availableOn: t.expose('available_on', { type: 'DateTime', description: 'When the funds become available in the balance.' }),
    ...stripeEnumFields(t, {
      name: 'balanceType',
      type: BalanceType,
      key: 'balance_type',
      description: 'Which balance this transaction affects.',
    }),
    created: t.expose('created', { type: 'DateTime', description: 'When the balance transaction was created.' }),
    currency: t.expose('currency', { type: 'Currency', description: 'The currency of `amount`, `fee` and `net`.' }),
    description: t.exposeString('description', { nullable: true, description: 'A description of the movement, for display.' }),
    exchangeRate: t.exposeFloat('exchange_rate', {
      nullable: true,
      description: 'The rate used when the source currency was converted to `currency`; null when no conversion happened.',
    }),
    fee: t.exposeInt('fee', { description: 'Total fees in minor units (see `feeDetails`).' }),
    feeDetails: t.expose('fee_details', { type: [FeeDetail], description: 'The fees that make up `fee`.' }),
    net: t.exposeInt('net', { description: 'What the balance changes by: `amount` minus `fee`, in minor units.' }),
    reportingCategory: t.exposeString('reporting_category', {
      description: 'Stripe’s reporting category for this transaction (e.g. `payout`, `refund`, `transfer_reversal`), used in financial reports.',
    }),
    sourceId: idField(t, 'source', {
      nullable: true,
      description: 'The id of the object that caused this movement (a payout, refund, transfer, reversal, charge…).',
    }),
    ...stripeEnumFields(t, {
      name: 'status',
      type: BalanceTransactionStatus,
      key: 'status',
      description: 'Whether the funds are available yet.',
    }),
    ...stripeEnumFields(t, {
      name: 'type',
      type: BalanceTransactionType,
      key: 'type',
      description: 'What kind of movement this is.',
    }),
  }),
});

// ── Queries ──────────────────────────────────────────────────────────────

builder.queryFields((t) => ({
  balanceTransaction: t.field({
    type: BalanceTransactionRef,
    nullable: true,
    description: 'One balance transaction by id. Null, with a NOT_FOUND error, if Stripe has no such object.',
    args: { id: t.arg.id({ required: true, description: 'The balance transaction’s id (txn_…).' }) },
    resolve: (_root, args, ctx, info) => fetchById(ctx, info, 'BalanceTransaction', String(args.id)),
  }),
  balanceTransactions: t.connection(
    {
      type: BalanceTransactionRef,
      description: 'Balance transactions, newest first.',
      args: {
        created: t.arg({ type: DateTimeRange, description: 'Only those created in this range.' }),
        currency: t.arg({ type: 'Currency', description: 'Only those in this currency.' }),
        payout: t.arg.id({ description: 'Only those paid out by this automatic payout (po_…).' }),
        source: t.arg.id({ description: 'Only those caused by this object (e.g. a refund or transfer id).' }),
        type: t.arg({ type: BalanceTransactionType.ref, description: 'Only those of this type.' }),
      },
      resolve: (_root, args, ctx, info) =>
        fetchConnection(ctx, info, 'balanceTransaction', args, (page) =>
          ctx.stripe.balanceTransactions.list(
            {
              ...page,
              ...definedParams({
                created: toStripeRange(args.created),
                currency: args.currency,
                payout: args.payout == null ? undefined : String(args.payout),
                source: args.source == null ? undefined : String(args.source),
                type: enumArgValue(BalanceTransactionType, args.type, 'type'),
              }),
            },
            ctx.requestOptions,
          ),
        ),
    },
    { name: 'BalanceTransactionConnection', description: 'A page of balance transactions.' },
    { name: 'BalanceTransactionEdge', description: 'A balance transaction in a page, with its cursor.' },
  ),
}));
