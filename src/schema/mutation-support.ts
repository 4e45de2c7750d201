import { createHash, randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import { z } from 'zod';
import { GraphQLError } from 'graphql';
import type { ArgBuilder, InputFieldMap, InputObjectRef, ObjectRef } from '@pothos/core';
import { builder } from './builder.js';
import type { Context } from '../context.js';
import { isStripeError, toGraphQLError } from '../stripe/errors.js';
import type { NodeTypeName } from '../stripe/ids.js';
import type { ResourceKind, ResourceTypes } from '../stripe/resources.js';
import type { Topics } from '../events/topics.js';
import type { Scope } from '../auth/principal.js';
import { audited, auditRefusal } from './mutation-audit.js';
import { forbiddenError } from './forbidden.js';
import { idempotencyKey, metadata, optional, parseInput, stripeId, toMetadataParam } from './mutation-input.js';
import {
  AmountTooLargeError,
  IdempotencyConflictError,
  InvalidInputError,
  InvalidStateError,
  NotFoundError,
  TestModeOnlyError,
  type UserFacingError,
} from './user-errors.js';

type Types = typeof builder.$inferSchemaTypes;
type ErrorClass = new (...args: never[]) => UserFacingError;

/**
 * The `errors` option of a mutation field: the payload itself and the listed
 * error types form one union, `<Mutation>Result` (e.g. CancelPayoutResult =
 * CancelPayoutPayload | NotFoundError | InvalidStateError | …), so a client
 * switches on `__typename` and a cache sees the payload's objects directly.
 */
function mutationErrors(mutation: string, types: ErrorClass[]) {
  const name = mutationTypeName(mutation, 'Result');
  return {
    types: [InvalidInputError, ...types] as (new (...args: never[]) => unknown)[],
    directResult: true as const,
    union: {
      name,
      description: `What \`${mutation}\` returns: its payload on success, or one of the expected failures (all implement UserError).`,
    },
  };
}

/** A mutation's own type name: ('cancelPayout', 'Input') → CancelPayoutInput. */
function mutationTypeName(mutation: string, suffix: 'Input' | 'Payload' | 'Result'): string {
  return `${mutation[0].toUpperCase()}${mutation.slice(1)}${suffix}`;
}

/**
 * A payload object type with one field per entry, each resolving to the object
 * of that name. Mutations return these plain objects; nested selections read
 * the same objects the mutation got back (already primed in the loaders).
 */
export function payloadType<Shape extends object>(
  name: string,
  description: string,
  fields: { [K in keyof Shape & string]: { type: ObjectRef<Types, Shape[K]>; description: string } },
): ObjectRef<Types, Shape> {
  return builder.objectRef<Shape>(name).implement({
    description,
    fields: (t) =>
      Object.fromEntries(
        Object.entries(fields).map(([field, spec]) => {
          const { type, description: fieldDescription } = spec as { type: ObjectRef<Types, unknown>; description: string };
          return [field, t.field({ type, description: fieldDescription, resolve: (payload) => payload[field as keyof Shape] })];
        }),
      ),
  });
}

type InputFieldBuilder = PothosSchemaTypes.InputFieldBuilder<Types, 'InputObject'>;

/** The one `input` argument every mutation takes (Relay style). */
function inputArg<Shape>(arg: ArgBuilder<Types>, type: InputObjectRef<Types, Shape>) {
  return arg({
    type,
    required: true,
    description: 'What to do, with an optional idempotencyKey that makes a retry of this mutation safe.',
  });
}

/** Every mutation input's optional `idempotencyKey` field. */
export function idempotencyKeyField(t: InputFieldBuilder) {
  return t.string({ description: IDEMPOTENCY_KEY_DESCRIPTION });
}

/** A `metadata` input field; `what` names the object it is attached to. */
export function metadataField(t: InputFieldBuilder, what: string, opts: { update: boolean; required?: boolean }) {
  return t.field({
    type: 'Metadata',
    required: opts.required ?? false,
    description: opts.update
      ? `Keys to set on the ${what}'s metadata; a key set to null or "" is removed, keys left out are kept. At most 50 keys, key ≤40 characters without [ or ], value ≤500 characters.`
      : `Key-value pairs to attach to the ${what}. At most 50 keys, key ≤40 characters without [ or ], value ≤500 characters.`,
  });
}

const IDEMPOTENCY_KEY_DESCRIPTION =
  'Makes the mutation safe to retry (≤255 printable ASCII characters). Sending the same key again with the same input ' +
  'returns the first result instead of acting twice; the same key with different input is refused with ' +
  'IdempotencyConflictError. Keys are scoped to this mutation and expire after 24 hours at Stripe. Without a key the ' +
  'gateway makes one (a uuid) per call, so its own network retries never act twice. When a call fails with its outcome ' +
  'unknown (Stripe unreachable, 5xx, 429), the error carries the key used in `extensions.idempotencyKey`: send the same ' +
  'input with that key to learn the outcome; the change is never made twice.';

/** Stripe's limit on the Idempotency-Key header. */
const MAX_STRIPE_KEY = 255;

/**
 * The Idempotency-Key sent to Stripe for one mutation execution, given the key
 * in the client's form (see stripeWrite: the client's own, or a uuid made for it).
 *
 * Client keys are namespaced by mutation ("gql:cancelPayout:<key>"): the key is
 * an argument of one mutation, so reusing a client's own id (say an order id)
 * as the key of two different mutations must not make the second one fail at
 * Stripe (which refuses a key used on another endpoint) or, worse, replay the
 * first one's result. Within a mutation, Stripe's own comparison of the
 * parameters gives "same input → same result, different input → conflict".
 * A namespaced key longer than Stripe's 255 characters is hashed.
 */
export function idempotencyKeyFor(mutation: string, clientKey: string): string {
  const key = `gql:${mutation}:${clientKey}`;
  if (key.length <= MAX_STRIPE_KEY) return key;
  return `gql:${mutation}:sha256:${createHash('sha256').update(clientKey).digest('hex')}`;
}

/** Refuses a test helper (scope `test_helpers`) before any upstream call when the gateway runs with a live key. */
function assertTestMode(ctx: Context, operation: string): void {
  if (ctx.config.live) throw new TestModeOnlyError(operation);
}

/** What a write acts on, so Stripe's refusals can be turned into precise typed errors. */
export interface WriteSubject {
  /** The id named by the input (for NotFoundError when Stripe's message names none). */
  id: string;
  /** Reads the object's current status, for InvalidStateError; null when it has none. */
  status?: () => Promise<string | null>;
  /** Reads how much may still be moved (unreversed/unrefunded remainder), for AmountTooLargeError. */
  remainder?: () => Promise<number | null>;
}

export interface WriteSpec {
  /** The mutation's field name: namespaces the client's idempotency key. */
  mutation: string;
  idempotencyKey?: string | null;
  subject?: WriteSubject;
}

/**
 * Runs one Stripe write for a mutation: passes the request's options plus the
 * idempotency key (so the SDK's retries reuse it), and turns Stripe's expected
 * refusals into typed errors. Anything else becomes a coded top-level error.
 *
 * Without a client key, a uuid is made as if the client had sent it. When the
 * write fails with its outcome unknown, the error hands that key back
 * (outcomeUnknown): the client resends the same input with it and gets Stripe's
 * saved result, and the change is never made twice.
 */
export async function stripeWrite<T>(ctx: Context, spec: WriteSpec, call: (options: Stripe.RequestOptions) => Promise<T>): Promise<T> {
  const clientKey = spec.idempotencyKey ?? randomUUID();
  const options: Stripe.RequestOptions = { ...ctx.requestOptions, idempotencyKey: idempotencyKeyFor(spec.mutation, clientKey) };
  try {
    return await call(options);
  } catch (err) {
    const typed = isStripeError(err) ? await typedStripeError(err, spec, ctx.redact) : null;
    if (typed) {
      typed.stripeRequestId = (err as Stripe.errors.StripeError).requestId;
      throw typed;
    }
    ctx.log.warn({ err, mutation: spec.mutation, requestId: ctx.requestId }, 'mutation failed upstream');
    const mapped = toGraphQLError(err, ctx.requestId);
    throw isStripeError(err) && mayHaveHappened(err) ? outcomeUnknown(mapped, clientKey) : mapped;
  }
}

/**
 * True when a failed write may still have been made: no answer (the connection
 * dropped, maybe after Stripe committed), a 5xx, or a 429 or 409 lock timeout
 * (these may be the answer to the SDK's retry of an attempt that did commit).
 * Other answers say what happened to this very request.
 */
function mayHaveHappened(err: Stripe.errors.StripeError): boolean {
  const status = err.statusCode;
  return status === undefined || status >= 500 || status === 429 || status === 409;
}

/** The error with the key the write was made under, in the client's form, and what to do with it. */
function outcomeUnknown(error: GraphQLError, clientKey: string): GraphQLError {
  return new GraphQLError(
    `${error.message} The change may have been made: send the same input again with idempotencyKey ${JSON.stringify(clientKey)} ` +
      'to get its outcome; it will not be made twice.',
    { extensions: { ...error.extensions, idempotencyKey: clientKey } },
  );
}

/** Loads the subject's field through the request's loaders; null when it cannot be read. */
export function reader<K extends ResourceKind, V>(ctx: Context, kind: K, id: string, pick: (obj: ResourceTypes[K]) => V): () => Promise<V | null> {
  return async () => {
    try {
      return pick(await ctx.loaders.load(kind, id));
    } catch {
      return null;
    }
  };
}

const NO_SUCH = /No such [\w .]+: '([^']+)'/;
/** Codes for "the balance (or financial account) cannot cover this amount". */
const INSUFFICIENT_FUNDS = new Set(['balance_insufficient', 'insufficient_funds']);
/** Wordings of "more than is left" that Stripe sends without a code. */
const OVER_REMAINDER = /greater than|more than|exceeds|too large/i;

/** Stripe's refusal as a typed result; every string taken from Stripe's answer goes through `redact` (an upstream may echo secrets). */
async function typedStripeError(err: Stripe.errors.StripeError, spec: WriteSpec, redact: (text: string) => string): Promise<UserFacingError | null> {
  const message = redact(err.message);
  const subject = spec.subject;
  if (err instanceof Stripe.errors.StripeIdempotencyError || err.rawType === 'idempotency_error') {
    return new IdempotencyConflictError(message, spec.idempotencyKey ?? null);
  }
  if (err.code === 'resource_missing' || err.statusCode === 404) {
    return new NotFoundError(message, redact(NO_SUCH.exec(err.message)?.[1] ?? subject?.id ?? ''));
  }
  if (err.statusCode !== 400 || err.rawType !== 'invalid_request_error') return null;
  if (err.code === 'charge_already_refunded') return new AmountTooLargeError(message, 0);
  if (INSUFFICIENT_FUNDS.has(err.code ?? '')) return new AmountTooLargeError(message, null);
  if (err.code === 'amount_too_large' || (err.param === 'amount' && OVER_REMAINDER.test(err.message))) {
    return new AmountTooLargeError(message, (await subject?.remainder?.()) ?? null);
  }
  if (err.param && isParameterProblem(err)) return new InvalidInputError([{ path: inputPathOf(redact(err.param)), message }]);
  // Any other 400 is Stripe refusing the change in the object's current state
  // (Stripe words these in prose, usually without a code).
  return new InvalidStateError(message, (await subject?.status?.()) ?? null);
}

/** A refusal of the parameter's value itself (parameter_invalid_integer, invalid_currency, "Invalid …"), not of the state it meets. */
function isParameterProblem(err: Stripe.errors.StripeError): boolean {
  if (err.code) return err.code.startsWith('parameter_') || err.code.startsWith('invalid_');
  return /^invalid\b/i.test(err.message);
}

/** Stripe's param name ('metadata[order_id]', 'statement_descriptor') as a path in the GraphQL input (camelCase, metadata keys kept). */
function inputPathOf(param: string): string[] {
  const segments = param.split(/[[\]]+/).filter(Boolean);
  const path = segments.map((s, i) => (segments[i - 1] === 'metadata' ? s : s.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase())));
  return ['input', ...path];
}

/**
 * After a successful write: caches the fresh object for the rest of this
 * request (nested selections read the new state) and tells subscribers, with
 * the Stripe event type the change corresponds to. Stripe's own event for the
 * same change is then recognised as a duplicate (and vice versa). Not awaited:
 * the write has happened, and a pubsub failure must not turn it into an error.
 */
export function settle<K extends keyof Topics & ResourceKind>(ctx: Context, kind: K, eventType: string, object: ResourceTypes[K]): void {
  ctx.loaders.prime(kind, object);
  ctx.changes.publish(kind, eventType, object, ctx.requestOptions.stripeAccount).catch((err: unknown) => {
    ctx.log.error({ err, kind, id: object.id, requestId: ctx.requestId }, 'mutation change not published to subscribers');
  });
}

// ── Mutation fields ──────────────────────────────────────────────────────

/** A zod schema that checks a mutation's `input` and yields `Input`. */
type Rules<Input> = z.ZodType<Input, z.ZodTypeDef, unknown>;

export interface MutationSpec<Input, Payload extends object> {
  /** The mutation's field name. */
  name: string;
  description: string;
  input: InputObjectRef<Types, unknown>;
  /** Checks `input` before anything is sent to Stripe. */
  rules: Rules<Input>;
  payload: ObjectRef<Types, Payload>;
  /** The expected failures besides InvalidInputError, in the union's order. */
  errors: ErrorClass[];
  /** The scope a caller needs (checked before anything else). `test_helpers` marks a Stripe test helper: refused under a live key too. */
  scope: Exclude<Scope, 'read'>;
  /** Makes the change, given the checked input. */
  resolve: (ctx: Context, input: Input) => Promise<Payload>;
}

/**
 * A mutation field as every mutation here has it: one `input` argument,
 * checked by `rules`, and a `<Name>Result` union of the payload and errors.
 */
export function defineMutation<Input, Payload extends object>(spec: MutationSpec<Input, Payload>): void {
  // Seen by the field as a plain object: Pothos cannot resolve its conditional types over a generic payload.
  const payload: ObjectRef<Types, object> = spec.payload;
  builder.mutationField(spec.name, (t) =>
    t.field({
      type: payload,
      description: spec.description,
      authScopes: { [spec.scope]: true },
      // A refused mutation is audited too.
      unauthorizedError: (_root, args, ctx, info, result) => {
        const error = forbiddenError(ctx, info, result);
        auditRefusal(ctx, spec.name, args.input as Record<string, unknown>, error);
        return error;
      },
      args: { input: inputArg(t.arg, spec.input) },
      errors: mutationErrors(spec.name, spec.errors),
      resolve: (_root, args, ctx) =>
        audited(ctx, spec.name, args.input as Record<string, unknown>, async () => {
          if (spec.scope === 'test_helpers') assertTestMode(ctx, spec.name);
          return spec.resolve(ctx, parseInput(spec.rules, args.input));
        }),
    }),
  );
}

// ── Mutations that return one object of a resource ───────────────────────

type MutatedKind = keyof Topics & ResourceKind;

/** A resource as its one-object mutations see it. */
export interface MutatedResource<K extends MutatedKind> {
  /** Loader and pubsub kind; also the payload's field and, as `<kind>Id`, the input's id field. */
  kind: K;
  ref: ObjectRef<Types, ResourceTypes[K]>;
  /** How descriptions name it ('outbound payment'). */
  noun: string;
  /** Its Stripe id type, checked by prefix before anything is sent. */
  idType: NodeTypeName;
  /** The id input field's description, e.g. 'The payout (po_…).' */
  idDescription: string;
  /** What a refused write reports about the object (status, remainder). */
  subject: (ctx: Context, id: string) => WriteSubject;
}

type IdField<K extends MutatedKind> = `${K}Id`;
type ObjectPayload<K extends MutatedKind> = { [P in K]: ResourceTypes[K] };
/** What every one-object mutation's rules yield at least. */
type ObjectInput<K extends MutatedKind> = { [P in IdField<K>]: string } & { idempotencyKey?: string };

/** The input field naming the object: payoutId, refundId, … */
function idFieldOf<K extends MutatedKind>(resource: MutatedResource<K>): IdField<K> {
  return `${resource.kind}Id`;
}

/** A payload with one field, named after the resource, holding the object after the change. */
function objectPayload<K extends MutatedKind>(resource: MutatedResource<K>, name: string, description: string) {
  const fields = {
    [resource.kind]: { type: resource.ref, description: `The ${resource.noun} as Stripe returned it after the change.` },
  } as { [P in K]: { type: ObjectRef<Types, ResourceTypes[K]>; description: string } };
  return payloadType<ObjectPayload<K>>(name, description, fields);
}

/** The rules of an input made of the object's id, the fields in `shape` and the idempotency key. */
export function objectInputRules<K extends MutatedKind, Shape extends z.ZodRawShape>(
  resource: MutatedResource<K>,
  shape: Shape,
): Rules<ObjectInput<K> & z.output<z.ZodObject<Shape>>> {
  const schema = z.object({ [idFieldOf(resource)]: stripeId(resource.idType), ...shape, idempotencyKey: optional(idempotencyKey) });
  // zod cannot follow the computed id key through the generic K.
  return schema as unknown as Rules<ObjectInput<K> & z.output<z.ZodObject<Shape>>>;
}

export interface ResourceMutationSpec<K extends MutatedKind, Input extends { idempotencyKey?: string }>
  extends Omit<MutationSpec<Input, ObjectPayload<K>>, 'payload' | 'resolve'> {
  payloadDescription: string;
  /** What the write acts on, for typed errors when Stripe refuses it. */
  subject?: (ctx: Context, input: Input) => WriteSubject;
  write: (stripe: Stripe, input: Input, options: Stripe.RequestOptions) => Promise<ResourceTypes[K]>;
  /** The Stripe event type the change corresponds to, for subscribers. */
  eventType: string | ((object: ResourceTypes[K]) => string);
}

/**
 * A mutation that makes one Stripe write returning one object of the
 * resource, and returns it in `<Name>Payload { <kind> }` after settling it.
 */
export function resourceMutation<K extends MutatedKind, Input extends { idempotencyKey?: string }>(
  resource: MutatedResource<K>,
  { payloadDescription, subject, write, eventType, ...spec }: ResourceMutationSpec<K, Input>,
): void {
  defineMutation({
    ...spec,
    payload: objectPayload(resource, mutationTypeName(spec.name, 'Payload'), payloadDescription),
    resolve: async (ctx, input) => {
      const object = await stripeWrite(
        ctx,
        { mutation: spec.name, idempotencyKey: input.idempotencyKey, subject: subject?.(ctx, input) },
        (options) => write(ctx.stripe, input, options),
      );
      settle(ctx, resource.kind, typeof eventType === 'string' ? eventType : eventType(object), object);
      return { [resource.kind]: object } as ObjectPayload<K>;
    },
  });
}

export interface ObjectMutationSpec<K extends MutatedKind, Input extends ObjectInput<K>>
  extends Omit<ResourceMutationSpec<K, Input>, 'input' | 'subject'> {
  inputDescription: string;
  /** Input fields between the id and idempotencyKey. */
  fields?: (t: InputFieldBuilder) => InputFieldMap;
  /** The id input field's description when it differs from the resource's. */
  idDescription?: string;
}

/**
 * A resource mutation on one existing object named by id: input
 * `<Name>Input { <kind>Id, …fields, idempotencyKey }`.
 */
export function objectMutation<K extends MutatedKind, Input extends ObjectInput<K>>(
  resource: MutatedResource<K>,
  { inputDescription, fields, idDescription, ...spec }: ObjectMutationSpec<K, Input>,
): void {
  const idField = idFieldOf(resource);
  const input = builder.inputType(mutationTypeName(spec.name, 'Input'), {
    description: inputDescription,
    fields: (t) => ({
      [idField]: t.id({ required: true, description: idDescription ?? resource.idDescription }),
      ...fields?.(t),
      idempotencyKey: idempotencyKeyField(t),
    }),
  });
  resourceMutation(resource, { ...spec, input, subject: (ctx, input) => resource.subject(ctx, input[idField]) });
}

type ActionSpec<K extends MutatedKind> = Omit<ObjectMutationSpec<K, ObjectInput<K>>, 'fields' | 'rules' | 'write'> & {
  call: (stripe: Stripe, id: string, options: Stripe.RequestOptions) => Promise<ResourceTypes[K]>;
};

/** One id in, one state change out (cancelPayout, expireRefund, postOutboundPayment, …). */
export function actionMutation<K extends MutatedKind>(resource: MutatedResource<K>, { call, ...spec }: ActionSpec<K>): void {
  const idField = idFieldOf(resource);
  objectMutation(resource, {
    ...spec,
    rules: objectInputRules(resource, {}),
    write: (stripe, input, options) => call(stripe, input[idField], options),
  });
}

type MetadataUpdateSpec<K extends MutatedKind> = Omit<
  ObjectMutationSpec<K, ObjectInput<K>>,
  'fields' | 'rules' | 'write' | 'errors'
> & {
  call: (stripe: Stripe, id: string, params: { metadata?: Record<string, string> }, options: Stripe.RequestOptions) => Promise<ResourceTypes[K]>;
};

/** Sets or removes metadata keys on one object whose metadata is all Stripe lets you change (updatePayout, updateRefund). */
export function metadataUpdateMutation<K extends MutatedKind>(resource: MutatedResource<K>, { call, ...spec }: MetadataUpdateSpec<K>): void {
  const idField = idFieldOf(resource);
  objectMutation(resource, {
    ...spec,
    fields: (t) => ({ metadata: metadataField(t, resource.noun, { update: true, required: true }) }),
    rules: objectInputRules(resource, { metadata }),
    errors: [NotFoundError, IdempotencyConflictError],
    write: (stripe, input, options) => call(stripe, input[idField], { metadata: toMetadataParam(input.metadata) }, options),
  });
}
