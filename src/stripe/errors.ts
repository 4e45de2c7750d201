import Stripe from 'stripe';
import { GraphQLError } from 'graphql';
import { isQueueFull } from './shaper.js';

/** The `extensions.code` values clients can switch on. */
export type ErrorCode =
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'RATE_LIMITED'
  | 'UPSTREAM_ERROR'
  | 'IDEMPOTENCY_CONFLICT'
  | 'INVALID_STATE'
  | 'INTERNAL_SERVER_ERROR';

/** An error meant for the client (never masked): a message a person can act on, plus a code. */
export function userError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions } });
}

/** The message every unexpected error is replaced with. */
export const MASKED_MESSAGE = 'Unexpected error.';

// Stripe secret/restricted keys and webhook secrets (any case: an upstream may echo them upper-cased),
// bearer credentials and JWTs; upstreams and the SDK may echo them in messages.
const SECRET_PATTERN =
  /\b(?:sk|rk)_(?:test|live)_[A-Za-z0-9_]*|\bwhsec_[A-Za-z0-9_]*|\bBearer\s+[A-Za-z0-9._~+/=-]+|\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/gi;

/** Replaces anything shaped like a credential with a placeholder (defence in depth: keys must never leave). */
export function redactSecrets(text: string): string {
  return text.replace(SECRET_PATTERN, '[redacted]');
}

export function isStripeError(err: unknown): err is Stripe.errors.StripeError {
  return err instanceof Stripe.errors.StripeError;
}

function codeForStripeError(err: Stripe.errors.StripeError): ErrorCode {
  const status = err.statusCode;
  if (err instanceof Stripe.errors.StripeIdempotencyError || err.code === 'idempotency_key_in_use') {
    return 'IDEMPOTENCY_CONFLICT';
  }
  if (err instanceof Stripe.errors.StripeConnectionError) return 'UPSTREAM_ERROR';
  if (status === 429 || err.code === 'rate_limit' || err instanceof Stripe.errors.StripeRateLimitError) {
    return 'RATE_LIMITED';
  }
  if (status === 404 || err.code === 'resource_missing') return 'NOT_FOUND';
  // Stripe refusing the gateway's own key is the gateway's fault, not the caller's: UNAUTHENTICATED
  // is reserved for the caller's credentials (a client would sign its user out on it).
  if (status === 401 || err instanceof Stripe.errors.StripeAuthenticationError) return 'UPSTREAM_ERROR';
  if (status === 403 || err instanceof Stripe.errors.StripePermissionError) return 'FORBIDDEN';
  // 400 invalid_request_error and 402 card_error: the request itself was wrong.
  if (status === 400 || status === 402) return 'BAD_USER_INPUT';
  // 409 (other than idempotency), 424, 5xx, non-JSON bodies: Stripe could not serve it.
  return 'UPSTREAM_ERROR';
}

function messageFor(code: ErrorCode, err: Stripe.errors.StripeError): string {
  const upstream = redactSecrets(err.message || 'no message');
  switch (code) {
    case 'RATE_LIMITED':
      // The gateway's own refusal (its queue to Stripe is full) says so; Stripe's 429 is summarised.
      return isQueueFull(err) ? err.message : 'Stripe is rate limiting this account; retry after a short pause.';
    case 'UPSTREAM_ERROR':
      if (err.statusCode === 401) return 'Stripe rejected the gateway’s API key; the gateway’s operators must check STRIPE_SECRET_KEY.';
      return err instanceof Stripe.errors.StripeConnectionError
        ? 'Could not reach Stripe; try again later.'
        : `Stripe could not complete the request${err.statusCode ? ` (HTTP ${err.statusCode})` : ''}: ${upstream}`;
    default:
      return upstream;
  }
}

/**
 * Maps any error a resolver may meet onto what the client sees:
 * - GraphQLErrors that carry `extensions.code` pass (message redacted);
 * - Stripe SDK errors become coded errors with `stripeRequestId`, `stripeCode`
 *   and, for invalid parameters, the offending `argument`;
 * - everything else becomes INTERNAL_SERVER_ERROR "Unexpected error." (callers log the original).
 * `requestId` is the gateway's own request id, echoed so users can quote it.
 */
export function toGraphQLError(err: unknown, requestId: string): GraphQLError {
  if (err instanceof GraphQLError && typeof err.extensions.code === 'string') {
    const message = redactSecrets(err.message);
    return message === err.message ? err : new GraphQLError(message, { extensions: err.extensions });
  }
  if (isStripeError(err)) {
    const code = codeForStripeError(err);
    const extensions: Record<string, unknown> = { code };
    if (requestId) extensions.requestId = requestId;
    if (err.requestId) extensions.stripeRequestId = err.requestId;
    if (err.code) extensions.stripeCode = err.code;
    if (code === 'BAD_USER_INPUT' && err.param) extensions.argument = err.param;
    return new GraphQLError(messageFor(code, err), { extensions });
  }
  return new GraphQLError(MASKED_MESSAGE, {
    extensions: requestId ? { code: 'INTERNAL_SERVER_ERROR', requestId } : { code: 'INTERNAL_SERVER_ERROR' },
  });
}
