import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/** The label value standing for every value past a label's bound (see boundedLabel). */
export const OTHER = 'other';

/**
 * A label whose values come from outside (operation names are the client's choice): only values of
 * a sane `shape`, and at most `max` distinct ones; anything else is OTHER. Prometheus keeps a series
 * per label value for ever, so an unbounded label is a memory leak any client could drive.
 */
export function boundedLabel(max: number, shape: RegExp): (value: string) => string {
  const seen = new Set<string>();
  return (value) => {
    if (seen.has(value)) return value;
    if (seen.size >= max || !shape.test(value)) return OTHER;
    seen.add(value);
    return value;
  };
}

/** Live figures read when Prometheus scrapes (nothing is counted per event for them). */
export interface LiveFigures {
  subscribers: number;
  listeners: number;
  wsClients: number;
}

/** What a webhook delivery came to (the ingest outcomes, and the receiver's refusals). */
export type WebhookOutcome = 'published' | 'duplicate' | 'stale' | 'ignored' | 'bad_signature' | 'malformed' | 'too_large' | 'not_configured' | 'error';

/** Operation-name labels: GraphQL names up to 64 characters, the first 200 distinct ones. */
const operationName = () => boundedLabel(200, /^[A-Za-z_][A-Za-z0-9_]{0,63}$/);
/** Upstream route templates are the gateway's own (ids are replaced): the bound is only a safety net. */
const routeName = () => boundedLabel(100, /^\/v1(?:\/(?:[a-z_]+|:id))*$/);
/** Stripe event types, as verified deliveries carry them ('payout.paid'); Stripe has a few hundred. */
const eventType = () => boundedLabel(500, /^[a-z_]+(?:\.[a-z_]+)*$/);

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The gateway's Prometheus instruments, in a registry of its own (several gateways in one process,
 * as in tests, never share one). Callers pass raw values; bounding labels is done here.
 */
export function createMetrics(opts: { registry?: Registry; live: () => LiveFigures }) {
  const registry = opts.registry ?? new Registry();
  const registers = [registry];
  // No collectDefaultMetrics (process CPU, memory, event loop, GC): with it, each page of 100 cost the
  // gateway 13–18% more CPU in `npm run bench -- telemetry` (its GC observer runs on every collection),
  // without it 0–3%. The container platform reports process CPU and memory anyway.

  const operations = new Histogram({
    name: 'gateway_graphql_operation_duration_seconds',
    help: 'GraphQL operations from parse to result (subscriptions: until set up), by operation name, type and outcome code (OK, or the first error\'s extensions.code).',
    labelNames: ['operation', 'type', 'code'] as const,
    buckets: SECONDS,
    registers,
  });
  const refused = new Counter({
    name: 'gateway_requests_refused_total',
    help: 'Requests refused by the gateway\'s limits and authentication, by extensions.code.',
    labelNames: ['code'] as const,
    registers,
  });
  const stripeRequests = new Histogram({
    name: 'gateway_stripe_request_duration_seconds',
    help: 'Requests sent to Stripe (every attempt), by method, route template and HTTP status ("error": no answer).',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: SECONDS,
    registers,
  });
  const stripeRetries = new Counter({
    name: 'gateway_stripe_retries_total',
    help: 'Requests to Stripe sent again by the gateway, by method, route template and reason (rate_limited: after a 429).',
    labelNames: ['method', 'route', 'reason'] as const,
    registers,
  });
  const stripeRateLimited = new Counter({
    name: 'gateway_stripe_rate_limited_total',
    help: '429 answers from Stripe, by method and route template.',
    labelNames: ['method', 'route'] as const,
    registers,
  });
  const stripeQueueFull = new Counter({
    name: 'gateway_stripe_queue_full_total',
    help: 'Calls refused before reaching Stripe because they would have waited longer than STRIPE_MAX_QUEUE_MS for their turn.',
    labelNames: ['method', 'route'] as const,
    registers,
  });
  const webhooks = new Counter({
    name: 'gateway_webhook_events_total',
    help: 'Webhook deliveries received, by Stripe event type ("unverified" when the delivery was refused before its signature was checked) and outcome.',
    labelNames: ['type', 'outcome'] as const,
    registers,
  });
  const delivered = new Counter({
    name: 'gateway_subscription_events_delivered_total',
    help: 'Subscription events delivered to subscribers (one per subscriber), by topic.',
    labelNames: ['topic'] as const,
    registers,
  });
  const pubsubErrors = new Counter({
    name: 'gateway_pubsub_errors_total',
    help: 'Errors of the Redis pub/sub clients, by role (publish, subscribe).',
    labelNames: ['role'] as const,
    registers,
  });
  const gauge = (name: string, help: string, read: (f: LiveFigures) => number) =>
    new Gauge({
      name,
      help,
      registers,
      collect() {
        this.set(read(opts.live()));
      },
    });
  gauge('gateway_subscriptions_open', 'Live subscriptions, graphql-ws and SSE together.', (f) => f.subscribers);
  gauge('gateway_subscription_streams', 'Shared subscription streams (one pubsub listener each).', (f) => f.listeners);
  gauge('gateway_websocket_connections', 'Open graphql-ws connections.', (f) => f.wsClients);

  const op = operationName();
  const route = routeName();
  const type = eventType();
  return {
    registry,
    operation(name: string | undefined, operationType: string, code: string, seconds: number): void {
      operations.observe({ operation: name === undefined ? 'anonymous' : op(name), type: operationType, code }, seconds);
    },
    refused(code: string): void {
      refused.inc({ code });
    },
    stripeRequest(method: string, routeTemplate: string, status: number | 'error', seconds: number): void {
      stripeRequests.observe({ method, route: route(routeTemplate), status: String(status) }, seconds);
      if (status === 429) stripeRateLimited.inc({ method, route: route(routeTemplate) });
    },
    stripeRetry(method: string, routeTemplate: string, reason: 'rate_limited'): void {
      stripeRetries.inc({ method, route: route(routeTemplate), reason });
    },
    stripeQueueFull(method: string, routeTemplate: string): void {
      stripeQueueFull.inc({ method, route: route(routeTemplate) });
    },
    webhook(eventTypeName: string | undefined, outcome: WebhookOutcome): void {
      webhooks.inc({ type: eventTypeName === undefined ? 'unverified' : type(eventTypeName), outcome });
    },
    /** `topic` undefined: an event of no known topic (counted as OTHER). */
    delivered(topic: string | undefined, subscribers: number): void {
      delivered.inc({ topic: topic ?? OTHER }, subscribers);
    },
    pubsubError(role: string): void {
      pubsubErrors.inc({ role });
    },
  };
}

export type GatewayMetrics = ReturnType<typeof createMetrics>;
