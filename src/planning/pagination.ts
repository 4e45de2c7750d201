import type Stripe from 'stripe';
import type { GraphQLResolveInfo } from 'graphql';
import type { ResourceKind, ResourceTypes } from '../stripe/resources.js';
import { userError } from '../stripe/errors.js';
import { ID_PREFIXES } from '../stripe/ids.js';
import { KIND_TYPE_NAMES } from '../stripe/loaders.js';
import type { PlanningContext } from './planner.js';

/** Relay connection arguments as Pothos passes them. */
export interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** Stripe's cursor params for one page, plus the expand[] paths the selection needs ('data.' prefixed). */
export interface StripePageParams {
  limit: number;
  starting_after?: string;
  ending_before?: string;
  expand: string[];
}

/** A Relay connection result, as Pothos' t.connection resolvers return it. */
export interface ConnectionResult<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

/** Stripe's page size bounds and default. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 10;
/** How many items Stripe embeds of a list held by an object (a transfer's reversals): its default page. */
export const EMBEDDED_LIST_SIZE = 10;

const STRIPE_ID = /^[a-z]+_[A-Za-z0-9]+$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** A cursor is the base64url of the Stripe id it stands for: opaque to clients, free to decode. */
export function encodeCursor(stripeId: string): string {
  return Buffer.from(stripeId, 'utf8').toString('base64url');
}

/** An edge of a page; its cursor is encoded only if a query reads it (most read nodes alone). */
class Edge<T extends { id: string }> {
  constructor(readonly node: T) {}

  get cursor(): string {
    return encodeCursor(this.node.id);
  }
}

/** The Stripe id inside a cursor; BAD_USER_INPUT unless it is a cursor this gateway made for `kind`. */
export function decodeCursor(kind: ResourceKind, cursor: string, argument: 'after' | 'before'): string {
  const id = BASE64URL.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  // Reversal cursors carry the bare trr_ id: lists are already scoped to their transfer.
  const prefixes: readonly string[] = ID_PREFIXES[KIND_TYPE_NAMES[kind]];
  if (!STRIPE_ID.test(id) || !prefixes.some((p) => id.startsWith(p))) {
    throw userError(
      'BAD_USER_INPUT',
      `\`${argument}\` is not a valid cursor for this list; use a cursor from this connection's edges or pageInfo.`,
      { argument },
    );
  }
  return id;
}

function pageSize(value: number, argument: 'first' | 'last'): number {
  if (!Number.isInteger(value) || value < 1 || value > MAX_PAGE_SIZE) {
    throw userError('BAD_USER_INPUT', `\`${argument}\` must be between 1 and ${MAX_PAGE_SIZE} (Stripe's page size limit); got ${value}.`, {
      argument,
    });
  }
  return value;
}

/** The direction of a page and its Stripe params (without expand), or BAD_USER_INPUT. */
export function stripePageFor(
  kind: ResourceKind,
  args: ConnectionArgs,
): { backward: boolean; params: Omit<StripePageParams, 'expand'> } {
  const { first, after, last, before } = args;
  if (first != null && last != null) {
    throw userError('BAD_USER_INPUT', 'Pass either `first` (with `after`) or `last` (with `before`), not both.');
  }
  if (after != null && before != null) {
    throw userError('BAD_USER_INPUT', 'Pass either `after` or `before`, not both: Stripe pages from one cursor at a time.');
  }
  if (first != null && before != null) {
    throw userError('BAD_USER_INPUT', 'To page backwards use `last` with `before`; `first` pages forward from `after`.', {
      argument: 'before',
    });
  }
  if (last != null && after != null) {
    throw userError('BAD_USER_INPUT', 'To page forward use `first` with `after`; `last` pages backwards from `before`.', {
      argument: 'after',
    });
  }
  if (last != null || before != null) {
    const limit = last != null ? pageSize(last, 'last') : DEFAULT_PAGE_SIZE;
    if (before == null) {
      // Stripe lists are newest-first and can only be walked from a cursor: reading the
      // oldest end would take one upstream call per page of the whole list.
      throw userError(
        'BAD_USER_INPUT',
        '`last` needs a `before` cursor: Stripe lists cannot be read from their oldest end. Use `first` for the newest objects, then `last` + `before` to page back.',
        { argument: 'last' },
      );
    }
    return { backward: true, params: { limit, ending_before: decodeCursor(kind, before, 'before') } };
  }
  const limit = first != null ? pageSize(first, 'first') : DEFAULT_PAGE_SIZE;
  return after != null
    ? { backward: false, params: { limit, starting_after: decodeCursor(kind, after, 'after') } }
    : { backward: false, params: { limit } };
}

/**
 * Resolves a Relay connection over a Stripe list: validates the args (first/last 1..100,
 * well-formed cursors; BAD_USER_INPUT otherwise, before any upstream call), computes
 * expand[] from the selection under edges.node, calls `fetchPage` (which adds the
 * resource's filters and calls the SDK's list with these params and ctx.requestOptions),
 * primes the request's loaders with every object on the page, and maps has_more onto pageInfo.
 *
 * Order: edges are newest-first in both directions, as Stripe returns them; "next" is older.
 * pageInfo semantics (Stripe's has_more only speaks about the direction being paged):
 * - forward (`first`/`after`): hasNextPage = has_more; hasPreviousPage = `after` was given
 *   (the cursor's object itself precedes this page).
 * - backward (`last` + `before`): hasPreviousPage = has_more; hasNextPage = true
 *   (the cursor's object itself follows this page).
 * `last` without `before` is refused (see stripePageFor): Stripe cannot list from the oldest end.
 */
export async function fetchConnection<K extends ResourceKind>(
  ctx: PlanningContext,
  info: GraphQLResolveInfo,
  kind: K,
  args: ConnectionArgs,
  fetchPage: (params: StripePageParams) => Promise<Stripe.ApiList<ResourceTypes[K]>>,
): Promise<ConnectionResult<ResourceTypes[K]>> {
  const { backward, params } = stripePageFor(kind, args);
  const page = await fetchPage({ ...params, expand: ctx.planner.expandPaths(info, { list: true }) });
  const edges = page.data.map((node) => {
    ctx.loaders.prime(kind, node);
    return new Edge(node);
  });
  return {
    edges,
    pageInfo: {
      hasNextPage: backward ? true : page.has_more,
      hasPreviousPage: backward ? page.has_more : params.starting_after !== undefined,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
