import type { ObjectRef } from '@pothos/core';
import { filter, pipe } from 'graphql-yoga';
import { builder } from './builder.js';
import { assertIdOf } from './node.js';
import { toEnumValue, type StripeEnum } from './enums.js';
import type { Context } from '../context.js';
import { TOPIC_OF_OBJECT, type ObjectChange, type Topics } from '../events/topics.js';
import { createLoaders, KIND_TYPE_NAMES, type Loaders } from '../stripe/loaders.js';
import type { ResourceKind, ResourceTypes } from '../stripe/resources.js';

/**
 * What every resource's *.subscriptions.ts file shares: the event payload
 * type, subscribe-time checks, and each event's context with fresh loaders.
 */

type Types = typeof builder.$inferSchemaTypes;
/** A pubsub topic; each is also the loader kind of the objects it carries. */
export type Topic = keyof Topics;
export type Change<T extends Topic> = Topics[T][0];
type AnyTopicObject = ResourceTypes[Topic];

interface EventTypeOptions<T extends Topic> {
  /** e.g. 'PayoutEvent'. */
  name: string;
  /** The field that carries the object, e.g. 'payout'. */
  field: string;
  type: ObjectRef<Types, ResourceTypes[T]>;
  description: string;
  fieldDescription: string;
}

/** `XxxEvent { eventId, type, occurredAt, <field> }`: one delivered change of one object. */
export function objectEventType<T extends Topic>(opts: EventTypeOptions<T>): ObjectRef<Types, Change<T>> {
  // Built over the union of the topics' objects: Pothos' field typing can't follow the generic T.
  const type = opts.type as unknown as ObjectRef<Types, AnyTopicObject>;
  const ref = builder.objectRef<ObjectChange<AnyTopicObject>>(opts.name).implement({
    description: opts.description,
    fields: (t) => ({
      eventId: t.exposeID('eventId', {
        description: "The Stripe event's id (evt_…), or a gw_… id when the change came from this gateway's own mutation.",
      }),
      type: t.exposeString('type', { description: "The Stripe event type, e.g. 'payout.paid' or 'transfer.reversed'." }),
      occurredAt: t.field({ type: 'DateTime', description: 'When the change happened (the event’s `created`).', resolve: (c) => c.created }),
      [opts.field]: t.field({
        type,
        description: opts.fieldDescription,
        // The snapshot the event carried; nested objects load through this event's own loaders.
        resolve: (c) => c.object,
      }),
    }),
  });
  return ref as unknown as ObjectRef<Types, Change<T>>;
}

/**
 * Subscribe-time checks for a per-object subscription: the id's prefix
 * (BAD_USER_INPUT, no upstream call), then one retrieve (NOT_FOUND for an
 * unknown id). Then the object's own topic, for the subscriber's account only.
 */
export async function subscribeToObject<T extends Topic>(ctx: Context, topic: T, id: string): Promise<AsyncIterable<Change<T>>> {
  assertIdOf(KIND_TYPE_NAMES[topic], id, 'id');
  await assertExists(ctx, topic, id);
  const all = (ctx.pubsub.subscribe as (topic: T, id: string) => AsyncIterable<Change<T>>)(topic, id);
  return pipe(all, filter(ofSubscriberAccount(ctx)));
}

/**
 * The pubsub carries every account's changes (one gateway can serve several accounts, and
 * instances share Redis): a subscriber receives only those of the Stripe account its requests
 * act as (undefined = the platform), so a subscriber of one account never sees another's.
 */
function ofSubscriberAccount(ctx: Context): (change: Change<Topic>) => boolean {
  const account = ctx.requestOptions.stripeAccount;
  return (change) => change.account === account;
}

/**
 * One retrieve: NOT_FOUND for an unknown id. Through a loader set of its own, so
 * the SDK's object (about 10 KB with its response metadata) is not held for the
 * life of a subscription that may idle for hours.
 */
export async function assertExists(ctx: Context, kind: ResourceKind, id: string): Promise<void> {
  await createLoaders(ctx.stripe, ctx.requestOptions, ctx.requestId).load(kind, id);
}

/** A list subscription: every change of the subscriber's account on the topic whose object passes `keep`. */
export function subscribeToList<T extends Topic>(ctx: Context, topic: T, keep: (object: ResourceTypes[T]) => boolean): AsyncIterable<Change<T>> {
  const all = (ctx.pubsub.subscribe as (topic: T) => AsyncIterable<Change<T>>)(topic);
  const ofAccount = ofSubscriberAccount(ctx);
  return pipe(all, filter((change: Change<T>) => ofAccount(change) && keep(change.object as ResourceTypes[T])));
}

/** A `status: [XxxStatus!]` filter; UNRECOGNIZED matches statuses newer than the schema. No list means every status. */
export function statusFilter(type: StripeEnum, statuses: readonly string[] | null | undefined): (status: string) => boolean {
  if (!statuses?.length) return () => true;
  const wanted = new Set(statuses);
  return (status) => wanted.has(toEnumValue(type, status));
}

/**
 * The context each delivered event is executed with (the shared subscriptions' `eventContext`).
 * A subscription's context lives as long as the subscription, but each event must read fresh
 * data: so the event gets loaders of its own, primed with its snapshot. They are made on first
 * use, so an event whose selection loads nothing nested costs nothing here.
 */
export function eventContext(ctx: Context, change: Change<Topic>): Context {
  let loaders: Loaders | undefined;
  return {
    ...ctx,
    get loaders() {
      if (!loaders) {
        loaders = createLoaders(ctx.stripe, ctx.requestOptions, ctx.requestId);
        loaders.prime(TOPIC_OF_OBJECT[change.object.object], change.object);
      }
      return loaders;
    },
  };
}
