// CONTRACT STUB — owned by the subscriptions helper, who replaces the body.
import type { PubSub } from 'graphql-yoga';
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

/** In-memory pubsub, or Redis pub/sub when config.redisUrl is set. */
export function createPubSub(_config: Config, _log: Logger): { pubsub: GatewayPubSub; close(): Promise<void> } {
  throw new Error('not implemented yet');
}
