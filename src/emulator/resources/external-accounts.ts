import { resourceMissing } from '../errors.js';
import { newId } from '../ids.js';
import { LIST_PARAMS, paginate } from '../list.js';
import { oneOf } from '../validate.js';
import type { AccountStore, ExpandableMap, Route, StripeObject } from '../types.js';

const NO_REQUIREMENTS = { currently_due: [], errors: [], past_due: [], pending_verification: [] };

/**
 * The account's payout destinations, created on first use: a default US bank
 * account (standard payouts) and a debit card (instant payouts). Must run inside
 * a handler or timer (it may write to the store).
 */
export function externalAccounts(store: AccountStore): { bank: StripeObject; card: StripeObject } {
  const bank = store.all('bank_account')[0] ?? store.put(defaultBankAccount(store.account));
  const card = store.all('card')[0] ?? store.put(defaultDebitCard(store.account));
  return { bank, card };
}

/** A destination id of this account (bank account or card), or undefined. */
export function findExternalAccount(store: AccountStore, id: string): StripeObject | undefined {
  externalAccounts(store);
  const found = store.get(id);
  return found && (found.object === 'bank_account' || found.object === 'card') ? found : undefined;
}

function defaultBankAccount(account: string | null): StripeObject {
  return {
    id: newId('ba'),
    object: 'bank_account',
    account,
    account_holder_name: 'Jenny Rosen',
    account_holder_type: 'individual',
    account_type: 'checking',
    available_payout_methods: ['standard'],
    bank_name: 'STRIPE TEST BANK',
    country: 'US',
    currency: 'usd',
    customer: null,
    default_for_currency: true,
    fingerprint: newId('fp').slice(3, 19),
    future_requirements: NO_REQUIREMENTS,
    last4: '6789',
    metadata: {},
    requirements: NO_REQUIREMENTS,
    routing_number: '110000000',
    status: 'new',
  };
}

function defaultDebitCard(account: string | null): StripeObject {
  return {
    id: newId('card'),
    object: 'card',
    account,
    address_city: null,
    address_country: null,
    address_line1: null,
    address_line1_check: null,
    address_line2: null,
    address_state: null,
    address_zip: null,
    address_zip_check: null,
    allow_redisplay: null,
    available_payout_methods: ['standard', 'instant'],
    brand: 'Visa',
    country: 'US',
    currency: 'usd',
    customer: null,
    cvc_check: null,
    default_for_currency: false,
    dynamic_last4: null,
    exp_month: 12,
    exp_year: 2034,
    fingerprint: newId('fp').slice(3, 19),
    funding: 'debit',
    last4: '5556',
    metadata: {},
    name: null,
    regulated_status: 'unregulated',
    status: 'new',
    tokenization_method: null,
  };
}

export const routes: Route[] = [
  {
    method: 'GET',
    path: '/v1/accounts/:account/external_accounts',
    accepts: [...LIST_PARAMS, 'object'],
    handler(ctx) {
      const store = ctx.forAccount(ctx.path.account).store;
      const { bank, card } = externalAccounts(store);
      const kind = oneOf(ctx.params, 'object', ['bank_account', 'card'] as const);
      const items = [bank, card].filter((o) => !kind || o.object === kind);
      return paginate(ctx, items, `/v1/accounts/${ctx.path.account}/external_accounts`);
    },
  },
  {
    method: 'GET',
    path: '/v1/accounts/:account/external_accounts/:id',
    accepts: [],
    handler(ctx) {
      const found = findExternalAccount(ctx.forAccount(ctx.path.account).store, ctx.path.id);
      if (!found) throw resourceMissing('external account', ctx.path.id);
      return found;
    },
  },
];

export const expandable: ExpandableMap = {};
