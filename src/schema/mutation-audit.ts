import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import type { ForbiddenResult } from '@pothos/plugin-scope-auth';
import type { Context } from '../context.js';
import { isStripeError } from '../stripe/errors.js';
import { forbiddenError } from './forbidden.js';
import { UserFacingError } from './user-errors.js';

/** What an audit line records of a mutation's input: never a secret (inputs hold none). */
interface AuditedInput {
  amount?: unknown;
  currency?: unknown;
  idempotencyKey?: unknown;
  [field: string]: unknown;
}

/** The object the mutation acts on: the input's `…Id` field, else the id of the object it returned. */
function targetOf(input: AuditedInput, payload: object | undefined): string | null {
  for (const [field, value] of Object.entries(input)) if (field.endsWith('Id') && typeof value === 'string') return value;
  for (const value of Object.values(payload ?? {})) {
    if (value && typeof value === 'object' && typeof (value as { id?: unknown }).id === 'string') return (value as { id: string }).id;
  }
  return null;
}

/** Stripe's request id of the write: on the returned object's response, or on Stripe's error. */
function stripeRequestIdOf(payload: object | undefined, err: unknown): string | null {
  for (const value of Object.values(payload ?? {})) {
    const id = (value as { lastResponse?: { requestId?: string } } | null)?.lastResponse?.requestId;
    if (id) return id;
  }
  if (isStripeError(err)) return err.requestId ?? null;
  if (err instanceof UserFacingError) return err.stripeRequestId ?? null;
  if (err instanceof GraphQLError && typeof err.extensions.stripeRequestId === 'string') return err.extensions.stripeRequestId;
  return null;
}

/** 'succeeded', the typed failure's code, or the top-level error's code. */
function outcomeOf(err: unknown): string {
  if (err === undefined) return 'succeeded';
  if (err instanceof UserFacingError) return err.code;
  if (err instanceof GraphQLError && typeof err.extensions.code === 'string') return err.extensions.code;
  return 'INTERNAL_SERVER_ERROR';
}

/** The audit line's fields; `input` is what the mutation was given, when it got that far. */
function auditLine(ctx: Context, mutation: string, input: AuditedInput, payload: object | undefined, failure: unknown) {
  return {
    audit: 'mutation',
    principal: ctx.principal.name,
    principalKind: ctx.principal.kind,
    account: ctx.requestOptions.stripeAccount ?? 'platform',
    mutation,
    target: targetOf(input, payload),
    amount: typeof input.amount === 'number' ? input.amount : null,
    currency: typeof input.currency === 'string' ? input.currency : null,
    idempotencyKey: typeof input.idempotencyKey === 'string' ? input.idempotencyKey : null,
    stripeRequestId: stripeRequestIdOf(payload, failure),
    outcome: outcomeOf(failure),
  };
}

/**
 * Every mutation field's `unauthorizedError`: scope-auth's refusal as the client sees it
 * (FORBIDDEN, see forbidden.ts), with the mutation's audit line, since a refused mutation never runs.
 */
export function auditedRefusal(_root: unknown, args: { input?: unknown }, ctx: Context, info: GraphQLResolveInfo, result: ForbiddenResult): GraphQLError {
  const error = forbiddenError(ctx, info, result);
  ctx.log.info(auditLine(ctx, info.fieldName, (args.input ?? {}) as AuditedInput, undefined, error), 'mutation audit');
  return error;
}

/**
 * Runs one mutation and writes its audit line: who (principal and Stripe account), what
 * (mutation, target, amount, currency, idempotency key), Stripe's request id and the outcome.
 * One line per mutation, whatever happens; it carries no token and no key.
 */
export async function audited<T extends object>(ctx: Context, mutation: string, input: AuditedInput, run: () => Promise<T>): Promise<T> {
  let payload: T | undefined;
  let failure: unknown;
  try {
    payload = await run();
    return payload;
  } catch (err) {
    failure = err;
    throw err;
  } finally {
    ctx.log.info(auditLine(ctx, mutation, input, payload, failure), 'mutation audit');
  }
}
