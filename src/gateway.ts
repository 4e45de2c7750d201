import { setMaxListeners } from 'node:events';
import { setTimeout as delay } from 'node:timers/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { GraphQLSchema } from 'graphql';
import { secretsOf, type Config } from './config.js';
import { createStripeClient } from './stripe/client.js';
import { createLiveEvents } from './events/live.js';
import { DEFAULT_KEY_PREFIX, type PubSubOptions } from './events/pubsub.js';
import { createRateLimiter } from './server/rate-limit.js';
import { createGatewayYoga, type GatewayYoga } from './server/yoga.js';
import { attachGraphQLWs } from './server/ws.js';
import { createSharedSubscriptions } from './server/shared-subscriptions.js';
import { createLogger } from './server/logger.js';
import { createRedactor } from './server/redact.js';
import { hostCheck } from './server/routes.js';
import { schema as gatewaySchema } from './schema/index.js';
import { eventContext } from './schema/subscriptions.js';
import { createAuthenticator, type Authenticator } from './auth/authenticator.js';
import { WEBHOOK_PATH } from './events/webhook.js';
import { createPersistedDocuments } from './server/persisted-documents.js';
import { createUpstreamHealth, type UpstreamStatus } from './stripe/health.js';
import type { ReadinessCheck } from './server/readiness.js';
import { trackHttpRequests } from './server/http-drain.js';
import { topicOfChange } from './events/topics.js';
import { createMetricsServer, METRICS_PATH } from './server/metrics.js';
import { createMetrics } from './telemetry/metrics.js';
import { createTracerProvider, createTracing } from './telemetry/tracing.js';
import { upstreamTelemetry } from './telemetry/stripe-observer.js';
import { webhookTelemetry } from './telemetry/webhook-observer.js';
import type { TracerProvider } from '@opentelemetry/api';

export interface GatewayDeps {
  /** Defaults to a pino logger at config.logLevel with the gateway's redaction. */
  logger?: Logger;
  /** In-process upstream (e.g. an emulator's fetch): the SDK calls it with no socket. */
  fetch?: typeof fetch;
  /** An emulator running in this process: used as the in-process upstream unless `fetch` is given. */
  emulator?: { fetch: typeof fetch };
  /** Another schema (tests of the runtime with a schema of their own). */
  schema?: GraphQLSchema;
  /** Pubsub options, e.g. a Redis channel prefix of the test's own. */
  pubsub?: PubSubOptions;
  /** Traces go to this provider (e.g. a test's, with an in-memory exporter), whatever config.tracing says. */
  tracerProvider?: TracerProvider;
}

export interface Gateway {
  readonly yoga: GatewayYoga;
  /** Created, not listening: start() listens. */
  readonly httpServer: Server;
  readonly log: Logger;
  /** Who may call (for the banner). */
  readonly authenticator: Authenticator;
  /** Live subscriptions, for leak checks and benchmarks. */
  readonly live: { stats(): LiveStats };
  /**
   * Listens on config.host:config.port (0 = ephemeral); resolves with the base URL, and the
   * metrics listener's /metrics URL when config.metrics.port is set.
   */
  start(): Promise<{ url: string; metricsUrl?: string }>;
  /**
   * Drains, then stops: /readyz answers 503 at once, no new connection is accepted, SSE streams
   * complete, in-flight HTTP requests and graphql-ws operations finish (each HTTP connection closes
   * after its response; WebSocket clients then get 1001), all within config.shutdownTimeoutMs, after
   * which what is left is cut; then the poller, Redis and the rest close. Idempotent.
   */
  stop(): Promise<void>;
}

export interface LiveStats {
  /** Live subscriptions, over any transport: one subscriber each of a shared stream. */
  subscribers: number;
  /** Pubsub listeners: one per shared stream. */
  listeners: number;
  /** Open WebSocket connections. */
  wsClients: number;
}

const upstreamReason = (status: UpstreamStatus) => (status.ok ? undefined : status.reason);

/** How long stop() waits, after the drain, for the spans still batched to reach the collector. */
export const SPAN_FLUSH_TIMEOUT_MS = 2_000;

/** How long /readyz waits for Redis to answer a PING. */
const REDIS_PING_TIMEOUT_MS = 1_000;

/** Wires every part of the gateway for one config; nothing global, so tests can build several. */
export function createGateway(config: Config, deps: GatewayDeps = {}): Gateway {
  const log = deps.logger ?? createLogger(config.logLevel, undefined, secretsOf(config));
  const redact = createRedactor(secretsOf(config));
  // Telemetry: metrics only where they are served (config.metrics), traces only to a provider.
  const metrics = config.metrics.onMainPort || config.metrics.port !== undefined ? createMetrics({ live: () => liveStats() }) : undefined;
  const ownTracerProvider = !deps.tracerProvider && config.tracing ? createTracerProvider(config.tracing) : undefined;
  const tracerProvider = deps.tracerProvider ?? ownTracerProvider;
  const tracing = tracerProvider && createTracing(tracerProvider);
  const metricsServer = metrics && config.metrics.port !== undefined ? createMetricsServer(metrics) : undefined;

  const stripe = createStripeClient(config, { fetch: deps.fetch ?? deps.emulator?.fetch, observer: upstreamTelemetry(metrics, tracing, redact) });
  const events = createLiveEvents({
    config,
    log,
    stripe,
    pubsub: { ...deps.pubsub, onError: metrics && ((role) => metrics.pubsubError(role)) },
    webhooks: webhookTelemetry(metrics, tracing),
  });
  // Subscribers asking the same thing share one stream; the gateway's schema runs each event with loaders of its own.
  const shared = createSharedSubscriptions<Parameters<typeof eventContext>[1]>({
    ...(deps.schema ? {} : { eventContext }),
    onDelivered: metrics && ((event, subscribers) => metrics.delivered(topicOfChange(event), subscribers)),
  });
  const authenticator = createAuthenticator(config.auth);
  const persistedDocuments = createPersistedDocuments(config.persistedDocuments, config.documentLimits.maxLength);
  const rateLimiter = createRateLimiter(config, log, { keyPrefix: deps.pubsub?.channelPrefix ?? DEFAULT_KEY_PREFIX });
  const platformOptions = config.stripeAccount ? { stripeAccount: config.stripeAccount } : {};

  // Lifecycle: aborted when stop() begins to drain (readiness turns 503, SSE streams end).
  const draining = new AbortController();
  // Every open SSE stream listens for it: thousands are the design, not a leak.
  setMaxListeners(0, draining.signal);
  const upstream = createUpstreamHealth(stripe, {
    maxAgeMs: config.readiness.upstreamMaxAgeMs,
    probeIntervalMs: config.readiness.probeIntervalMs,
    requestOptions: platformOptions,
  });
  const { redisReady } = events;
  const readinessChecks: ReadinessCheck[] = [
    ...(redisReady ? [{ name: 'redis', run: async () => ((await redisReady(REDIS_PING_TIMEOUT_MS)) ? undefined : 'redis not answering') }] : []),
    { name: 'upstream', run: async () => upstreamReason(await upstream.check()) },
  ];

  // Live subscriptions: the webhook route (POST /webhooks/stripe) and shared streams are yoga
  // plugins, graphql-ws attaches to the HTTP server below; stop() drains both, then closes the pubsub.
  const yoga = createGatewayYoga({
    config,
    schema: deps.schema ?? gatewaySchema,
    stripe,
    pubsub: events.pubsub,
    changes: events.changes,
    log,
    authenticator,
    redact,
    webhookPath: WEBHOOK_PATH,
    rateLimiter,
    persistedDocuments,
    draining: draining.signal,
    readinessChecks,
    plugins: [...events.plugins, shared.plugin],
    metrics,
    tracing,
  });
  const httpServer = createServer(yoga);
  const ws = attachGraphQLWs(httpServer, yoga, { authenticator, corsOrigins: config.corsOrigins, sharedSubscriptions: shared, persistedDocuments, hostAllowed: hostCheck(authenticator.open, config.host) });

  const requests = trackHttpRequests(httpServer);

  const liveStats = (): LiveStats => ({ subscribers: shared.subscriberCount(), listeners: events.listenerCount(), wsClients: ws.clientCount() });
  let stopping: Promise<void> | undefined;

  return {
    yoga,
    httpServer,
    log,
    authenticator,
    live: { stats: liveStats },
    start: async () => {
      const started = { url: await listen(httpServer, config.port, config.host) };
      // Registers the webhook endpoint with the emulator (emulator mode) and starts the events poller, if configured.
      await events.start({ url: started.url, stripe, requestOptions: platformOptions });
      if (!metricsServer || config.metrics.port === undefined) return started;
      return { ...started, metricsUrl: `${await listen(metricsServer, config.metrics.port, config.host)}${METRICS_PATH}` };
    },
    stop: () =>
      (stopping ??= (async () => {
        draining.abort();
        const inFlight = requests.inFlight();
        log.info({ inFlight, timeoutMs: config.shutdownTimeoutMs }, 'draining');
        const deadline = AbortSignal.timeout(config.shutdownTimeoutMs);
        const [completed] = await Promise.all([requests.drain(deadline), ws.close(deadline)]);
        if (!completed) log.warn({ timeoutMs: config.shutdownTimeoutMs }, 'drain timed out: requests still in flight were cut');
        // Webhooks and requests in flight needed these until now.
        await events.stop();
        await rateLimiter.close();
        upstream.close();
        // Scraped until the drain is over.
        if (metricsServer?.listening) {
          metricsServer.closeAllConnections();
          await new Promise((resolve) => metricsServer.close(resolve));
        }
        await yoga.dispose();
        // Sends the spans still batched; a collector that does not answer must not hold the exit
        // (its exporter waits 10 s per batch) nor fail it.
        if (ownTracerProvider) {
          const sent = await Promise.race([
            ownTracerProvider.shutdown().then(
              () => true,
              (err: unknown) => {
                log.warn({ err }, 'spans still batched could not be sent');
                return true;
              },
            ),
            delay(SPAN_FLUSH_TIMEOUT_MS, false, { ref: false }),
          ]);
          if (!sent) log.warn({ timeoutMs: SPAN_FLUSH_TIMEOUT_MS }, 'spans still batched were not sent in time: dropped');
        }
      })()),
  };
}

/** Listens on host:port (0 = ephemeral); resolves with the base URL. */
function listen(server: Server, port: number, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const { port: bound } = server.address() as AddressInfo;
      resolve(`http://${host.includes(':') ? `[${host}]` : host}:${bound}`);
    });
  });
}
