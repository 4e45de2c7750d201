import type Stripe from 'stripe';
import type { Logger } from 'pino';
import type { Plugin } from 'graphql-yoga';
import type { Config } from '../config.js';
import { createPubSub, type GatewayPubSub, type PubSubOptions } from './pubsub.js';
import { createEventGate, createRedisEventGate } from './dedupe.js';
import { createEventIngest, createOwnChanges, type EventIngest, type OwnChanges, type Refetch } from './ingest.js';
import { RETRIEVE } from '../stripe/loaders.js';
import { registerWebhookEndpoint, useStripeWebhooks } from './webhook.js';
import { startEventPoller, type EventPoller } from './poller.js';
import type { WebhookObserver } from '../telemetry/webhook-observer.js';

/**
 * Where live subscriptions' events come from, wired once per gateway: the pubsub
 * (memory or Redis), the webhook receiver and the optional events poller. The gateway
 * creates it before yoga (for `pubsub` and `plugins`), starts it once listening and
 * stops it on shutdown; the transports (graphql-ws, SSE) are the gateway's.
 */
export interface LiveEvents {
  readonly pubsub: GatewayPubSub;
  /** For yoga: the POST /webhooks/stripe receiver. */
  readonly plugins: Plugin[];
  /** The path every Stripe event source publishes through (webhook, poller); exposed for tests. */
  readonly ingest: EventIngest;
  /** Where the gateway's own mutations announce their changes (through the same gate as Stripe's events). */
  readonly changes: OwnChanges;
  /**
   * Once the gateway listens at `url`: in emulator mode, registers `<url>/webhooks/stripe`
   * with the emulator twice, for the platform's events and (a Connect endpoint) the connected
   * accounts', and also accepts both secrets it returns (besides a configured one);
   * starts the events poller when configured.
   */
  start(opts: { url: string; stripe: Stripe; requestOptions?: Stripe.RequestOptions }): Promise<void>;
  stop(): Promise<void>;
  /** Live pubsub listeners: one per shared subscription stream (for leak checks and benchmarks). */
  listenerCount(): number;
  /** With REDIS_URL: whether Redis answers (for /readyz); undefined in memory. */
  readonly redisReady?: (timeoutMs: number) => Promise<boolean>;
}

/** WEBHOOK_REFETCH: one retrieve through the SDK, as the event's account (else the gateway's own). */
function refetchWith(stripe: Stripe, config: Config): Refetch {
  return async (topic, id, account) => {
    const stripeAccount = account ?? config.stripeAccount;
    // Each topic is a resource kind, so RETRIEVE[topic] returns that topic's object type.
    return (await RETRIEVE[topic](stripe, id, {}, stripeAccount ? { stripeAccount } : {})) as Awaited<ReturnType<Refetch>>;
  };
}

export function createLiveEvents(deps: { config: Config; log: Logger; stripe: Stripe; pubsub?: PubSubOptions; webhooks?: WebhookObserver }): LiveEvents {
  const { config, log } = deps;
  const handle = createPubSub(config, log, deps.pubsub);
  const gate = handle.redis ? createRedisEventGate(handle.redis, handle.keyPrefix) : createEventGate();
  const refetch = config.webhookRefetch ? refetchWith(deps.stripe, config) : undefined;
  const ingest = createEventIngest({ pubsub: handle.pubsub, gate, log, refetch });
  const changes = createOwnChanges({ pubsub: handle.pubsub, gate, log });
  const webhookSecrets = config.webhookSecret ? [config.webhookSecret] : [];
  let poller: EventPoller | undefined;

  return {
    pubsub: handle.pubsub,
    plugins: [useStripeWebhooks({ secrets: () => webhookSecrets, ingest, log, maxBytes: config.webhookMaxBytes, observe: deps.webhooks })],
    ingest,
    changes,
    async start({ url, stripe, requestOptions = {} }) {
      if (config.mode === 'emulator') {
        const endpoint = new URL('/webhooks/stripe', url).toString();
        // Registered as the platform (no Stripe-Account): Connect endpoints belong to the platform.
        for (const connect of [false, true]) {
          try {
            webhookSecrets.push(await registerWebhookEndpoint(stripe, url, { connect }));
            log.info({ url: endpoint, connect }, 'webhook endpoint registered with the emulator');
          } catch (err) {
            // The gateway still serves queries, mutations and the subscriptions its own mutations feed.
            log.warn({ err: (err as Error).message, url: endpoint, connect }, 'could not register the webhook endpoint with the emulator');
          }
        }
      }
      if (config.eventsPollIntervalMs) {
        poller = startEventPoller({ stripe, requestOptions, ingest, log, intervalMs: config.eventsPollIntervalMs });
      }
    },
    async stop() {
      poller?.stop();
      await handle.close();
    },
    listenerCount: handle.listenerCount,
    redisReady: handle.ping,
  };
}
