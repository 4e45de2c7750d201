import type Stripe from 'stripe';
import { builder } from './builder.js';
import { stripeEnum, stripeEnumFields, stripeEnumListFields } from './enums.js';

// A payout's destination: the bank account or debit card it is sent to (Stripe's "external accounts").

// ── Enums ────────────────────────────────────────────────────────────────

export const PayoutSpeed = stripeEnum('PayoutSpeed', 'How fast a payout reaches its destination.', {
  standard: 'A standard payout, arriving on the usual schedule (typically 1–2 business days).',
  instant: 'An Instant Payout, arriving within minutes (debit cards and some bank accounts).',
});

export const BankAccountStatus = stripeEnum('BankAccountStatus', 'Whether payouts to a bank account can go through.', {
  new: 'Added, not yet validated or used.',
  validated: 'Stripe checked that the account exists.',
  verified: 'Ownership was verified (for example with micro-deposits).',
  verification_failed: 'Verification failed; payouts to it are not possible.',
  errored: 'A payout to it failed; Stripe stops paying out to it until it is updated.',
  tokenized_account_number_deactivated: 'The tokenized account number was deactivated by the bank.',
});

export const CardFunding = stripeEnum('CardFunding', 'How a card is funded.', {
  credit: 'A credit card.',
  debit: 'A debit card.',
  prepaid: 'A prepaid card.',
  unknown: 'Stripe could not tell how the card is funded.',
});

// ── Types ────────────────────────────────────────────────────────────────

export const BankAccountRef = builder.objectRef<Stripe.BankAccount>('BankAccount').implement({
  description: 'A bank account that receives payouts.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The bank account’s Stripe id (ba_…).' }),
    accountHolderName: t.exposeString('account_holder_name', { nullable: true, description: 'The name of the account holder.' }),
    accountHolderType: t.exposeString('account_holder_type', {
      nullable: true,
      description: 'Whether the holder is an `individual` or a `company`.',
    }),
    accountType: t.exposeString('account_type', {
      nullable: true,
      description: 'The bank’s account type where it matters (e.g. `checking`, `savings`; country-specific values elsewhere).',
    }),
    ...stripeEnumListFields(t, {
      name: 'availablePayoutMethods',
      type: PayoutSpeed,
      nullable: true,
      key: 'available_payout_methods',
      description: 'The payout speeds this account supports.',
    }),
    bankName: t.exposeString('bank_name', { nullable: true, description: 'The bank’s name.' }),
    country: t.exposeString('country', { description: 'Two-letter ISO country code of the bank.' }),
    currency: t.expose('currency', { type: 'Currency', description: 'The currency paid out to this account.' }),
    defaultForCurrency: t.exposeBoolean('default_for_currency', {
      nullable: true,
      description: 'True when payouts in `currency` go here unless another destination is given.',
    }),
    fingerprint: t.exposeString('fingerprint', {
      nullable: true,
      description: 'Identifies this bank account across objects; equal fingerprints mean the same account.',
    }),
    last4: t.exposeString('last4', { description: 'The last four digits of the account number.' }),
    metadata: t.expose('metadata', { type: 'Metadata', nullable: true, description: 'Your key-value pairs on the bank account.' }),
    routingNumber: t.exposeString('routing_number', { nullable: true, description: 'The routing transit number (or local equivalent).' }),
    ...stripeEnumFields(t, {
      name: 'status',
      type: BankAccountStatus,
      key: 'status',
      description: 'Whether payouts to this account can go through.',
    }),
  }),
});

export const CardRef = builder.objectRef<Stripe.Card>('Card').implement({
  description: 'A debit card that receives payouts.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The card’s Stripe id (card_…).' }),
    ...stripeEnumListFields(t, {
      name: 'availablePayoutMethods',
      type: PayoutSpeed,
      nullable: true,
      key: 'available_payout_methods',
      description: 'The payout speeds this card supports.',
    }),
    brand: t.exposeString('brand', { description: 'The card brand as Stripe names it (e.g. "Visa", "Mastercard").' }),
    country: t.exposeString('country', { nullable: true, description: 'Two-letter ISO country code of the issuer.' }),
    currency: t.expose('currency', { type: 'Currency', nullable: true, description: 'The currency paid out to this card.' }),
    defaultForCurrency: t.exposeBoolean('default_for_currency', {
      nullable: true,
      description: 'True when payouts in `currency` go here unless another destination is given.',
    }),
    expMonth: t.exposeInt('exp_month', { description: 'Expiry month (1–12).' }),
    expYear: t.exposeInt('exp_year', { description: 'Four-digit expiry year.' }),
    fingerprint: t.exposeString('fingerprint', {
      nullable: true,
      description: 'Identifies this card number across objects; equal fingerprints mean the same card.',
    }),
    ...stripeEnumFields(t, {
      name: 'funding',
      type: CardFunding,
      key: 'funding',
      description: 'How the card is funded.',
    }),
    last4: t.exposeString('last4', { description: 'The last four digits of the card number.' }),
    metadata: t.expose('metadata', { type: 'Metadata', nullable: true, description: 'Your key-value pairs on the card.' }),
    name: t.exposeString('name', { nullable: true, description: 'The cardholder’s name.' }),
    status: t.exposeString('status', { nullable: true, description: 'The card’s status as a payout destination, when Stripe reports one.' }),
  }),
});

/** A destination Stripe reports as deleted: only its id is left. */
type DeletedExternalAccount = Stripe.DeletedBankAccount | Stripe.DeletedCard;

export const DeletedExternalAccountRef = builder.objectRef<DeletedExternalAccount>('DeletedExternalAccount').implement({
  description: 'A bank account or card that has since been removed; only its id and kind remain.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The removed account’s Stripe id (ba_… or card_…).' }),
    deleted: t.boolean({ description: 'Always true.', resolve: () => true }),
    kind: t.string({ description: '`bank_account` or `card`.', resolve: (account) => account.object }),
  }),
});

export const PayoutDestinationRef = builder.unionType('PayoutDestination', {
  description: 'Where a payout is sent: a bank account or a debit card (or one since removed).',
  types: [BankAccountRef, CardRef, DeletedExternalAccountRef],
  resolveType: (account) => {
    if ('deleted' in account && account.deleted) return 'DeletedExternalAccount';
    return account.object === 'card' ? 'Card' : 'BankAccount';
  },
});
