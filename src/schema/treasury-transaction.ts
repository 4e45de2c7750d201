import type Stripe from 'stripe';
import { builder } from './builder.js';
import { stripeEnum, stripeEnumFields } from './enums.js';
import { expandableFields } from './expandable.js';
import { FinancialAccountRef } from './financial-account.js';
import { fetchById, loadNode } from './node.js';

// ── Enums ────────────────────────────────────────────────────────────────

export const TreasuryFlowType = stripeEnum('TreasuryFlowType', 'The kind of Treasury money movement behind a transaction.', {
  credit_reversal: 'A reversed received credit.',
  debit_reversal: 'A reversed received debit.',
  inbound_transfer: 'Money pulled in from an account you own.',
  issuing_authorization: 'A Stripe Issuing card authorization.',
  other: 'Something else (Stripe’s own `other` value).',
  outbound_payment: 'Money sent to a third party (an OutboundPayment).',
  outbound_transfer: 'Money sent to an account you own.',
  received_credit: 'Money received from outside.',
  received_debit: 'Money pulled out from outside.',
});

export const TreasuryTransactionStatus = stripeEnum('TreasuryTransactionStatus', 'Whether a Treasury transaction is final.', {
  open: 'Not final: the funds are pending (in `inboundPending` or `outboundPending`).',
  posted: 'Final: the funds moved in or out of the cash balance.',
  void: 'Canceled before posting: the funds did not move.',
});

// ── Nested objects ───────────────────────────────────────────────────────

export const TreasuryBalanceImpact = builder.objectRef<Stripe.Treasury.Transaction.BalanceImpact>('TreasuryBalanceImpact').implement({
  description: 'How a Treasury transaction changes each part of a financial account’s balance, in minor units (negative: down).',
  fields: (t) => ({
    cash: t.exposeInt('cash', { description: 'Change to the cash balance.' }),
    inboundPending: t.exposeInt('inbound_pending', { description: 'Change to funds on their way in.' }),
    outboundPending: t.exposeInt('outbound_pending', { description: 'Change to funds on their way out.' }),
  }),
});

export const TreasuryTransactionStatusTransitions = builder
  .objectRef<Stripe.Treasury.Transaction.StatusTransitions>('TreasuryTransactionStatusTransitions')
  .implement({
    description: 'When a Treasury transaction reached each final status.',
    fields: (t) => ({
      postedAt: t.expose('posted_at', { type: 'DateTime', nullable: true, description: 'When it posted, if it did.' }),
      voidAt: t.expose('void_at', { type: 'DateTime', nullable: true, description: 'When it was voided, if it was.' }),
    }),
  });

// ── TreasuryTransaction ──────────────────────────────────────────────────

export const TreasuryTransactionRef = builder.objectRef<Stripe.Treasury.Transaction>('TreasuryTransaction');

builder.node(TreasuryTransactionRef, {
  description: 'A movement of money in or out of a Treasury financial account, such as the debit an outbound payment makes.',
  id: { resolve: (txn) => txn.id, description: 'The Treasury transaction’s Stripe id (trxn_…).' },
  loadWithoutCache: loadNode('TreasuryTransaction'),
  fields: (t) => ({
    amount: t.exposeInt('amount', { description: 'The amount, in the currency’s minor units (e.g. cents); negative for money leaving.' }),
    balanceImpact: t.field({
      type: TreasuryBalanceImpact,
      description: 'How it changes each part of the balance.',
      resolve: (txn) => txn.balance_impact,
    }),
    created: t.expose('created', { type: 'DateTime', description: 'When the transaction was created.' }),
    currency: t.expose('currency', { type: 'Currency', description: 'The currency of the amounts.' }),
    description: t.exposeString('description', { description: 'A description of the transaction.' }),
    ...expandableFields(t, {
      name: 'financialAccount',
      kind: 'financialAccount',
      type: FinancialAccountRef,
      key: 'financial_account',
      nullable: false,
      description: 'The financial account the money moved in or out of.',
      idDescription: 'The id of `financialAccount` (fa_…), without loading it.',
    }),
    flowId: t.exposeID('flow', {
      nullable: true,
      description: 'The id of the money movement behind it (e.g. an OutboundPayment’s obp_…), of the kind in `flowType`.',
    }),
    flowDetails: t.field({
      type: 'JSON',
      nullable: true,
      description: 'The money movement behind it, as Stripe sent it (`{type, <type>: {…}}`). Loaded only when selected.',
      extensions: { stripeExpand: 'flow_details' },
      resolve: (txn) => txn.flow_details ?? null,
    }),
    ...stripeEnumFields(t, {
      name: 'flowType',
      type: TreasuryFlowType,
      key: 'flow_type',
      description: 'The kind of money movement behind it.',
    }),
    livemode: t.exposeBoolean('livemode', { description: 'True in live mode, false in test mode.' }),
    ...stripeEnumFields(t, {
      name: 'status',
      type: TreasuryTransactionStatus,
      key: 'status',
      description: 'Whether it is final.',
    }),
    statusTransitions: t.field({
      type: TreasuryTransactionStatusTransitions,
      description: 'When it reached each final status.',
      resolve: (txn) => txn.status_transitions,
    }),
  }),
});

// ── Queries ──────────────────────────────────────────────────────────────

builder.queryField('treasuryTransaction', (t) =>
  t.field({
    type: TreasuryTransactionRef,
    nullable: true,
    description: 'One Treasury transaction by id. Null, with a NOT_FOUND error, if Stripe has no such transaction.',
    args: { id: t.arg.id({ required: true, description: 'The transaction’s id (trxn_…).' }) },
    resolve: (_root, args, ctx, info) => fetchById(ctx, info, 'TreasuryTransaction', String(args.id)),
  }),
);
