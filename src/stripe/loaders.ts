// CONTRACT STUB — owned by the gateway-runtime helper, who replaces the bodies.
import type Stripe from 'stripe';
import type { ResourceKind, ResourceTypes } from './resources.js';

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
   * Replaces what the cache held (a mutation's result is the freshest state).
   */
  prime<K extends ResourceKind>(kind: K, obj: ResourceTypes[K]): void;
}

export function createLoaders(_stripe: Stripe, _options: Stripe.RequestOptions): Loaders {
  throw new Error('not implemented yet');
}
