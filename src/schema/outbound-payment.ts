import type Stripe from 'stripe';
import { builder } from './builder.js';
import { stripeEnum, stripeEnumFields, enumArgValue } from './enums.js';
import { expandableFields, idField } from './expandable.js';
import { FinancialAccountRef } from './financial-account.js';
import { TreasuryTransactionRef } from './treasury-transaction.js';
import { DateTimeRange, definedParams, toStripeRange } from './inputs.js';
import { assertIdOf, fetchById, loadNode } from './node.js';
import { fetchConnection } from '../planning/pagination.js';

type OBP = Stripe.Treasury.OutboundPayment;

// ── Enums ────────────────────────────────────────────────────────────────

export const OutboundPaymentStatus = stripeEnum('OutboundPaymentStatus', 'Where an outbound payment is in its life cycle.', {
  processing: 'Created and on its way; it can be canceled while `cancelable` is true.',
  posted: 'Sent: the funds left the financial account.',
  failed: 'It failed before posting; the funds went back to the cash balance.',
  canceled: 'Canceled before it was sent; the funds went back to the cash balance.',
  returned: 'It posted, then the receiving bank sent it back (see `returnedDetails`).',
});

export const OutboundPaymentReturnCode = stripeEnum('OutboundPaymentReturnCode', 'Why the receiving bank returned an outbound payment.', {
  account_closed: 'The receiving account is closed.',
  account_frozen: 'The receiving account is frozen.',
  bank_account_restricted: 'The receiving account does not accept this kind of payment.',
  bank_ownership_changed: 'The receiving account moved to another bank.',
  declined: 'The receiving bank declined it.',
  incorrect_account_holder_name: 'The account holder’s name does not match.',
  invalid_account_number: 'The account number is invalid.',
  invalid_currency: 'The receiving account cannot take this currency.',
  no_account: 'No such receiving account.',
  other: 'Another reason (Stripe’s own `other` value).',
});

export const OutboundPaymentDestinationType = stripeEnum(
  'OutboundPaymentDestinationType',
  'The kind of account an outbound payment is sent to.',
  {
    financial_account: 'Another Stripe Treasury financial account.',
    us_bank_account: 'A US bank account.',
  },
);

export const OutboundPaymentNetwork = stripeEnum('OutboundPaymentNetwork', 'The network an outbound payment travels over.', {
  ach: 'ACH (typically 1–2 business days).',
  us_domestic_wire: 'US domestic wire (same day).',
});

export const BankAccountHolderType = stripeEnum('BankAccountHolderType', 'Who holds a bank account.', {
  individual: 'A person.',
  company: 'A company.',
});

export const BankAccountType = stripeEnum('BankAccountType', 'The kind of US bank account.', {
  checking: 'A checking account.',
  savings: 'A savings account.',
});

// ── Nested objects ───────────────────────────────────────────────────────

export const Address = builder.objectRef<Stripe.Address>('Address').implement({
  description: 'A postal address; any part may be missing.',
  fields: (t) => ({
    city: t.exposeString('city', { nullable: true, description: 'City, district, suburb, town or village.' }),
    country: t.exposeString('country', { nullable: true, description: 'Two-letter ISO country code.' }),
    line1: t.exposeString('line1', { nullable: true, description: 'Street address, PO box or company name.' }),
    line2: t.exposeString('line2', { nullable: true, description: 'Apartment, suite, unit or building.' }),
    postalCode: t.exposeString('postal_code', { nullable: true, description: 'ZIP or postal code.' }),
    state: t.exposeString('state', { nullable: true, description: 'State, county, province or region.' }),
  }),
});

type Details = Stripe.Treasury.OutboundPayment.DestinationPaymentMethodDetails;

export const OutboundPaymentBillingDetails = builder
  .objectRef<Stripe.Treasury.OutboundPayment.DestinationPaymentMethodDetails.BillingDetails>('OutboundPaymentBillingDetails')
  .implement({
    description: 'Who receives an outbound payment, as given on its destination.',
    fields: (t) => ({
      address: t.field({ type: Address, description: 'The recipient’s address.', resolve: (b) => b.address }),
      email: t.exposeString('email', { nullable: true, description: 'The recipient’s email address.' }),
      name: t.exposeString('name', { nullable: true, description: 'The recipient’s name.' }),
    }),
  });

export const OutboundPaymentDestinationFinancialAccount = builder
  .objectRef<Stripe.Treasury.OutboundPayment.DestinationPaymentMethodDetails.FinancialAccount>('OutboundPaymentDestinationFinancialAccount')
  .implement({
    description: 'A Stripe financial account receiving an outbound payment.',
    fields: (t) => ({
      id: t.exposeID('id', { description: 'The receiving financial account’s id (fa_…).' }),
      network: t.exposeString('network', { description: 'The network used: always `stripe`.' }),
    }),
  });

export const OutboundPaymentDestinationUsBankAccount = builder
  .objectRef<Stripe.Treasury.OutboundPayment.DestinationPaymentMethodDetails.UsBankAccount>('OutboundPaymentDestinationUsBankAccount')
  .implement({
    description: 'A US bank account receiving an outbound payment.',
    fields: (t) => ({
      ...stripeEnumFields(t, {
        name: 'accountHolderType',
        type: BankAccountHolderType,
        nullable: true,
        key: 'account_holder_type',
        description: 'Who holds the account.',
      }),
      ...stripeEnumFields(t, {
        name: 'accountType',
        type: BankAccountType,
        nullable: true,
        key: 'account_type',
        description: 'Checking or savings.',
      }),
      bankName: t.exposeString('bank_name', { nullable: true, description: 'The bank’s name.' }),
      fingerprint: t.exposeString('fingerprint', {
        nullable: true,
        description: 'Identifies this account number across objects; equal fingerprints mean the same account.',
      }),
      last4: t.exposeString('last4', { nullable: true, description: 'The last four digits of the account number.' }),
      mandateId: idField(t, 'mandate', {
        nullable: true,
        description: 'The mandate authorizing debits from this account (mandate_…), if any.',
      }),
      ...stripeEnumFields(t, {
        name: 'network',
        type: OutboundPaymentNetwork,
        key: 'network',
        description: 'The network the payment travels over.',
      }),
      routingNumber: t.exposeString('routing_number', { nullable: true, description: 'The ABA routing number.' }),
    }),
  });

export const OutboundPaymentDestinationDetails = builder
  .objectRef<Details>('OutboundPaymentDestinationDetails')
  .implement({
    description: 'Where an outbound payment is sent, as it was when the payment was made.',
    fields: (t) => ({
      billingDetails: t.field({
        type: OutboundPaymentBillingDetails,
        description: 'Who receives the payment.',
        resolve: (d) => d.billing_details,
      }),
      financialAccount: t.field({
        type: OutboundPaymentDestinationFinancialAccount,
        nullable: true,
        description: 'The details when `type` is FINANCIAL_ACCOUNT.',
        resolve: (d) => d.financial_account,
      }),
      ...stripeEnumFields(t, {
        name: 'type',
        type: OutboundPaymentDestinationType,
        key: 'type',
        description: 'The kind of account receiving the payment.',
      }),
      usBankAccount: t.field({
        type: OutboundPaymentDestinationUsBankAccount,
        nullable: true,
        description: 'The details when `type` is US_BANK_ACCOUNT.',
        resolve: (d) => d.us_bank_account,
      }),
    }),
  });

export const OutboundPaymentEndUserDetails = builder.objectRef<Stripe.Treasury.OutboundPayment.EndUserDetails>('OutboundPaymentEndUserDetails').implement({
  description: 'Who asked for an outbound payment, for compliance.',
  fields: (t) => ({
    ipAddress: t.exposeString('ip_address', {
      nullable: true,
      description: 'The IP address of the person who asked for it, when `present` is true.',
    }),
    present: t.exposeBoolean('present', {
      description: 'True when a person asked for this payment in real time; false when your system made it on its own.',
    }),
  }),
});

export const OutboundPaymentReturnedDetails = builder.objectRef<Stripe.Treasury.OutboundPayment.ReturnedDetails>('OutboundPaymentReturnedDetails').implement({
  description: 'Why and how a returned outbound payment came back.',
  fields: (t) => ({
    ...stripeEnumFields(t, {
      name: 'code',
      type: OutboundPaymentReturnCode,
      key: 'code',
      description: 'Why the receiving bank returned it.',
    }),
    ...expandableFields(t, {
      name: 'transaction',
      kind: 'treasuryTransaction',
      type: TreasuryTransactionRef,
      key: 'transaction',
      stripeExpand: 'transaction',
      nullable: false,
      description: 'The Treasury transaction that brought the money back into the financial account.',
      idDescription: 'The id of `transaction` (trxn_…), without loading it.',
    }),
  }),
});

export const OutboundPaymentStatusTransitions = builder
  .objectRef<Stripe.Treasury.OutboundPayment.StatusTransitions>('OutboundPaymentStatusTransitions')
  .implement({
    description: 'When an outbound payment reached each status after PROCESSING.',
    fields: (t) => ({
      canceledAt: t.expose('canceled_at', { type: 'DateTime', nullable: true, description: 'When it was canceled, if it was.' }),
      failedAt: t.expose('failed_at', { type: 'DateTime', nullable: true, description: 'When it failed, if it did.' }),
      postedAt: t.expose('posted_at', { type: 'DateTime', nullable: true, description: 'When it posted, if it did.' }),
      returnedAt: t.expose('returned_at', { type: 'DateTime', nullable: true, description: 'When it was returned, if it was.' }),
    }),
  });

export const OutboundPaymentAchTracking = builder.objectRef<Stripe.Treasury.OutboundPayment.TrackingDetails.Ach>('OutboundPaymentAchTracking').implement({
  description: 'The reference an ACH payment can be traced by.',
  fields: (t) => ({
    traceId: t.exposeString('trace_id', { description: 'The ACH trace id, which the receiving bank can look up.' }),
  }),
});

export const OutboundPaymentWireTracking = builder
  .objectRef<Stripe.Treasury.OutboundPayment.TrackingDetails.UsDomesticWire>('OutboundPaymentWireTracking')
  .implement({
    description: 'The references a US domestic wire can be traced by.',
    fields: (t) => ({
      chips: t.exposeString('chips', { nullable: true, description: 'The CHIPS sequence number, for wires sent over CHIPS.' }),
      imad: t.exposeString('imad', { nullable: true, description: 'The Input Message Accountability Data (IMAD), for Fedwire.' }),
      omad: t.exposeString('omad', { nullable: true, description: 'The Output Message Accountability Data (OMAD), for Fedwire.' }),
    }),
  });

export const OutboundPaymentTrackingDetails = builder
  .objectRef<Stripe.Treasury.OutboundPayment.TrackingDetails>('OutboundPaymentTrackingDetails')
  .implement({
    description: 'How to trace an outbound payment with the receiving bank, once the network gave a reference.',
    fields: (t) => ({
      ach: t.field({
        type: OutboundPaymentAchTracking,
        nullable: true,
        description: 'The references when `type` is ACH.',
        resolve: (d) => d.ach,
      }),
      ...stripeEnumFields(t, {
        name: 'type',
        type: OutboundPaymentNetwork,
        key: 'type',
        description: 'The network the references come from.',
      }),
      usDomesticWire: t.field({
        type: OutboundPaymentWireTracking,
        nullable: true,
        description: 'The references when `type` is US_DOMESTIC_WIRE.',
        resolve: (d) => d.us_domestic_wire,
      }),
    }),
  });

// ── OutboundPayment ──────────────────────────────────────────────────────

export const OutboundPaymentRef = builder.objectRef<OBP>('OutboundPayment');

builder.node(OutboundPaymentRef, {
  description:
    'A Stripe Treasury payment from a financial account to a third party’s bank account or financial account. Starts PROCESSING, then POSTED (and maybe RETURNED), or FAILED / CANCELED.',
  id: { resolve: (obp) => obp.id, description: 'The outbound payment’s Stripe id (obp_…).' },
  loadWithoutCache: loadNode('OutboundPayment'),
  fields: (t) => ({
    amount: t.exposeInt('amount', { description: 'The amount sent, in the currency’s minor units (e.g. cents).' }),
    cancelable: t.exposeBoolean('cancelable', { description: 'True while the payment can still be canceled.' }),
    created: t.expose('created', { type: 'DateTime', description: 'When the payment was created.' }),
    currency: t.expose('currency', { type: 'Currency', description: 'The currency of `amount`.' }),
    customerId: t.exposeID('customer', { nullable: true, description: 'The customer paid (cus_…), when the destination belongs to one.' }),
    description: t.exposeString('description', { nullable: true, description: 'Your description of the payment.' }),
    destinationPaymentMethodId: t.exposeID('destination_payment_method', {
      nullable: true,
      description: 'The payment method the money is sent to (pm_…), when a saved one was used.',
    }),
    destinationPaymentMethodDetails: t.field({
      type: OutboundPaymentDestinationDetails,
      nullable: true,
      description: 'Where the money is sent, as it was at the time of payment.',
      resolve: (obp) => obp.destination_payment_method_details,
    }),
    endUserDetails: t.field({
      type: OutboundPaymentEndUserDetails,
      nullable: true,
      description: 'Who asked for the payment, for compliance.',
      resolve: (obp) => obp.end_user_details,
    }),
    expectedArrivalDate: t.expose('expected_arrival_date', {
      type: 'DateTime',
      description: 'When the money is expected to arrive at the destination.',
    }),
    ...expandableFields(t, {
      name: 'financialAccount',
      kind: 'financialAccount',
      type: FinancialAccountRef,
      key: 'financial_account',
      nullable: false,
      description: 'The financial account the money is sent from (loaded by id: Stripe cannot expand it here).',
      idDescription: 'The id of `financialAccount` (fa_…), without loading it.',
    }),
    hostedRegulatoryReceiptUrl: t.exposeString('hosted_regulatory_receipt_url', {
      nullable: true,
      description: 'A Stripe-hosted receipt page you can share with the recipient, as regulations require.',
    }),
    livemode: t.exposeBoolean('livemode', { description: 'True in live mode, false in test mode.' }),
    metadata: t.expose('metadata', { type: 'Metadata', description: 'Your key-value pairs on the payment.' }),
    returnedDetails: t.field({
      type: OutboundPaymentReturnedDetails,
      nullable: true,
      description: 'Why and how the money came back, when `status` is RETURNED.',
      extensions: { stripeField: 'returned_details' },
      resolve: (obp) => obp.returned_details,
    }),
    statementDescriptor: t.exposeString('statement_descriptor', {
      description: 'The text shown on the recipient’s bank statement.',
    }),
    ...stripeEnumFields(t, {
      name: 'status',
      type: OutboundPaymentStatus,
      key: 'status',
      description: 'Where the payment is in its life cycle.',
    }),
    statusTransitions: t.field({
      type: OutboundPaymentStatusTransitions,
      description: 'When the payment reached each later status.',
      resolve: (obp) => obp.status_transitions,
    }),
    trackingDetails: t.field({
      type: OutboundPaymentTrackingDetails,
      nullable: true,
      description: 'How to trace the payment with the receiving bank, once the network gave a reference.',
      resolve: (obp) => obp.tracking_details,
    }),
    ...expandableFields(t, {
      name: 'transaction',
      kind: 'treasuryTransaction',
      type: TreasuryTransactionRef,
      key: 'transaction',
      stripeExpand: 'transaction',
      nullable: false,
      description: 'The Treasury transaction that debits the financial account for this payment.',
      idDescription: 'The id of `transaction` (trxn_…), without loading it.',
    }),
  }),
});

// ── Queries ──────────────────────────────────────────────────────────────

builder.queryFields((t) => ({
  outboundPayment: t.field({
    type: OutboundPaymentRef,
    nullable: true,
    description: 'One outbound payment by id. Null, with a NOT_FOUND error, if Stripe has no such payment.',
    args: { id: t.arg.id({ required: true, description: 'The outbound payment’s id (obp_…).' }) },
    resolve: (_root, args, ctx, info) => fetchById(ctx, info, 'OutboundPayment', String(args.id)),
  }),
  outboundPayments: t.connection(
    {
      type: OutboundPaymentRef,
      description: 'One financial account’s outbound payments, newest first.',
      // Every payment listed holds that account: their `financialAccount` is one load, not one per payment.
      extensions: { stripeFilteredBy: { financial_account: 'financialAccount' } },
      args: {
        financialAccount: t.arg.id({ required: true, description: 'The financial account they were sent from (fa_…); Stripe requires it.' }),
        customer: t.arg.id({ description: 'Only payments to this customer (cus_…).' }),
        status: t.arg({ type: OutboundPaymentStatus.ref, description: 'Only payments in this status.' }),
        created: t.arg({ type: DateTimeRange, description: 'Only payments created in this range.' }),
      },
      resolve: (_root, args, ctx, info) => {
        const financialAccount = String(args.financialAccount);
        assertIdOf('FinancialAccount', financialAccount, 'financialAccount');
        return fetchConnection(ctx, info, 'outboundPayment', args, (page) =>
          ctx.stripe.treasury.outboundPayments.list(
            {
              ...page,
              financial_account: financialAccount,
              ...definedParams({
                customer: args.customer == null ? undefined : String(args.customer),
                status: enumArgValue(OutboundPaymentStatus, args.status, 'status'),
                created: toStripeRange(args.created),
              }),
            },
            ctx.requestOptions,
          ),
        );
      },
    },
    { name: 'OutboundPaymentConnection', description: 'A page of outbound payments.' },
    { name: 'OutboundPaymentEdge', description: 'An outbound payment in a page, with its cursor.' },
  ),
}));
