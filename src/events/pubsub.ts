import { setMaxListeners } from 'node:events';
import { createPubSub as createYogaPubSub, type PubSub } from 'graphql-yoga';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Topics } from './topics.js';

/**
 * Topics are published as (resource) for list subscriptions and (resource, id)
 * for per-object subscriptions; yoga's createPubSub supports both forms.
 */
export type GatewayPubSub = PubSub<{
  [K in keyof Topics]: Topics[K] | [id: string, ...Topics[K]];
}>;

export interface GatewayPubSubHandle {
  pubsub: GatewayPubSub;
  /** The Redis command connection, when pub/sub goes through Redis (for state shared across instances). */
  redis?: Redis;
  /** Prefix of every Redis key and channel this gateway uses. */
  keyPrefix: string;
  /** Live listeners on the event target (one per active subscription): lets tests and benchmarks prove nothing leaks. */
  listenerCount(): number;
  /** Quits the Redis clients, if any. */
  close(): Promise<void>;
  /** With Redis: whether it answers a PING within `timeoutMs` and the subscribing connection is up. */
  ping?(timeoutMs: number): Promise<boolean>;
}

/** Prefix of the gateway's Redis keys and channels unless told otherwise. */
export const DEFAULT_KEY_PREFIX = 'stripe-gateway:';

export interface PubSubOptions {
  /**
   * Prefix for Redis channel and key names, so several deployments (or tests) can share one Redis.
   * Default DEFAULT_KEY_PREFIX.
   */
  channelPrefix?: string;
  /** Told about every error of a Redis client (metrics). */
  onError?: (role: 'publish' | 'subscribe') => void;
}

/** The slice of EventTarget yoga's pubsub uses. */
type Target = Pick<EventTarget, 'addEventListener' | 'removeEventListener' | 'dispatchEvent'>;
type YogaEventTarget = NonNullable<NonNullable<Parameters<typeof createYogaPubSub>[0]>['eventTarget']>;

/** In-memory pubsub, or Redis pub/sub (one publishing and one subscribing client) when config.redisUrl is set. */
export function createPubSub(config: Config, log: Logger, opts: PubSubOptions = {}): GatewayPubSubHandle {
  const keyPrefix = opts.channelPrefix ?? DEFAULT_KEY_PREFIX;
  if (!config.redisUrl) {
    const memory = new EventTarget();
    // One listener per subscription on a topic is the design, not a leak: no warning at 11.
    setMaxListeners(0, memory);
    const target = countingTarget(memory);
    return { pubsub: createYogaPubSub({ eventTarget: target as YogaEventTarget }), keyPrefix, listenerCount: target.count, close: async () => {} };
  }

  // Named, so Redis' CLIENT LIST tells which gateway (key prefix) and which of its clients each connection is.
  const publishClient = new Redis(config.redisUrl, { connectionName: `${keyPrefix}publish` });
  const subscribeClient = new Redis(config.redisUrl, { connectionName: `${keyPrefix}subscribe` });
  for (const [role, client] of [['publish', publishClient], ['subscribe', subscribeClient]] as const) {
    client.on('error', (err: Error) => {
      log.error({ err: err.message, role }, 'redis pubsub client error');
      opts.onError?.(role);
    });
  }
  const redisTarget = createRedisEventTarget<CustomEvent>({ publishClient, subscribeClient });
  let open = true;
  // Subscriptions still ending after close() (e.g. SSE streams cut by the server's shutdown) must not
  // send UNSUBSCRIBE on a closed connection: that rejects with nobody to catch it.
  const guarded: Target = {
    addEventListener: (type, callback, options) => open && redisTarget.addEventListener(type, callback, options),
    removeEventListener: (type, callback, options) => open && redisTarget.removeEventListener(type, callback, options),
    dispatchEvent: (event) => open && redisTarget.dispatchEvent(event as CustomEvent),
  };
  const target = countingTarget(prefixedTarget(guarded, keyPrefix));
  return {
    pubsub: createYogaPubSub({ eventTarget: target as YogaEventTarget }),
    redis: publishClient,
    keyPrefix,
    listenerCount: target.count,
    async close() {
      open = false;
      await Promise.all([publishClient, subscribeClient].map((client) => client.quit().catch(() => client.disconnect())));
    },
    async ping(timeoutMs) {
      // Not while either is down: a PING to a disconnected client would wait in its offline queue.
      if (subscribeClient.status !== 'ready' || publishClient.status !== 'ready') return false;
      // While disconnected, ioredis queues the command until it reconnects: a timer bounds the wait.
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
      const answered = publishClient.ping().then((reply) => reply === 'PONG', () => false);
      try {
        return await Promise.race([answered, late]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** Counts listeners as they are added and removed (yoga's pubsub adds one per subscription and removes it on completion). */
function countingTarget(inner: Target): Target & { count(): number } {
  let listeners = 0;
  return {
    count: () => listeners,
    addEventListener(type, callback, options) {
      if (callback) listeners++;
      inner.addEventListener(type, callback, options);
    },
    removeEventListener(type, callback, options) {
      if (callback) listeners--;
      inner.removeEventListener(type, callback, options);
    },
    dispatchEvent: (event) => inner.dispatchEvent(event),
  };
}

/** Puts a fixed prefix on every channel name; yoga's pubsub never sees it. */
function prefixedTarget(inner: Target, prefix: string): Target {
  return {
    addEventListener: (type, callback, options) => inner.addEventListener(prefix + type, callback, options),
    removeEventListener: (type, callback, options) => inner.removeEventListener(prefix + type, callback, options),
    dispatchEvent: (event) => inner.dispatchEvent(new CustomEvent(prefix + event.type, { detail: (event as CustomEvent).detail })),
  };
}
