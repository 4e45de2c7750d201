import type Stripe from 'stripe';
import { builder } from './builder.js';
import { stripeEnum, stripeEnumFields, enumArgValue } from './enums.js';
import { expandableFields, expandViaParent, idField } from './expandable.js';
import { BalanceTransactionRef } from './balance-transaction.js';
import { PayoutDestinationRef, PayoutSpeed } from './external-account.js';
import { DateTimeRange, definedParams, toStripeRange } from './inputs.js';
import { fetchById, loadNode } from './node.js';
import { fetchConnection } from '../planning/pagination.js';

// ── Enums ────────────────────────────────────────────────────────────────

export const PayoutStatus = stripeEnum('PayoutStatus', 'Where a payout is in its life cycle.', {
  pending: 'Created, not yet submitted to the bank. A manual payout can still be canceled.',
  in_transit: 'Submitted to the bank, on its way.',
  paid: 'Arrived, as far as Stripe knows. A payout can still fail after this (it then becomes FAILED).',
  failed: 'The bank rejected it; see `failureCode` and `failureMessage`. The funds are back in the balance.',
  canceled: 'Canceled before it was sent; the funds are back in the balance.',
});

export const PayoutSourceType = stripeEnum('PayoutSourceType', 'Which part of the balance a payout draws from.', {
  card: 'The card payments balance (the usual one).',
  bank_account: 'The balance from bank debits (e.g. ACH).',
  fpx: 'The FPX (Malaysia) balance.',
});

export const PayoutType = stripeEnum('PayoutType', 'What kind of destination a payout goes to.', {
  bank_account: 'A bank account.',
  card: 'A debit card.',
});

export const PayoutReconciliationStatus = stripeEnum(
  'PayoutReconciliationStatus',
  'Whether Stripe has matched an automatic payout to the balance transactions it pays out.',
  {
    not_applicable: 'Not applicable: a manual payout (created through the API or dashboard).',
    in_progress: 'Stripe is still matching the payout to its balance transactions.',
    completed: 'Done: list them with `balanceTransactions(payout: …)`.',
  },
);

export const PayoutFailureCode = stripeEnum('PayoutFailureCode', 'Why a payout failed, as the bank or Stripe reported it.', {
  account_closed: 'The bank account has been closed.',
  account_frozen: 'The bank account has been frozen.',
  bank_account_restricted: 'The bank account restricts this kind of payment (e.g. a savings account or currency limits).',
  bank_ownership_changed: 'The account moved to another bank; ask for the new details.',
  could_not_process: 'The bank could not process this payout.',
  debit_not_authorized: 'Debits to this account are not authorized (for a negative payout).',
  declined: 'The bank declined the payout; ask the account holder’s bank why.',
  incorrect_account_holder_address: 'The account holder’s address is wrong.',
  incorrect_account_holder_name: 'The account holder’s name is wrong.',
  incorrect_account_holder_tax_id: 'The account holder’s tax id is wrong.',
  insufficient_funds: 'The Stripe balance was too low to cover the payout.',
  invalid_account_number: 'The account number is invalid (or the routing number does not match it).',
  invalid_currency: 'The bank account cannot accept this currency.',
  no_account: 'No account exists with these details.',
  unsupported_card: 'The debit card cannot receive payouts.',
});

export const TraceIdStatus = stripeEnum('TraceIdStatus', 'Whether a payout has a bank trace id.', {
  pending: 'Not known yet: the payout is not final, or the bank has not reported it (can take up to 10 days after arrival).',
  supported: 'The bank gave a trace id; it is in `value`.',
  unsupported: 'This bank or network does not give trace ids.',
});

// ── Nested objects ───────────────────────────────────────────────────────

export const PayoutTraceId = builder.objectRef<Stripe.Payout.TraceId>('PayoutTraceId').implement({
  description: 'The reference the receiving bank gives a payout (a "trace number"), for finding it with the bank.',
  fields: (t) => ({
    ...stripeEnumFields(t, {
      name: 'status',
      type: TraceIdStatus,
      key: 'status',
      description: 'Whether a trace id exists.',
    }),
    value: t.exposeString('value', { nullable: true, description: 'The trace id, when `status` is SUPPORTED.' }),
  }),
});

// ── Payout ───────────────────────────────────────────────────────────────

export const PayoutRef = builder.objectRef<Stripe.Payout>('Payout');

builder.node(PayoutRef, {
  description:
    'Money sent from the Stripe balance to a bank account or debit card. Manual payouts start PENDING; then IN_TRANSIT and PAID, or FAILED / CANCELED with the funds returned.',
  id: { resolve: (payout) => payout.id, description: 'The payout’s Stripe id (po_…).' },
  loadWithoutCache: loadNode('Payout'),
  fields: (t) => ({
    amount: t.exposeInt('amount', {
      description: 'The amount sent, in the currency’s minor units (e.g. cents). Negative for a payout that reverses another.',
    }),
    applicationFeeId: idField(t, 'application_fee', {
      nullable: true,
      description: 'The Connect application fee charged on this payout (fee_…), if any.',
    }),
    applicationFeeAmount: t.exposeInt('application_fee_amount', {
      nullable: true,
      description: 'The application fee requested on this payout, in minor units, if any.',
    }),
    arrivalDate: t.expose('arrival_date', {
      type: 'DateTime',
      description: 'When the payout is expected to reach the bank (weekends and bank holidays included).',
    }),
    automatic: t.exposeBoolean('automatic', {
      description: 'True for payouts created by the automatic payout schedule; false for manual ones.',
    }),
    ...expandableFields(t, {
      name: 'balanceTransaction',
      kind: 'balanceTransaction',
      type: BalanceTransactionRef,
      key: 'balance_transaction',
      stripeExpand: 'balance_transaction',
      nullable: true,
      description: 'The balance transaction that took this payout out of the balance.',
      idDescription: 'The id of `balanceTransaction` (txn_…), without loading it.',
    }),
    created: t.expose('created', { type: 'DateTime', description: 'When the payout was created.' }),
    currency: t.expose('currency', { type: 'Currency', description: 'The currency of `amount`.' }),
    description: t.exposeString('description', { nullable: true, description: 'Your description of the payout.' }),
    destination: t.field({
      type: PayoutDestinationRef,
      nullable: true,
      description: 'The bank account or card the payout is sent to.',
      extensions: { stripeExpand: 'destination', stripeViaParent: true },
      resolve: (payout, _args, ctx) =>
        typeof payout.destination === 'string'
          ? expandViaParent(ctx, 'payout', payout.id, 'destination', (p) => p.destination)
          : payout.destination,
    }),
    destinationId: idField(t, 'destination', {
      nullable: true,
      description: 'The id of `destination` (ba_… or card_…), without loading it.',
    }),
    ...expandableFields(t, {
      name: 'failureBalanceTransaction',
      kind: 'balanceTransaction',
      type: BalanceTransactionRef,
      key: 'failure_balance_transaction',
      stripeExpand: 'failure_balance_transaction',
      nullable: true,
      description: 'When the payout failed or was canceled: the balance transaction that returned the funds to the balance.',
      idDescription: 'The id of `failureBalanceTransaction` (txn_…), without loading it.',
    }),
    ...stripeEnumFields(t, {
      name: 'failureCode',
      type: PayoutFailureCode,
      nullable: true,
      key: 'failure_code',
      description: 'Why the payout failed, when it did and the reason is known.',
    }),
    failureMessage: t.exposeString('failure_message', {
      nullable: true,
      description: 'A human-readable explanation of the failure, when one is available.',
    }),
    livemode: t.exposeBoolean('livemode', { description: 'True in live mode, false in test mode.' }),
    metadata: t.expose('metadata', { type: 'Metadata', nullable: true, description: 'Your key-value pairs on the payout.' }),
    ...stripeEnumFields(t, {
      name: 'method',
      type: PayoutSpeed,
      key: 'method',
      description: 'Standard or instant.',
    }),
    ...expandableFields(t, {
      name: 'originalPayout',
      kind: 'payout',
      type: PayoutRef,
      key: 'original_payout',
      stripeExpand: 'original_payout',
      nullable: true,
      description: 'When this payout reverses another: the payout it reverses.',
      idDescription: 'The id of `originalPayout` (po_…), without loading it.',
    }),
    payoutMethod: t.exposeString('payout_method', {
      nullable: true,
      description: 'The id of the Stripe v2 payout method (financial account) the funds are sent to, when one is used.',
    }),
    ...stripeEnumFields(t, {
      name: 'reconciliationStatus',
      type: PayoutReconciliationStatus,
      key: 'reconciliation_status',
      description: 'Whether the balance transactions this payout covers can be listed yet.',
    }),
    ...expandableFields(t, {
      name: 'reversedBy',
      kind: 'payout',
      type: PayoutRef,
      key: 'reversed_by',
      stripeExpand: 'reversed_by',
      nullable: true,
      description: 'When this payout was reversed: the payout that reverses it.',
      idDescription: 'The id of `reversedBy` (po_…), without loading it.',
    }),
    ...stripeEnumFields(t, {
      name: 'sourceType',
      type: PayoutSourceType,
      key: 'source_type',
      description: 'Which part of the balance the payout draws from.',
    }),
    statementDescriptor: t.exposeString('statement_descriptor', {
      nullable: true,
      description: 'The text shown on the recipient’s bank statement.',
    }),
    ...stripeEnumFields(t, {
      name: 'status',
      type: PayoutStatus,
      key: 'status',
      description: 'Where the payout is in its life cycle.',
    }),
    traceId: t.expose('trace_id', {
      type: PayoutTraceId,
      nullable: true,
      description: 'The bank’s reference for the payout, for tracing it with the bank.',
    }),
    ...stripeEnumFields(t, {
      name: 'type',
      type: PayoutType,
      key: 'type',
      description: 'Whether the destination is a bank account or a card.',
    }),
  }),
});

// ── Queries ──────────────────────────────────────────────────────────────

builder.queryFields((t) => ({
  payout: t.field({
    type: PayoutRef,
    nullable: true,
    description: 'One payout by id. Null, with a NOT_FOUND error, if Stripe has no such payout.',
    args: { id: t.arg.id({ required: true, description: 'The payout’s id (po_…).' }) },
    resolve: (_root, args, ctx, info) => fetchById(ctx, info, 'Payout', String(args.id)),
  }),
  payouts: t.connection(
    {
      type: PayoutRef,
      description: 'Payouts, newest first.',
      args: {
        status: t.arg({ type: PayoutStatus.ref, description: 'Only payouts in this status.' }),
        arrivalDate: t.arg({ type: DateTimeRange, description: 'Only payouts expected to arrive in this range.' }),
        created: t.arg({ type: DateTimeRange, description: 'Only payouts created in this range.' }),
        destination: t.arg.id({ description: 'Only payouts sent to this bank account or card (ba_… or card_…).' }),
      },
      resolve: (_root, args, ctx, info) =>
        fetchConnection(ctx, info, 'payout', args, (page) =>
          ctx.stripe.payouts.list(
            {
              ...page,
              ...definedParams({
                status: enumArgValue(PayoutStatus, args.status, 'status'),
                arrival_date: toStripeRange(args.arrivalDate),
                created: toStripeRange(args.created),
                destination: args.destination == null ? undefined : String(args.destination),
              }),
            },
            ctx.requestOptions,
          ),
        ),
    },
    { name: 'PayoutConnection', description: 'A page of payouts.' },
    { name: 'PayoutEdge', description: 'A payout in a page, with its cursor.' },
  ),
}));
