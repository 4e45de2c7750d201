import type Stripe from 'stripe';
import { builder } from './builder.js';
import { stripeEnum, stripeEnumFields, stripeEnumListFields, enumArgValue } from './enums.js';
import { DateTimeRange, definedParams, toStripeRange } from './inputs.js';
import { fetchById, loadNode } from './node.js';
import { fetchConnection } from '../planning/pagination.js';

// ── Enums ────────────────────────────────────────────────────────────────

export const FinancialAccountFeature = stripeEnum('FinancialAccountFeature', 'A capability a Treasury financial account can have.', {
  card_issuing: 'Stripe Issuing cards can spend from it.',
  deposit_insurance: 'Its funds are eligible for deposit insurance.',
  'financial_addresses.aba': 'It has an ABA account and routing number to receive money.',
  'financial_addresses.aba.forwarding': 'Money sent to its ABA address is forwarded.',
  'inbound_transfers.ach': 'It can pull money in over ACH.',
  intra_stripe_flows: 'It can send and receive money to and from other Stripe financial accounts.',
  'outbound_payments.ach': 'It can pay third parties over ACH.',
  'outbound_payments.us_domestic_wire': 'It can pay third parties by US domestic wire.',
  'outbound_transfers.ach': 'It can send money to your own accounts over ACH.',
  'outbound_transfers.us_domestic_wire': 'It can send money to your own accounts by US domestic wire.',
  remote_deposit_capture: 'It can deposit checks remotely.',
});

export const FinancialAccountStatus = stripeEnum('FinancialAccountStatus', 'Whether a financial account is open.', {
  open: 'Open: it can hold and move money.',
  closed: 'Closed (see `statusDetails.closed.reasons`).',
});

export const FinancialAccountClosedReason = stripeEnum('FinancialAccountClosedReason', 'Why a financial account was closed.', {
  account_rejected: 'The connected account was rejected.',
  closed_by_platform: 'The platform closed it.',
  other: 'Another reason (Stripe’s own `other` value).',
});

export const FlowRestriction = stripeEnum('FlowRestriction', 'Whether the platform restricts money movement in one direction.', {
  restricted: 'Restricted: money cannot move this way.',
  unrestricted: 'Unrestricted.',
});

export const TreasuryNetwork = stripeEnum('TreasuryNetwork', 'A network money can move over.', {
  ach: 'ACH.',
  rtp: 'Real-Time Payments.',
  us_domestic_wire: 'US domestic wire.',
});

// ── Nested objects ───────────────────────────────────────────────────────

/** One currency's amount in a balance hash (Stripe keys these by currency). */
interface CurrencyAmountShape {
  currency: string;
  amount: number;
}

export const CurrencyAmount = builder.objectRef<CurrencyAmountShape>('CurrencyAmount').implement({
  description: 'An amount in one currency.',
  fields: (t) => ({
    currency: t.expose('currency', { type: 'Currency', description: 'The currency.' }),
    amount: t.exposeInt('amount', { description: 'The amount, in the currency’s minor units (e.g. cents).' }),
  }),
});

function byCurrency(amounts: Record<string, number>): CurrencyAmountShape[] {
  return Object.entries(amounts).map(([currency, amount]) => ({ currency, amount }));
}

export const FinancialAccountBalance = builder.objectRef<Stripe.Treasury.FinancialAccount.Balance>('FinancialAccountBalance').implement({
  description: 'A financial account’s money, per currency.',
  fields: (t) => ({
    cash: t.field({ type: [CurrencyAmount], description: 'Funds available to spend.', resolve: (b) => byCurrency(b.cash) }),
    inboundPending: t.field({
      type: [CurrencyAmount],
      description: 'Funds on their way in, not yet available.',
      resolve: (b) => byCurrency(b.inbound_pending),
    }),
    outboundPending: t.field({
      type: [CurrencyAmount],
      description: 'Funds on their way out (e.g. processing outbound payments), no longer available.',
      resolve: (b) => byCurrency(b.outbound_pending),
    }),
  }),
});

export const AbaAddress = builder.objectRef<Stripe.Treasury.FinancialAccount.FinancialAddress.Aba>('AbaAddress').implement({
  description: 'US bank account details (ABA) that send money into a financial account.',
  fields: (t) => ({
    accountHolderName: t.exposeString('account_holder_name', { description: 'The name on the account.' }),
    accountNumber: t.exposeString('account_number', {
      nullable: true,
      description: 'The full account number; Stripe includes it only when asked to expand it.',
    }),
    accountNumberLast4: t.exposeString('account_number_last4', { description: 'The last four digits of the account number.' }),
    bankName: t.exposeString('bank_name', { description: 'The bank’s name.' }),
    routingNumber: t.exposeString('routing_number', { description: 'The ABA routing number.' }),
  }),
});

export const FinancialAddress = builder.objectRef<Stripe.Treasury.FinancialAccount.FinancialAddress>('FinancialAddress').implement({
  description: 'An address (such as a US account and routing number) that receives money into a financial account.',
  fields: (t) => ({
    type: t.exposeString('type', { description: 'The kind of address; `aba` today.' }),
    aba: t.field({ type: AbaAddress, nullable: true, description: 'The details when `type` is `aba`.', resolve: (a) => a.aba }),
    ...stripeEnumListFields(t, {
      name: 'supportedNetworks',
      type: TreasuryNetwork,
      nullable: true,
      key: 'supported_networks',
      description: 'The networks money can arrive over.',
    }),
  }),
});

export const PlatformRestrictions = builder
  .objectRef<Stripe.Treasury.FinancialAccount.PlatformRestrictions>('PlatformRestrictions')
  .implement({
    description: 'Limits the platform has put on money moving in or out of a financial account.',
    fields: (t) => ({
      ...stripeEnumFields(t, {
        name: 'inboundFlows',
        type: FlowRestriction,
        nullable: true,
        key: 'inbound_flows',
        description: 'Whether money may come in.',
      }),
      ...stripeEnumFields(t, {
        name: 'outboundFlows',
        type: FlowRestriction,
        nullable: true,
        key: 'outbound_flows',
        description: 'Whether money may go out.',
      }),
    }),
  });

export const FinancialAccountClosed = builder
  .objectRef<Stripe.Treasury.FinancialAccount.StatusDetails.Closed>('FinancialAccountClosed')
  .implement({
    description: 'Why a financial account is closed.',
    fields: (t) => ({
      ...stripeEnumListFields(t, {
        name: 'reasons',
        type: FinancialAccountClosedReason,
        key: 'reasons',
        description: 'The reasons it was closed.',
      }),
    }),
  });

export const FinancialAccountStatusDetails = builder
  .objectRef<Stripe.Treasury.FinancialAccount.StatusDetails>('FinancialAccountStatusDetails')
  .implement({
    description: 'More about a financial account’s status.',
    fields: (t) => ({
      closed: t.field({
        type: FinancialAccountClosed,
        nullable: true,
        description: 'Why it is closed; null while it is open.',
        resolve: (d) => d.closed,
      }),
    }),
  });

// ── FinancialAccount ─────────────────────────────────────────────────────

export const FinancialAccountRef = builder.objectRef<Stripe.Treasury.FinancialAccount>('FinancialAccount');

builder.node(FinancialAccountRef, {
  description: 'A Stripe Treasury account that holds money and sends outbound payments.',
  id: { resolve: (fa) => fa.id, description: 'The financial account’s Stripe id (fa_…).' },
  loadWithoutCache: loadNode('FinancialAccount'),
  fields: (t) => ({
    ...stripeEnumListFields(t, {
      name: 'activeFeatures',
      type: FinancialAccountFeature,
      nullable: true,
      key: 'active_features',
      description: 'The features it can use now.',
    }),
    balance: t.field({ type: FinancialAccountBalance, description: 'Its money, per currency.', resolve: (fa) => fa.balance }),
    country: t.exposeString('country', { description: 'Two-letter ISO country code of the account.' }),
    created: t.expose('created', { type: 'DateTime', description: 'When the account was created.' }),
    features: t.field({
      type: 'JSON',
      nullable: true,
      description: 'Each feature’s requested and actual status, as Stripe sends it. Loaded only when selected.',
      extensions: { stripeExpand: 'features' },
      resolve: (fa) => fa.features ?? null,
    }),
    financialAddresses: t.field({
      type: [FinancialAddress],
      description: 'Where money can be sent into it (e.g. its US account and routing number).',
      resolve: (fa) => fa.financial_addresses,
    }),
    isDefault: t.exposeBoolean('is_default', { nullable: true, description: 'True for the connected account’s default financial account.' }),
    livemode: t.exposeBoolean('livemode', { description: 'True in live mode, false in test mode.' }),
    metadata: t.expose('metadata', { type: 'Metadata', nullable: true, description: 'Your key-value pairs on the account.' }),
    nickname: t.exposeString('nickname', { nullable: true, description: 'Your name for the account.' }),
    ...stripeEnumListFields(t, {
      name: 'pendingFeatures',
      type: FinancialAccountFeature,
      nullable: true,
      key: 'pending_features',
      description: 'Requested features Stripe has not activated yet.',
    }),
    platformRestrictions: t.field({
      type: PlatformRestrictions,
      nullable: true,
      description: 'Limits the platform has put on money moving in or out.',
      resolve: (fa) => fa.platform_restrictions,
    }),
    ...stripeEnumListFields(t, {
      name: 'restrictedFeatures',
      type: FinancialAccountFeature,
      nullable: true,
      key: 'restricted_features',
      description: 'Features that are restricted and cannot be used now.',
    }),
    ...stripeEnumFields(t, {
      name: 'status',
      type: FinancialAccountStatus,
      key: 'status',
      description: 'Whether it is open.',
    }),
    statusDetails: t.field({
      type: FinancialAccountStatusDetails,
      description: 'More about its status (why it is closed).',
      resolve: (fa) => fa.status_details,
    }),
    supportedCurrencies: t.field({
      type: ['Currency'],
      description: 'The currencies it can hold.',
      resolve: (fa) => fa.supported_currencies,
    }),
  }),
});

// ── Queries ──────────────────────────────────────────────────────────────

builder.queryFields((t) => ({
  financialAccount: t.field({
    type: FinancialAccountRef,
    nullable: true,
    description: 'One financial account by id. Null, with a NOT_FOUND error, if Stripe has no such account.',
    args: { id: t.arg.id({ required: true, description: 'The financial account’s id (fa_…).' }) },
    resolve: (_root, args, ctx, info) => fetchById(ctx, info, 'FinancialAccount', String(args.id)),
  }),
  financialAccounts: t.connection(
    {
      type: FinancialAccountRef,
      description: 'Treasury financial accounts, newest first.',
      args: {
        created: t.arg({ type: DateTimeRange, description: 'Only accounts created in this range.' }),
        status: t.arg({ type: FinancialAccountStatus.ref, description: 'Only accounts in this status.' }),
      },
      resolve: (_root, args, ctx, info) =>
        fetchConnection(ctx, info, 'financialAccount', args, (page) =>
          ctx.stripe.treasury.financialAccounts.list(
            {
              ...page,
              ...definedParams({
                created: toStripeRange(args.created),
                status: enumArgValue(FinancialAccountStatus, args.status, 'status'),
              }),
            },
            ctx.requestOptions,
          ),
        ),
    },
    { name: 'FinancialAccountConnection', description: 'A page of financial accounts.' },
    { name: 'FinancialAccountEdge', description: 'A financial account in a page, with its cursor.' },
  ),
}));
