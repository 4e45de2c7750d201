import { createHash, randomUUID } from 'node:crypto';

/**
 * Idempotency keys for Stripe writes. Stripe replays the saved answer to a POST sent again with
 * the same `Idempotency-Key` (and refuses the key with other parameters or on another endpoint),
 * so a write made under a key can be retried without acting twice.
 */

/** Stripe's limit on the Idempotency-Key header. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

/** What may travel in the header: printable ASCII (NUL, CR/LF or non-ASCII would fail in the SDK or at Stripe). */
export const IDEMPOTENCY_KEY_CHARACTERS = /^[\x20-\x7E]+$/;

/** A key for a write the client sent none for: the SDK's own retries of it then never act twice. */
export function newIdempotencyKey(): string {
  return randomUUID();
}

/**
 * The Idempotency-Key sent to Stripe for one operation, given the key in the client's form
 * (its own, or one made with newIdempotencyKey).
 *
 * Client keys are namespaced by operation ("gql:cancelPayout:<key>"): the key is an argument of
 * one operation, so reusing a client's own id (say an order id) as the key of two different
 * operations must not make the second one fail at Stripe (which refuses a key used on another
 * endpoint) or, worse, replay the first one's result. Within an operation, Stripe's own
 * comparison of the parameters gives "same input → same result, different input → conflict".
 * A namespaced key longer than Stripe's 255 characters is hashed.
 */
export function idempotencyKeyFor(operation: string, clientKey: string): string {
  const key = `gql:${operation}:${clientKey}`;
  if (key.length <= MAX_IDEMPOTENCY_KEY_LENGTH) return key;
  return `gql:${operation}:sha256:${createHash('sha256').update(clientKey).digest('hex')}`;
}
