import { randomUUID } from 'node:crypto';
import type Stripe from 'stripe';
import type { Logger } from 'pino';
import type { GatewayPubSub } from './pubsub.js';
import { fingerprintOf, type EventGate, type StripeEventStamp } from './dedupe.js';
import type { Topics } from './topics.js';
import { publishChange } from './publish.js';

/** What happened to one incoming change. */
export type IngestOutcome = 'published' | 'duplicate' | 'stale' | 'ignored';

/** The pubsub topic a Stripe event feeds, and the `object` value its data.object must carry. */
const TOPIC_BY_EVENT_PREFIX: readonly { prefix: string; topic: keyof Topics; object: string }[] = [
  { prefix: 'payout.', topic: 'payout', object: 'payout' },
  { prefix: 'refund.', topic: 'refund', object: 'refund' },
  { prefix: 'charge.refund.', topic: 'refund', object: 'refund' },
  { prefix: 'transfer.', topic: 'transfer', object: 'transfer' },
  { prefix: 'treasury.outbound_payment.', topic: 'outboundPayment', object: 'treasury.outbound_payment' },
];

/** The topic an event belongs on, or null for event types no subscription serves. */
export function topicForEvent(event: Pick<Stripe.Event, 'type' | 'data'>): keyof Topics | null {
  const route = TOPIC_BY_EVENT_PREFIX.find((r) => event.type.startsWith(r.prefix));
  const object = event.data.object as { object?: unknown; id?: unknown };
  if (!route || object.object !== route.object || typeof object.id !== 'string') return null;
  return route.topic;
}

interface IngestDeps {
  pubsub: GatewayPubSub;
  gate: EventGate;
  log: Logger;
}

/**
 * Reads the object a Stripe event is about as it is now at Stripe (one retrieve), as Stripe
 * advises when order matters: events may arrive late or out of order, the object is current.
 * `account` is the connected account the event came from, if any.
 */
export type Refetch = <K extends keyof Topics>(topic: K, id: string, account: string | undefined) => Promise<Topics[K][0]['object']>;

/**
 * The one path every change reaches subscribers through: the gate (see dedupe.ts),
 * then publishChange. `event` is the Stripe event that carried the change, if any.
 */
async function publishIfNew<K extends keyof Topics>(deps: IngestDeps, topic: K, change: Topics[K][0], event?: StripeEventStamp): Promise<IngestOutcome> {
  const object = change.object;
  const verdict = await deps.gate.admit({ account: change.account, objectId: object.id, fingerprint: fingerprintOf(object) }, event);
  if (verdict !== 'admit') {
    deps.log.debug({ eventId: change.eventId, type: change.type, objectId: object.id, verdict }, 'change not published');
    return verdict;
  }
  publishChange(deps.pubsub, topic, change);
  return 'published';
}

/**
 * Feeds Stripe's events (webhook, poller) to subscribers: relevant types only, each change once,
 * never an older snapshot after a newer one. With `refetch`, subscribers get the object as
 * Stripe holds it when the event arrives instead of the event's snapshot (a failed read throws:
 * the webhook answers 503 and Stripe delivers again later).
 */
export function createEventIngest(deps: IngestDeps & { refetch?: Refetch }) {
  return async function ingest(event: Stripe.Event): Promise<IngestOutcome> {
    const topic = topicForEvent(event);
    if (!topic) return 'ignored';
    const snapshot = event.data.object as Topics[typeof topic][0]['object'];
    const object = deps.refetch ? await deps.refetch(topic, snapshot.id, event.account ?? undefined) : snapshot;
    // The topic map ties each topic to its object type; the event's `object` field was checked above.
    const change = { eventId: event.id, type: event.type, created: event.created, object, ...accountOf(event.account) } as Topics[typeof topic][0];
    // Ordering uses the event's time, but never later than its arrival. An event dated ahead
    // (a skewed or misbehaving sender) would otherwise make every later genuine event of the
    // object look older, and be dropped, for as long as its date lies ahead. It is clamped
    // rather than refused because its signature proves it came from Stripe, so its content is
    // worth delivering; and an upstream whose clock runs ahead (the emulator at ×60) still works.
    const orderedAt = Math.min(event.created, Math.floor(Date.now() / 1000));
    return publishIfNew(deps, topic, change, { id: event.id, created: orderedAt });
  };
}

export type EventIngest = ReturnType<typeof createEventIngest>;

/** `{ account }` for a connected account, nothing for the platform: a change's `account` is either an acct_ id or absent. */
function accountOf(account: string | null | undefined): { account?: string } {
  return account ? { account } : {};
}

/**
 * How resolvers announce a change the gateway made itself (a mutation's result, unexpanded as
 * Stripe returned it). It goes through the same gate as Stripe's events, so the webhook Stripe
 * sends for the same change later (or earlier) is published only once in all.
 */
export interface OwnChanges {
  /**
   * `type` is the Stripe event type the change corresponds to; the change gets a synthetic 'gw_' id.
   * `account` is the Connect account the mutation acted as (its request's `stripeAccount`; undefined = the platform).
   * `occurredAt` (unix seconds) is when Stripe made the change, by Stripe's clock (see settle.ts).
   */
  publish<K extends keyof Topics>(topic: K, type: string, object: Topics[K][0]['object'], account: string | undefined, occurredAt: number): Promise<IngestOutcome>;
}

export function createOwnChanges(deps: IngestDeps): OwnChanges {
  return {
    publish(topic, type, object, account, occurredAt) {
      const change = { eventId: `gw_${randomUUID()}`, type, created: occurredAt, object, ...accountOf(account) } as Topics[typeof topic][0];
      return publishIfNew(deps, topic, change);
    },
  };
}
