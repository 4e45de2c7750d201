import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * Decides whether a change should be published at all. Stripe redelivers events
 * and does not guarantee order, and the gateway publishes its own mutations'
 * results before Stripe's events for them arrive. So the gate drops
 * (1) a Stripe event id it has already seen, (2) a Stripe event whose snapshot is
 * older than one already admitted for that object, (3) a change of the gateway's
 * own whose snapshot equals the last one published for that object, and (4) a
 * Stripe event whose snapshot equals the last one published by the gateway's own
 * change (the webhook for a mutation already announced).
 *
 * Objects are remembered per Connect account (see objectKey).
 *
 * Stripe events that carry the same state as an earlier Stripe event still pass
 * (payout.updated then payout.paid): they are Stripe's own distinct events, and
 * clients switch on their type. Only Stripe events take part in rules (1) and (2):
 * the gateway's clock must never be compared with Stripe's event times.
 */
export type GateVerdict = 'admit' | 'duplicate' | 'stale';

/** One object's state as a change carries it. */
export interface Snapshot {
  /** The Connect account the object lives in; undefined for the platform. */
  account?: string;
  objectId: string;
  /** fingerprintOf(the object), so equal snapshots are recognised without keeping them. */
  fingerprint: string;
}

/** The Stripe event that carried a snapshot; absent for the gateway's own changes. */
export interface StripeEventStamp {
  id: string;
  created: number;
}

export interface EventGate {
  /** 'admit' when `snapshot` should be published; a Stripe event also counts as seen (its id, its time) unless it is a repeat. */
  admit(snapshot: Snapshot, event?: StripeEventStamp): GateVerdict | Promise<GateVerdict>;
}

/**
 * A short, stable digest of an object exactly as Stripe sent it (webhook
 * objects and mutation results are both unexpanded, so equal states hash equally).
 */
export function fingerprintOf(object: object): string {
  return createHash('sha1').update(JSON.stringify(object)).digest('base64');
}

export interface EventGateOptions {
  /** How many event ids to remember (default 10,000). */
  maxEvents?: number;
  /** How many objects' last event time and last published snapshot to remember (default 10,000). */
  maxObjects?: number;
}

/**
 * Where the gate keeps one object's memory: per account and object, so no account's changes
 * ever count against another's. Account ids start with acct_, so 'platform' names no account.
 */
function objectKey(snapshot: Snapshot): string {
  return `${snapshot.account ?? 'platform'}:${snapshot.objectId}`;
}

/** Remembers who published a snapshot, so rule (4) only applies to the gateway's own announcements. */
function publishedBy(event: StripeEventStamp | undefined, fingerprint: string): string {
  return `${event ? 'stripe' : 'own'}:${fingerprint}`;
}

/** Rules (3) and (4): a repeat of the last published state. */
function repeats(lastPublished: string | undefined, event: StripeEventStamp | undefined, fingerprint: string): boolean {
  return event ? lastPublished === `own:${fingerprint}` : lastPublished?.endsWith(`:${fingerprint}`) === true;
}

interface ObjectMemory {
  /** `created` of the newest Stripe event admitted for the object. */
  created?: number;
  /** publishedBy(source, fingerprint) of the last snapshot published for the object. */
  published?: string;
}

/**
 * In-process memory, for one instance. Both memories are bounded: the oldest
 * entries are forgotten first (a Map keeps insertion order, so re-inserting refreshes).
 */
export function createEventGate(opts: EventGateOptions = {}): EventGate {
  const maxEvents = opts.maxEvents ?? 10_000;
  const maxObjects = opts.maxObjects ?? 10_000;
  const seenEvents = new Set<string>();
  const objects = new Map<string, ObjectMemory>();

  function bound<K>(collection: Set<K> | Map<K, unknown>, max: number): void {
    while (collection.size > max) {
      const oldest = collection.keys().next().value as K;
      collection.delete(oldest);
    }
  }

  return {
    admit(snapshot, event) {
      const key = objectKey(snapshot);
      const memory = objects.get(key) ?? {};
      if (event) {
        if (seenEvents.has(event.id)) return 'duplicate';
        seenEvents.add(event.id);
        bound(seenEvents, maxEvents);
        // Same-second events are both considered: Stripe's event ids carry no order to break the tie with.
        if (memory.created !== undefined && event.created < memory.created) return 'stale';
        memory.created = event.created;
      }
      objects.delete(key);
      objects.set(key, memory);
      bound(objects, maxObjects);
      if (repeats(memory.published, event, snapshot.fingerprint)) return 'duplicate';
      memory.published = publishedBy(event, snapshot.fingerprint);
      return 'admit';
    },
  };
}

/** Stripe retries a delivery for up to 3 days: remember ids (and objects' last times and snapshots) that long. */
const REDIS_TTL_SECONDS = 3 * 24 * 3600;

// The same rules as the memory gate, atomically in Redis.
// KEYS: published-snapshot key, then for a Stripe event also its id key and the object's time key.
// ARGV: ttl, fingerprint, then for a Stripe event its created.
const ADMIT_SCRIPT = `
local ttl = ARGV[1]
local stripe = #KEYS == 3
if stripe then
  if redis.call('EXISTS', KEYS[2]) == 1 then return 'duplicate' end
  redis.call('SET', KEYS[2], '1', 'EX', ttl)
  local last = tonumber(redis.call('GET', KEYS[3]))
  if last and tonumber(ARGV[3]) < last then return 'stale' end
  redis.call('SET', KEYS[3], ARGV[3], 'EX', ttl)
end
local published = redis.call('GET', KEYS[1])
local again = published == 'own:' .. ARGV[2] or (not stripe and published == 'stripe:' .. ARGV[2])
if again then
  redis.call('EXPIRE', KEYS[1], ttl)
  return 'duplicate'
end
redis.call('SET', KEYS[1], (stripe and 'stripe:' or 'own:') .. ARGV[2], 'EX', ttl)
return 'admit'
`;

/**
 * Shared by every instance on one Redis: an event redelivered to another instance
 * (or polled by several), or a mutation's change announced by one instance and
 * received by webhook on another, is still published once, and ordering holds across instances.
 */
export function createRedisEventGate(redis: Redis, keyPrefix: string): EventGate {
  return {
    async admit(snapshot, event) {
      const key = objectKey(snapshot);
      const published = `${keyPrefix}snap:${key}`;
      const verdict = event
        ? await redis.eval(ADMIT_SCRIPT, 3, published, `${keyPrefix}evt:${event.id}`, `${keyPrefix}obj:${key}`, REDIS_TTL_SECONDS, snapshot.fingerprint, event.created)
        : await redis.eval(ADMIT_SCRIPT, 1, published, REDIS_TTL_SECONDS, snapshot.fingerprint);
      return verdict as GateVerdict;
    },
  };
}
