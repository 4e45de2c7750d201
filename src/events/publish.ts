import type { GatewayPubSub } from './pubsub.js';
import type { ObjectChange, Topics } from './topics.js';

/**
 * Publishes one object change on both the resource's list topic and its
 * per-object topic. Called only by ingest.ts, after the gate, for every source
 * (webhook, poller, the gateway's own mutations), so all deliver the same shape.
 */
export function publishChange<K extends keyof Topics>(pubsub: GatewayPubSub, topic: K, change: Topics[K][0]): void {
  const c = change as ObjectChange<{ id: string }>;
  // The pubsub's typed overloads can't follow a generic topic; the Topics map keeps callers honest.
  const publish = pubsub.publish as (topic: string, ...args: unknown[]) => void;
  publish(topic, c);
  publish(topic, c.object.id, c);
}
