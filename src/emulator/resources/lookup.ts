import { resourceMissing } from '../errors.js';
import type { AccountStore, StripeObject } from '../types.js';

/**
 * The stored object `id` of type `objectType`, or Stripe's 404
 * ("No such refund: 're_123'"). `noun` is how Stripe names the type in that message.
 */
export function findObject<T extends StripeObject>(
  store: AccountStore,
  id: string,
  objectType: string,
  noun: string,
  param = 'id',
): T {
  const obj = store.get<T>(id);
  if (!obj || obj.object !== objectType) throw resourceMissing(noun, id, param);
  return obj;
}

/** A stored object typed by its SDK shape (e.g. `Stored<Stripe.Refund>`). */
export type Stored<T> = T & StripeObject;
