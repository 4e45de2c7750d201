// CONTRACT STUB — owned by the gateway-runtime helper, who replaces the bodies.
import type Stripe from 'stripe';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context.js';
import type { ResourceKind, ResourceTypes } from './resources.js';

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

/**
 * Resolves a Relay connection over a Stripe list: validates the args (first/last 1..100,
 * well-formed cursors; BAD_USER_INPUT otherwise), computes expand[] from the selection
 * under edges.node, calls `fetchPage` (which adds the resource's filters and calls the
 * SDK's list with these params and ctx.requestOptions), primes the request's loaders
 * with every object on the page, and maps Stripe's has_more onto pageInfo.
 */
export async function fetchConnection<K extends ResourceKind>(
  _ctx: Context,
  _info: GraphQLResolveInfo,
  _kind: K,
  _args: ConnectionArgs,
  _fetchPage: (params: StripePageParams) => Promise<Stripe.ApiList<ResourceTypes[K]>>,
): Promise<ConnectionResult<ResourceTypes[K]>> {
  throw new Error('not implemented yet');
}
