import type Stripe from 'stripe';
import { GraphQLError } from 'graphql';
import type { Context } from '../context.js';
import { classifyWriteRefusal, isStripeError, toGraphQLError, writeMayHaveHappened, type WriteRefusal } from '../stripe/errors.js';
import { idempotencyKeyFor, newIdempotencyKey } from '../stripe/idempotency.js';
import type { ResourceKind, ResourceTypes } from '../stripe/resources.js';
import {
  AmountTooLargeError,
  IdempotencyConflictError,
  InvalidInputError,
  NotFoundError,
  type InvalidStateError,
  type UserFacingError,
} from './user-errors.js';

/** What a write acts on, so Stripe's refusals can be turned into precise typed errors. */
export interface WriteSubject {
  /** The id named by the input (for NotFoundError when Stripe's answer names none); none for a create. */
  id?: string;
  /** The resource's typed InvalidStateError for Stripe's refusal `message`, with the object's state read now. */
  invalidState?: (message: string) => Promise<InvalidStateError>;
  /** Reads how much may still be moved (unreversed/unrefunded remainder), for AmountTooLargeError. */
  remainder?: () => Promise<number | null>;
}

export interface WriteSpec {
  /** The mutation's field name: namespaces the client's idempotency key. */
  mutation: string;
  /** The client's key, when it sent one. */
  idempotencyKey?: string | null;
  subject?: WriteSubject;
}

/**
 * Runs one Stripe write for a mutation: passes the request's options plus the idempotency key
 * (so the SDK's retries reuse it), and turns Stripe's expected refusals into typed errors.
 * Anything else becomes a coded top-level error.
 *
 * Without a client key, one is made as if the client had sent it. When the write fails with its
 * outcome unknown, the error hands that key back: the client resends the same input with it and
 * gets Stripe's saved result, and the change is never made twice.
 */
export async function stripeWrite<T>(ctx: Context, spec: WriteSpec, call: (options: Stripe.RequestOptions) => Promise<T>): Promise<T> {
  const clientKey = spec.idempotencyKey ?? newIdempotencyKey();
  const options: Stripe.RequestOptions = { ...ctx.requestOptions, idempotencyKey: idempotencyKeyFor(spec.mutation, clientKey) };
  try {
    return await call(options);
  } catch (err) {
    const refusal = isStripeError(err) ? classifyWriteRefusal(err) : null;
    const typed = refusal && (await typedError(refusal, err as Stripe.errors.StripeError, spec, ctx.redact));
    if (typed) {
      typed.stripeRequestId = (err as Stripe.errors.StripeError).requestId;
      throw typed;
    }
    ctx.log.warn({ err, mutation: spec.mutation, requestId: ctx.requestId }, 'mutation failed upstream');
    const mapped = toGraphQLError(err, ctx.requestId);
    throw isStripeError(err) && writeMayHaveHappened(err) ? outcomeUnknown(mapped, clientKey) : mapped;
  }
}

/** The error with the key the write was made under, in the client's form, and what to do with it. */
function outcomeUnknown(error: GraphQLError, clientKey: string): GraphQLError {
  return new GraphQLError(
    `${error.message} The change may have been made: send the same input again with idempotencyKey ${JSON.stringify(clientKey)} ` +
      'to get its outcome; it will not be made twice.',
    { extensions: { ...error.extensions, idempotencyKey: clientKey } },
  );
}

/**
 * Stripe's refusal as a typed result; every string taken from Stripe's answer goes through `redact`
 * (an upstream may echo secrets). Null for a state refusal of a write with no subject to describe it.
 */
async function typedError(
  refusal: WriteRefusal,
  err: Stripe.errors.StripeError,
  spec: WriteSpec,
  redact: (text: string) => string,
): Promise<UserFacingError | null> {
  const message = redact(err.message);
  const subject = spec.subject;
  switch (refusal.kind) {
    case 'idempotency_conflict':
      return new IdempotencyConflictError(message, spec.idempotencyKey ?? null);
    case 'not_found':
      return new NotFoundError(message, redact(refusal.id ?? subject?.id ?? ''));
    case 'amount_too_large':
      return new AmountTooLargeError(message, await maxAmount(refusal.limit, subject));
    case 'invalid_parameter':
      return new InvalidInputError([{ path: inputPathOf(redact(refusal.param)), message }]);
    case 'invalid_state':
      return subject?.invalidState ? subject.invalidState(message) : null;
  }
}

/** The largest amount accepted now: none when nothing is left, unknown when funds fall short, else the subject's remainder. */
async function maxAmount(limit: Extract<WriteRefusal, { kind: 'amount_too_large' }>['limit'], subject?: WriteSubject): Promise<number | null> {
  if (limit === 'nothing_left') return 0;
  if (limit === 'funds') return null;
  return (await subject?.remainder?.()) ?? null;
}

/** Stripe's param name ('metadata[order_id]', 'statement_descriptor') as a path in the GraphQL input (camelCase, metadata keys kept). */
function inputPathOf(param: string): string[] {
  const segments = param.split(/[[\]]+/).filter(Boolean);
  const path = segments.map((s, i) => (segments[i - 1] === 'metadata' ? s : s.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase())));
  return ['input', ...path];
}

/** A subject's reader: loads the object through the request's loaders and picks a field; null when it cannot be read. */
export function reader<K extends ResourceKind, V>(ctx: Context, kind: K, id: string, pick: (obj: ResourceTypes[K]) => V): () => Promise<V | null> {
  return async () => {
    try {
      return pick(await ctx.loaders.load(kind, id));
    } catch {
      return null;
    }
  };
}

/**
 * The subject of a write on one `kind` of object: its refusals for state are `invalidState(message, state)`,
 * the state picked from the object as the request's loaders read it after the refusal (null for a create,
 * which names no object of its kind, or when it cannot be read).
 */
export function stateSubject<K extends ResourceKind, S>(
  ctx: Context,
  kind: K,
  id: string | undefined,
  pick: (obj: ResourceTypes[K]) => S,
  invalidState: (message: string, state: S | null) => InvalidStateError,
): WriteSubject {
  const state = id ? reader(ctx, kind, id, pick) : async () => null;
  return { id, invalidState: async (message) => invalidState(message, await state()) };
}
