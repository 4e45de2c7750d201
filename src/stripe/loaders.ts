import DataLoader from 'dataloader';
import type Stripe from 'stripe';
import type { ResourceKind, ResourceTypes } from './resources.js';
import { ID_PREFIXES, isIdOf, parseReversalNodeId, quoteId, reversalNodeId, type NodeTypeName } from './ids.js';
import { isStripeError, toGraphQLError, userError } from './errors.js';

export interface Loaders {
  /**
   * One object by id, with `expand` paths relative to the object (e.g. ['balance_transaction']).
   * Batched and cached per request: the same id asked for twice in a tick is fetched once,
   * with the union of the expand paths. For 'transferReversal' the id is '<trr_id>:<tr_id>' (Stripe can only fetch a reversal through its transfer).
   */
  load<K extends ResourceKind>(kind: K, id: string, expand?: readonly string[]): Promise<ResourceTypes[K]>;
  /**
   * Remembers an object seen elsewhere (a list page, an expanded field, a mutation result)
   * so that later loads of it cost no upstream call; expanded children are primed too.
   * Replaces what the cache held (a mutation's result is the freshest state). Cheap to call:
   * the object is walked only once a load needs the cache, so a query that loads nothing by
   * id (a page whose nested objects all came expanded) never pays for it.
   */
  prime<K extends ResourceKind>(kind: K, obj: ResourceTypes[K]): void;
}

/** The GraphQL type whose id prefixes a kind's ids must carry. */
export const KIND_TYPE_NAMES: { readonly [K in ResourceKind]: NodeTypeName } = {
  payout: 'Payout',
  refund: 'Refund',
  transfer: 'Transfer',
  transferReversal: 'TransferReversal',
  outboundPayment: 'OutboundPayment',
  financialAccount: 'FinancialAccount',
  treasuryTransaction: 'TreasuryTransaction',
  balanceTransaction: 'BalanceTransaction',
  charge: 'Charge',
  paymentIntent: 'PaymentIntent',
};

/** Stripe's `object` discriminator → kind, to recognise expanded children worth caching. */
const KIND_BY_OBJECT: Readonly<Record<string, ResourceKind>> = {
  payout: 'payout',
  refund: 'refund',
  transfer: 'transfer',
  transfer_reversal: 'transferReversal',
  'treasury.outbound_payment': 'outboundPayment',
  'treasury.financial_account': 'financialAccount',
  'treasury.transaction': 'treasuryTransaction',
  balance_transaction: 'balanceTransaction',
  charge: 'charge',
  payment_intent: 'paymentIntent',
};

type AnyResource = ResourceTypes[ResourceKind];
type Retrieve = (stripe: Stripe, id: string, params: { expand?: string[] }, options: Stripe.RequestOptions) => Promise<AnyResource>;

/** The SDK's retrieve per kind (Stripe has no batch get: one call per distinct id). */
export const RETRIEVE: { readonly [K in ResourceKind]: Retrieve } = {
  payout: (s, id, p, o) => s.payouts.retrieve(id, p, o),
  refund: (s, id, p, o) => s.refunds.retrieve(id, p, o),
  transfer: (s, id, p, o) => s.transfers.retrieve(id, p, o),
  transferReversal: (s, id, p, o) => {
    // Validated by load() before any batch runs.
    const { reversalId, transferId } = parseReversalNodeId(id)!;
    return s.transfers.retrieveReversal(transferId, reversalId, p, o);
  },
  outboundPayment: (s, id, p, o) => s.treasury.outboundPayments.retrieve(id, p, o),
  financialAccount: (s, id, p, o) => s.treasury.financialAccounts.retrieve(id, p, o),
  treasuryTransaction: (s, id, p, o) => s.treasury.transactions.retrieve(id, p, o),
  balanceTransaction: (s, id, p, o) => s.balanceTransactions.retrieve(id, p, o),
  charge: (s, id, p, o) => s.charges.retrieve(id, p, o),
  paymentIntent: (s, id, p, o) => s.paymentIntents.retrieve(id, p, o),
};

/** True when `id` is a well-formed id (or reversal node id) for `kind`. */
export function isIdOfKind(kind: ResourceKind, id: string): boolean {
  return kind === 'transferReversal' ? parseReversalNodeId(id) !== null : isIdOf(KIND_TYPE_NAMES[kind], id);
}

function invalidIdError(kind: ResourceKind, id: string) {
  const typeName = KIND_TYPE_NAMES[kind];
  const shown = quoteId(id);
  const expected =
    kind === 'transferReversal'
      ? "'trr_…:tr_…' (the reversal id, a colon, then its transfer's id)"
      : `an id starting with ${ID_PREFIXES[typeName].join(' or ')}`;
  return userError('BAD_USER_INPUT', `${shown} is not a ${typeName} id: expected ${expected}.`);
}

/** The cache key an object is loaded under: its id, or for a reversal 'trr_…:tr_…'. */
function cacheKeyOf(kind: ResourceKind, obj: AnyResource): string {
  if (kind !== 'transferReversal') return obj.id;
  const { transfer } = obj as Stripe.TransferReversal;
  return reversalNodeId(obj.id, typeof transfer === 'string' ? transfer : transfer.id);
}

interface EmbeddedObject {
  path: string;
  kind: ResourceKind;
  obj: AnyResource;
}

// Deep enough for 4 expand levels with plain hashes and lists in between.
const MAX_WALK_DEPTH = 10;

interface Embedded {
  paths: Set<string>;
  children: EmbeddedObject[];
}

/** Adds the Stripe objects at or under `value` (at `path`) to `found`. */
function collectEmbedded(value: object, path: string, depth: number, found: Embedded): void {
  if (depth > MAX_WALK_DEPTH) return;
  if (Array.isArray(value)) {
    for (const item of value) if (item !== null && typeof item === 'object') collectEmbedded(item, path, depth, found);
    return;
  }
  const record = value as Record<string, unknown>;
  if (path && typeof record.object === 'string' && record.object !== 'list' && typeof record.id === 'string') {
    found.paths.add(path);
    const kind = KIND_BY_OBJECT[record.object];
    if (kind) found.children.push({ path, kind, obj: record as unknown as AnyResource });
  }
  for (const key in record) {
    const child = record[key];
    // Only objects can hold objects: no path string is built for the many scalar fields.
    if (child !== null && typeof child === 'object' && key !== 'lastResponse') {
      collectEmbedded(child, path ? `${path}.${key}` : key, depth + 1, found);
    }
  }
}

/**
 * Every Stripe object embedded in `root` (expanded fields, items of embedded lists)
 * with its dotted path from the root, e.g. 'balance_transaction', 'returned_details.transaction',
 * 'reversals.data'. A path present here needs no expand to be served again.
 */
function embeddedObjects(root: object): Embedded {
  const found: Embedded = { paths: new Set(), children: [] };
  collectEmbedded(root, '', 0, found);
  return found;
}

/** True when fetching with `have` already expanded `path` (expanding 'a.b' expands 'a' too). */
function covers(have: ReadonlySet<string>, path: string): boolean {
  if (have.has(path)) return true;
  for (const p of have) if (p.startsWith(`${path}.`)) return true;
  return false;
}

interface CacheEntry {
  expand: ReadonlySet<string>;
  promise: Promise<AnyResource>;
  /** Set when the object is known synchronously (primed), so re-priming the same object is free. */
  value?: AnyResource;
}

interface LoadKey {
  id: string;
  expand: readonly string[];
}

/**
 * Per-request loaders over the SDK: one DataLoader per kind batches the loads of a tick,
 * fetches each distinct id once (in parallel) with the union of the requested expands;
 * a cache keyed by id remembers which expands each object was fetched with, so a later
 * load costs nothing unless it needs an expand the cached copy lacks.
 */
export function createLoaders(stripe: Stripe, options: Stripe.RequestOptions, requestId = ''): Loaders {
  const caches = new Map<ResourceKind, Map<string, CacheEntry>>();
  const batchers = new Map<ResourceKind, DataLoader<LoadKey, AnyResource>>();

  const cacheOf = (kind: ResourceKind) => {
    let cache = caches.get(kind);
    if (!cache) caches.set(kind, (cache = new Map()));
    return cache;
  };

  /** Caches an object's expanded children, without replacing a copy that has expands they lack. */
  const primeChildren = (children: EmbeddedObject[], paths: ReadonlySet<string>) => {
    for (const child of children) {
      const prefix = `${child.path}.`;
      const childPaths = new Set<string>();
      for (const p of paths) if (p.startsWith(prefix)) childPaths.add(p.slice(prefix.length));
      const key = cacheKeyOf(child.kind, child.obj);
      const existing = cacheOf(child.kind).get(key);
      if (existing && [...existing.expand].some((p) => !covers(childPaths, p))) continue;
      if (existing?.value === child.obj) continue;
      cacheOf(child.kind).set(key, { expand: childPaths, promise: Promise.resolve(child.obj), value: child.obj });
    }
  };

  const batcherOf = (kind: ResourceKind) => {
    let batcher = batchers.get(kind);
    if (batcher) return batcher;
    batcher = new DataLoader<LoadKey, AnyResource>(
      async (keys) => {
        const expandById = new Map<string, Set<string>>();
        for (const { id, expand } of keys) {
          const set = expandById.get(id) ?? new Set<string>();
          for (const p of expand) set.add(p);
          expandById.set(id, set);
        }
        const fetched = await Promise.all(
          [...expandById].map(async ([id, expand]): Promise<[string, AnyResource | Error]> => {
            const params = expand.size ? { expand: [...expand].sort() } : {};
            try {
              const obj = await RETRIEVE[kind](stripe, id, params, options);
              const { paths, children } = embeddedObjects(obj);
              primeChildren(children, paths);
              return [id, obj];
            } catch (err) {
              // Unexpected errors stay raw so the server logs them before masking.
              return [id, isStripeError(err) ? toGraphQLError(err, requestId) : (err as Error)];
            }
          }),
        );
        const byId = new Map(fetched);
        return keys.map(({ id }) => byId.get(id)!);
      },
      // Caching is ours (it must know which expands each copy has); DataLoader only batches.
      { cache: false },
    );
    batchers.set(kind, batcher);
    return batcher;
  };

  const primeNow = (kind: ResourceKind, obj: AnyResource) => {
    const key = cacheKeyOf(kind, obj);
    if (cacheOf(kind).get(key)?.value === obj) return; // an object resolved from a page that was primed already
    const { paths, children } = embeddedObjects(obj);
    cacheOf(kind).set(key, { expand: paths, promise: Promise.resolve(obj), value: obj });
    primeChildren(children, paths);
  };

  /** Primed objects not walked yet, in the order they were primed. */
  const pending: [ResourceKind, AnyResource][] = [];
  const primePending = () => {
    for (const [kind, obj] of pending) primeNow(kind, obj);
    pending.length = 0;
  };

  return {
    load<K extends ResourceKind>(kind: K, id: string, expand: readonly string[] = []): Promise<ResourceTypes[K]> {
      if (!isIdOfKind(kind, id)) return Promise.reject(invalidIdError(kind, id));
      if (pending.length) primePending();
      const cache = cacheOf(kind);
      const entry = cache.get(id);
      if (entry && expand.every((p) => covers(entry.expand, p))) return entry.promise as Promise<ResourceTypes[K]>;
      const wanted = new Set([...(entry?.expand ?? []), ...expand]);
      const promise = batcherOf(kind).load({ id, expand: [...wanted] });
      cache.set(id, { expand: wanted, promise });
      return promise as Promise<ResourceTypes[K]>;
    },

    prime<K extends ResourceKind>(kind: K, obj: ResourceTypes[K]): void {
      pending.push([kind, obj]);
    },
  };
}
