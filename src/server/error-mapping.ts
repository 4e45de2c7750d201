import { GraphQLError, type DocumentNode, type ExecutionResult } from 'graphql';
import type { Context } from '../context.js';
import { MASKED_MESSAGE, toGraphQLError } from '../stripe/errors.js';
import { locatedError } from './error-locations.js';
import { redactDeep, type Redactor } from './redact.js';

/** What error mapping needs of an execution: its context, and the document errors are located in. */
export interface ExecutionArgsOf<C> {
  contextValue: C;
  document: DocumentNode;
  operationName?: string | null;
}

/** The error with its message and every extensions value scrubbed of secrets; the same error when there were none. */
function scrubbed(error: GraphQLError, redact: Redactor): GraphQLError {
  const message = redact(error.message);
  const extensions = redactDeep(error.extensions, redact);
  if (message === error.message && extensions === error.extensions) return error;
  return new GraphQLError(message, { nodes: error.nodes, path: error.path, extensions });
}

/** One error as the client sees it: unexpected ones logged (with the request id) and masked, secrets scrubbed from all. */
function clientError(error: GraphQLError, ctx: Context): GraphQLError {
  return scrubbed(mappedError(error, ctx), ctx.redact);
}

function mappedError(error: GraphQLError, ctx: Context): GraphQLError {
  const original = error.originalError;
  if (!original || original instanceof GraphQLError) {
    // Parse/validation/coercion errors and deliberate (coded) errors pass.
    // An uncoded error with no path was raised before execution (a variable that does not
    // fit its type): the caller's input, so it gets BAD_USER_INPUT rather than being masked.
    const uncodedInputError = error.extensions.code === undefined && !error.path;
    if (!uncodedInputError) return error;
    return new GraphQLError(error.message, { nodes: error.nodes, path: error.path, extensions: { ...error.extensions, code: 'BAD_USER_INPUT' } });
  }
  const mapped = toGraphQLError(original, ctx.requestId);
  const code = mapped.extensions.code;
  const path = error.path?.join('.');
  if (code === 'INTERNAL_SERVER_ERROR') ctx.log.error({ err: original, path }, 'unexpected error in resolver');
  else if (code === 'UPSTREAM_ERROR') ctx.log.warn({ err: original, path }, 'Stripe request failed');
  return new GraphQLError(mapped.message, { nodes: error.nodes, path: error.path, extensions: mapped.extensions });
}

/** A payload of an incremental answer (@defer / @stream): each part carries its own errors. */
type IncrementalResult = ExecutionResult & { incremental?: readonly ({ errors?: readonly GraphQLError[] } & Record<string, unknown>)[] };

/**
 * The result with its errors as clients see them (the result itself when it has none):
 * located in the document, Stripe errors coded, anything unexpected logged and masked. The
 * errors of an incremental payload's parts are masked here too: yoga's masking only sees `errors`.
 */
export function mapExecutionErrors(result: ExecutionResult, args: ExecutionArgsOf<Context>): ExecutionResult {
  const { incremental } = result as IncrementalResult;
  const partsFailed = incremental?.some((part) => part.errors?.length);
  if (!result.errors?.length && !partsFailed) return result;
  const mapped = (errors: readonly GraphQLError[]) =>
    errors.map((e) => clientError(locatedError(e, args.document, args.operationName), args.contextValue));
  return {
    ...result,
    ...(result.errors?.length ? { errors: mapped(result.errors) } : {}),
    ...(partsFailed
      ? { incremental: incremental!.map((part) => (part.errors?.length ? { ...part, errors: mapped(part.errors).map((e) => maskError(e) as GraphQLError) } : part)) }
      : {}),
  };
}

/**
 * Yoga's last line of defence (its `maskedErrors`), for errors raised outside execution and for
 * any error the mapping above let through with an unexpected cause: only coded errors and
 * errors without a cause are shown as they are.
 */
export function maskError(error: unknown): Error {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  if (original instanceof GraphQLError && typeof original.extensions.code === 'string') return error as Error;
  if (error instanceof GraphQLError && !error.originalError) return error;
  return new GraphQLError(MASKED_MESSAGE, { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
}

/**
 * The result as a client receives it: errors mapped, then masked as yoga masks them. For results
 * that reach a client without passing yoga's masking (shared events written straight to sockets).
 */
export function clientResult(result: ExecutionResult, args: ExecutionArgsOf<Context>): ExecutionResult {
  const mapped = mapExecutionErrors(result, args);
  if (!mapped.errors?.length) return mapped;
  return { ...mapped, errors: mapped.errors.map((e) => maskError(e) as GraphQLError) };
}
