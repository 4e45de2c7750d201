// CONTRACT STUB — owned by the gateway-runtime helper, who completes it.
import { GraphQLError } from 'graphql';

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
