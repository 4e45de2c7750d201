import type Stripe from 'stripe';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import type { Loaders } from './stripe/loaders.js';
import type { GatewayPubSub } from './events/pubsub.js';
import type { OwnChanges } from './events/ingest.js';
import type { Principal } from './auth/principal.js';
import type { UpstreamCalls } from './stripe/call-count.js';
import type { QueryPlanner } from './planning/planner.js';

/** Everything a resolver may use; built fresh for every request (and every delivered subscription event). */
export interface Context {
  readonly config: Config;
  /** Who is calling; its Stripe account (if any) is in `requestOptions` and keys every cache. */
  readonly principal: Principal;
  /** The SDK client for this request's key, counting the calls made through it into `upstream`. */
  readonly stripe: Stripe;
  /** This request's upstream calls: estimated before execution (server/cost.ts), made so far. */
  readonly upstream: UpstreamCalls;
  /** Per-request options passed to every SDK call (Connect account). */
  readonly requestOptions: Stripe.RequestOptions;
  readonly loaders: Loaders;
  /** The gateway's planner: expand[] paths and cost plans, remembered per compiled document. */
  readonly planner: QueryPlanner;
  /** For subscribing; changes are published through `changes` (mutations) or the webhook/poller, never here directly. */
  readonly pubsub: GatewayPubSub;
  /** Announces a change a mutation made, once, even when Stripe's event for it arrives too. */
  readonly changes: OwnChanges;
  readonly log: Logger;
  readonly requestId: string;
  /** Scrubs credentials and the gateway's own secrets from text bound for the client. */
  readonly redact: (text: string) => string;
}
