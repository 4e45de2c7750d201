// CONTRACT STUB — owned by the gateway-runtime helper, who replaces the bodies.
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context.js';
import type { ResourceKind, ResourceTypes } from './resources.js';

/**
 * Field extensions the schema puts on fields so that expand paths can be derived
 * from a selection set (no separate map to keep in sync):
 * - `stripeExpand: 'balance_transaction'` on a field returning an expandable object
 *   (the field whose value is an id unless Stripe expands it);
 * - `stripeField: 'returned_details'` on a field returning a plain nested hash that
 *   contains expandable fields (so 'returned_details.transaction' can be built);
 * - `stripeList: 'reversals'` on a connection field over an embedded list (transfer.reversals).
 */
export interface StripeFieldExtensions {
  stripeExpand?: string;
  stripeField?: string;
  stripeList?: string;
}

/**
 * expand[] paths for the object (or, with list: true, the page of objects under
 * edges.node, prefixed 'data.') that the field at `info` returns, derived from
 * its selection set and the fields' StripeFieldExtensions. Depth-limited to Stripe's 4 levels.
 */
export function expandPaths(_info: GraphQLResolveInfo, _opts: { list: boolean }): string[] {
  throw new Error('not implemented yet');
}

/**
 * Resolves an expandable Stripe field: returns the object if Stripe already
 * expanded it, null if null, else loads it by id through the request's loaders
 * (asking for the expands its own selection needs).
 */
export function resolveExpandable<K extends ResourceKind>(
  _ctx: Context,
  _info: GraphQLResolveInfo,
  _kind: K,
  _value: string | { id: string } | null | undefined,
): Promise<ResourceTypes[K] | null> {
  throw new Error('not implemented yet');
}
