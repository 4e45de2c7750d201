/**
 * Treasury FinancialAccounts. Requested features become active at once (test
 * mode has no review). `features` is not stored on the account: it is built
 * from active_features and shown only when expanded (`expand[]=features`, or
 * `data.features` on lists), as Stripe does.
 */
import type Stripe from 'stripe';
import { invalidRequest, parameterInvalid, parameterMissing } from '../errors.js';
import { expandPaths } from '../form.js';
import { equalFilter, LIST_PARAMS, paginate, rangeFilter } from '../list.js';
import { applyMetadata } from '../metadata.js';
import type { ExpandableMap, HandlerContext, ListObject, Params, Route } from '../types.js';
import { str } from '../validate.js';
import { findObject, type Stored } from './lookup.js';
import { previousAttributes } from './previous-attributes.js';

type FinancialAccount = Stripe.Treasury.FinancialAccount;
export type StoredFinancialAccount = Stored<FinancialAccount>;
type Feature = Stripe.Treasury.FinancialAccount.ActiveFeature;
type PlatformRestrictions = Stripe.Treasury.FinancialAccount.PlatformRestrictions;

/** Feature paths as the `features` param nests them ('outbound_payments.ach' ← features[outbound_payments][ach]). */
const FEATURES: readonly Feature[] = [
  'card_issuing',
  'deposit_insurance',
  'financial_addresses.aba',
  'inbound_transfers.ach',
  'intra_stripe_flows',
  'outbound_payments.ach',
  'outbound_payments.us_domestic_wire',
  'outbound_transfers.ach',
  'outbound_transfers.us_domestic_wire',
];

/** What an account gets when `features` is not given: what money movement needs. */
const DEFAULT_FEATURES: readonly Feature[] = [
  'financial_addresses.aba',
  'inbound_transfers.ach',
  'intra_stripe_flows',
  'outbound_payments.ach',
  'outbound_payments.us_domestic_wire',
  'outbound_transfers.ach',
  'outbound_transfers.us_domestic_wire',
];

export function findFinancialAccount(ctx: HandlerContext, id: string, param = 'id'): StoredFinancialAccount {
  return findObject<StoredFinancialAccount>(ctx.store, id, 'treasury.financial_account', 'financial_account', param);
}

/** Applies a `features[a][b][requested]=true|false` param to a set of active features. */
function requestedFeatures(current: readonly Feature[], params: Params): Feature[] {
  const active = new Set(current);
  const raw = params.features;
  if (raw === undefined) return [...active];
  if (typeof raw !== 'object' || raw === null) throw parameterInvalid('features', 'Invalid features: must be an object.');
  for (const feature of FEATURES) {
    let node: unknown = raw;
    for (const part of feature.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
    const requested = (node as Record<string, unknown> | undefined)?.requested;
    if (requested === 'true') active.add(feature);
    else if (requested === 'false') active.delete(feature);
  }
  return FEATURES.filter((f) => active.has(f));
}

function platformRestrictions(params: Params, current: PlatformRestrictions | null | undefined): PlatformRestrictions | null {
  const raw = params.platform_restrictions as Record<string, unknown> | undefined;
  if (raw === undefined) return current ?? null;
  const pick = (name: string, fallback: string | null) => {
    const v = raw[name];
    if (v === undefined) return fallback;
    if (v !== 'restricted' && v !== 'unrestricted') throw parameterInvalid(`platform_restrictions[${name}]`, `Invalid platform_restrictions[${name}]: must be restricted or unrestricted.`);
    return v;
  };
  return {
    inbound_flows: pick('inbound_flows', current?.inbound_flows ?? null),
    outbound_flows: pick('outbound_flows', current?.outbound_flows ?? null),
  };
}

/** The treasury.financial_account_features object for an account's active features. */
function featuresObject(active: readonly string[]): Stripe.Treasury.FinancialAccountFeatures {
  const state = { requested: true, status: 'active', status_details: [] };
  const out: Record<string, unknown> = { object: 'treasury.financial_account_features' };
  for (const feature of active) {
    const [group, sub] = feature.split('.');
    if (sub) out[group] = { ...(out[group] as object | undefined), [sub]: { ...state } };
    else out[group] = { ...state };
  }
  return out as unknown as Stripe.Treasury.FinancialAccountFeatures;
}

/** The account as the response shows it: with `features` when the request expands it (`prefix` is 'data.' for lists). */
function rendered(ctx: HandlerContext, fa: StoredFinancialAccount, prefix = ''): StoredFinancialAccount {
  if (!expandPaths(ctx.params).includes(`${prefix}features`)) return fa;
  return { ...fa, features: featuresObject(fa.active_features ?? []) };
}

function supportedCurrencies(params: Params): string[] {
  const raw = params.supported_currencies;
  if (raw === undefined || raw === '') throw parameterMissing('supported_currencies');
  const values = typeof raw === 'string' ? [raw] : Array.isArray(raw) ? raw : Object.values(raw as object);
  for (const v of values) {
    if (v !== 'usd') throw parameterInvalid('supported_currencies', `Invalid supported_currencies: ${String(v)}. Financial accounts support usd only.`);
  }
  return ['usd'];
}

function createFinancialAccount(ctx: HandlerContext): StoredFinancialAccount {
  const { params } = ctx;
  const currencies = supportedCurrencies(params);
  const active = requestedFeatures(DEFAULT_FEATURES, params);
  const metadata = applyMetadata(null, params);
  const nickname = str(params, 'nickname') ?? null;
  const restrictions = platformRestrictions(params, null);
  const id = ctx.newId('fa');
  const zero = Object.fromEntries(currencies.map((c) => [c, 0]));
  const account: FinancialAccount = {
    id,
    object: 'treasury.financial_account',
    active_features: active,
    balance: { cash: { ...zero }, inbound_pending: { ...zero }, outbound_pending: { ...zero } },
    country: 'US',
    created: ctx.clock.now(),
    financial_addresses: [
      {
        type: 'aba',
        aba: {
          account_holder_name: nickname ?? 'Emulator Treasury',
          account_number_last4: String(1000 + (ctx.store.all('treasury.financial_account').length % 9000)).padStart(4, '0'),
          bank_name: 'STRIPE TEST BANK',
          routing_number: '0000000001',
        },
        supported_networks: ['ach', 'us_domestic_wire'],
      },
    ],
    is_default: false,
    livemode: false,
    metadata,
    nickname,
    pending_features: [],
    platform_restrictions: restrictions,
    restricted_features: [],
    status: 'open',
    status_details: { closed: null },
    supported_currencies: currencies,
  };
  const stored = ctx.store.put(account as StoredFinancialAccount);
  ctx.emit('treasury.financial_account.created', stored);
  return rendered(ctx, stored);
}

function updateFinancialAccount(ctx: HandlerContext): StoredFinancialAccount {
  const fa = findFinancialAccount(ctx, ctx.path.id);
  const before = { ...fa };
  fa.metadata = applyMetadata(fa.metadata, ctx.params);
  if ('nickname' in ctx.params) fa.nickname = str(ctx.params, 'nickname') ?? null;
  fa.active_features = requestedFeatures(fa.active_features ?? [], ctx.params);
  fa.platform_restrictions = platformRestrictions(ctx.params, fa.platform_restrictions);
  ctx.store.put(fa);
  if (previousAttributes(before, fa, ['active_features']).active_features) {
    ctx.emit('treasury.financial_account.features_status_updated', fa);
  }
  return rendered(ctx, fa);
}

function closeFinancialAccount(ctx: HandlerContext): StoredFinancialAccount {
  const fa = findFinancialAccount(ctx, ctx.path.id);
  if (fa.status !== 'open') throw invalidRequest(`Financial account ${fa.id} is already ${fa.status}.`);
  const held = Object.entries(fa.balance.cash).find(([cur, v]) => v !== 0 || (fa.balance.outbound_pending[cur] ?? 0) !== 0);
  if (held) {
    throw invalidRequest(`Financial account ${fa.id} cannot be closed while it holds funds (${held[1]} ${held[0]} cash, ${fa.balance.outbound_pending[held[0]] ?? 0} outbound pending).`);
  }
  fa.status = 'closed';
  fa.status_details = { closed: { reasons: ['closed_by_platform'] } };
  fa.active_features = [];
  ctx.emit('treasury.financial_account.closed', ctx.store.put(fa));
  return rendered(ctx, fa);
}

export const routes: Route[] = [
  {
    method: 'POST',
    path: '/v1/treasury/financial_accounts',
    accepts: ['supported_currencies', 'features', 'metadata', 'nickname', 'platform_restrictions'],
    handler: createFinancialAccount,
  },
  { method: 'GET', path: '/v1/treasury/financial_accounts/:id', accepts: [], handler: (ctx) => rendered(ctx, findFinancialAccount(ctx, ctx.path.id)) },
  { method: 'POST', path: '/v1/treasury/financial_accounts/:id', accepts: ['features', 'metadata', 'nickname', 'platform_restrictions'], handler: updateFinancialAccount },
  { method: 'POST', path: '/v1/treasury/financial_accounts/:id/close', accepts: [], handler: closeFinancialAccount },
  {
    method: 'GET',
    path: '/v1/treasury/financial_accounts',
    accepts: [...LIST_PARAMS, 'created', 'status'],
    handler: (ctx): ListObject => {
      let items = ctx.store.all<StoredFinancialAccount>('treasury.financial_account');
      items = rangeFilter(ctx.params, 'created', items);
      items = equalFilter(ctx.params, 'status', items);
      const page = paginate(ctx, items, '/v1/treasury/financial_accounts');
      return { ...page, data: page.data.map((fa) => rendered(ctx, fa, 'data.')) };
    },
  },
];

// `features` is filled in by the handlers above; listing it here lets the expander accept the path.
export const expandable: ExpandableMap = {
  'treasury.financial_account': { features: true },
};
