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

// ── Refusals of a write ───────────────────────────────────────────────────

/**
 * What Stripe's refusal of a write means for the caller, read from the answer's `type`, `code`
 * and HTTP status. Strings in it are Stripe's own: the caller redacts them before showing them.
 */
export type WriteRefusal =
  /** The idempotency key was used before with other parameters (or on another endpoint). */
  | { kind: 'idempotency_conflict' }
  /** The object, or one the request names, does not exist; `id` is the one Stripe named, if it did. */
  | { kind: 'not_found'; id: string | null }
  /** The amount is more than may be moved: nothing is left, the funds (balance, financial account) fall short, or the remainder does. */
  | { kind: 'amount_too_large'; limit: 'nothing_left' | 'funds' | 'remainder' }
  /** Stripe refused the value of one parameter, named as Stripe spells it ('metadata[order_id]'). */
  | { kind: 'invalid_parameter'; param: string }
  /** Stripe refused the change in the object's current state. */
  | { kind: 'invalid_state' };

/** Codes for "the balance (or financial account) cannot cover this amount". */
const INSUFFICIENT_FUNDS: readonly string[] = ['balance_insufficient', 'insufficient_funds'];

/**
 * Stripe's answer to a write as an expected refusal, or null when it is not one (no answer, 5xx,
 * 429, 409, a refused key…: those stay top-level errors). Keyed on Stripe's `type`, `code` and
 * status; the message is read only for what Stripe gives no field for (see the last resorts below).
 */
export function classifyWriteRefusal(err: Stripe.errors.StripeError): WriteRefusal | null {
  if (err instanceof Stripe.errors.StripeIdempotencyError || err.rawType === 'idempotency_error') return { kind: 'idempotency_conflict' };
  if (err.code === 'resource_missing' || err.statusCode === 404) return { kind: 'not_found', id: missingIdOf(err) };
  if (err.statusCode !== 400 || err.rawType !== 'invalid_request_error') return null;
  if (err.code === 'charge_already_refunded') return { kind: 'amount_too_large', limit: 'nothing_left' };
  if (err.code && INSUFFICIENT_FUNDS.includes(err.code)) return { kind: 'amount_too_large', limit: 'funds' };
  if (err.code === 'amount_too_large' || overRemainderWithoutCode(err)) return { kind: 'amount_too_large', limit: 'remainder' };
  if (err.param && isParameterProblem(err)) return { kind: 'invalid_parameter', param: err.param };
  // Any other 400 is Stripe refusing the change in the object's current state: Stripe words
  // these in prose, usually without a code, so this is the default rather than a match.
  return { kind: 'invalid_state' };
}

/**
 * True when a failed write may still have been made: no answer (the connection dropped, maybe
 * after Stripe committed), a 5xx, or a 429 or 409 lock timeout (these may be the answer to the
 * SDK's retry of an attempt that did commit). Other answers say what happened to this very request.
 */
export function writeMayHaveHappened(err: Stripe.errors.StripeError): boolean {
  const status = err.statusCode;
  return status === undefined || status >= 500 || status === 429 || status === 409;
}

/** A refusal of the parameter's value itself (parameter_invalid_integer, invalid_currency…), not of the state it meets. */
function isParameterProblem(err: Stripe.errors.StripeError): boolean {
  if (err.code) return err.code.startsWith('parameter_') || err.code.startsWith('invalid_');
  return INVALID_WITHOUT_CODE.test(err.message);
}

// Last resorts: the message text, only where Stripe's answer has no field for what is needed.

/**
 * resource_missing names the argument (`param`) but not the missing id, which Stripe gives only
 * in its message: "No such payout: 'po_123'", "No such external account: 'ba_1'".
 */
const NO_SUCH = /No such [\w .]+: '([^']+)'/;

function missingIdOf(err: Stripe.errors.StripeError): string | null {
  return NO_SUCH.exec(err.message)?.[1] ?? null;
}

/**
 * Refusals of a malformed parameter that carry a `param` but no code, worded "Invalid …"
 * (Stripe's form decoding: "Invalid array", "Invalid hash"); without this they would read as
 * state refusals.
 */
const INVALID_WITHOUT_CODE = /^invalid\b/i;

/**
 * Stripe's code for an amount over what is left is amount_too_large; a refusal that names
 * param 'amount' without any code and says so in words ("greater than", "exceeds") is read the
 * same way, since Stripe does not document a code on every such answer (refund and reversal
 * amounts). A coded answer is never reread from its wording.
 */
const OVER_REMAINDER = /greater than|more than|exceeds|too large/i;

function overRemainderWithoutCode(err: Stripe.errors.StripeError): boolean {
  return !err.code && err.param === 'amount' && OVER_REMAINDER.test(err.message);
}
