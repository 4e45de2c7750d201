// CONTRACT STUB — owned by the gateway-runtime helper, who replaces the bodies.
import type Stripe from 'stripe';

/** Relay connection arguments as Pothos passes them. */
export interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** Stripe's cursor params for one page. */
export interface StripePageParams {
  limit: number;
  starting_after?: string;
  ending_before?: string;
}

/** A Relay connection result, as Pothos' t.connection resolvers return it. */
export interface ConnectionResult<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

/**
 * Fetches one page through `fetchPage` (which calls the SDK's list with the given
 * params plus the resource's filters and expand) and maps it to a connection.
 * Validates the args first (first/last 1..100, not both, cursors well-formed), throwing BAD_USER_INPUT.
 */
export async function fetchConnection<T extends { id: string }>(
  _args: ConnectionArgs,
  _fetchPage: (params: StripePageParams) => Promise<Stripe.ApiList<T>>,
): Promise<ConnectionResult<T>> {
  throw new Error('not implemented yet');
}
