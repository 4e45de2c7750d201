// CONTRACT STUB — owned by the subscriptions helper.
import type { PubSub } from 'graphql-yoga';
import type { Topics } from './topics.js';

/**
 * Topics are published as (resource) for list subscriptions and (resource, id)
 * for per-object subscriptions; yoga's createPubSub supports both forms.
 */
export type GatewayPubSub = PubSub<{
  [K in keyof Topics]: Topics[K] | [id: string, ...Topics[K]];
}>;
