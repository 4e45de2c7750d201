import { randomUUID } from 'node:crypto';
import type Stripe from 'stripe';
import type { Logger } from 'pino';
import type { ExecutionResult, GraphQLSchema } from 'graphql';
import {
  createYoga,
  handleStreamOrSingleExecutionResult,
  type Plugin,
  type YogaServerInstance,
} from 'graphql-yoga';
import type { Config } from '../config.js';
import type { Context } from '../context.js';
import type { GatewayPubSub } from '../events/pubsub.js';
import type { OwnChanges } from '../events/ingest.js';
import { createLoaders } from '../stripe/loaders.js';
import { ANONYMOUS, type Principal } from '../auth/principal.js';
import type { Authenticator } from '../auth/authenticator.js';
import { unauthenticated, useAuthentication, useCredentialExpiry, type VerifiedPrincipals } from './auth.js';
import { useJsonOnlyPosts } from './csrf.js';
import { useRequestRate } from './request-rate.js';
import { useSubscriptionCap } from './subscription-cap.js';
import { hostCheck, useHostCheck, useKnownRoutes } from './routes.js';
import { corsFor } from './cors.js';
import type { Redactor } from './redact.js';
import { graphiqlOptions } from './graphiql.js';
import { serveGraphiQL } from './graphiql-assets.js';
import { useCompression } from './compression.js';
import { useHeadAsGet } from './head.js';
import { useCompiledQueries } from './jit.js';
import { mapExecutionErrors, maskError, type ExecutionArgsOf } from './error-mapping.js';
import { isSharedStream } from './shared-subscriptions.js';
import { useRequestBodyLimit } from './request-body-limit.js';
import { countingClient } from '../stripe/call-count.js';
import { useUpstreamCost } from './cost.js';
import { createQueryPlanner } from '../planning/planner.js';
import { useRateLimit, type UpstreamRateLimiter } from './rate-limit.js';
import { useInputChecks } from './input-checks.js';
import { useDocumentLimits } from './document-limits.js';
import type { PersistedDocuments } from './persisted-documents.js';
import { useIncrementalDelivery } from './incremental-delivery.js';
import { READY_PATH, useReadiness, type ReadinessCheck } from './readiness.js';
import { useSubscriptionsEndOnDrain } from './stream-drain.js';
import { useUnservedStreams } from './unserved-streams.js';
import { METRICS_PATH, useGatewayMetrics } from './metrics.js';
import { useTracing } from './tracing.js';
import type { GatewayMetrics } from '../telemetry/metrics.js';
import type { GatewayTracing } from '../telemetry/tracing.js';

export interface GatewayYogaOptions {
  config: Config;
  schema: GraphQLSchema;
  /** One SDK client per gateway; every request shares it. */
  stripe: Stripe;
  pubsub: GatewayPubSub;
  /** Where mutations announce their changes. */
  changes: OwnChanges;
  log: Logger;
  authenticator: Authenticator;
  /** Scrubs secrets from every error a client receives. */
  redact: Redactor;
  /** The webhook route's path: no CORS there. */
  webhookPath: string;
  /** Spends each operation's estimated upstream calls from its principal's budget. */
  rateLimiter: UpstreamRateLimiter;
  /** Documents sent by id (documentId, APQ), and trusted mode. */
  persistedDocuments: PersistedDocuments;
  /** Aborted when the gateway starts draining: /readyz answers 503, SSE streams end. */
  draining: AbortSignal;
  /** What /readyz asks about besides the drain (Redis, the upstream). */
  readinessChecks: readonly ReadinessCheck[];
  /** Extra plugins (webhook route, ...), run before the gateway's own. */
  plugins?: Plugin[];
  /** Prometheus metrics; undefined: none collected. Served at /metrics when config.metrics.onMainPort. */
  metrics?: GatewayMetrics;
  /** Undefined: no traces. */
  tracing?: GatewayTracing;
}

export type GatewayYoga = YogaServerInstance<Record<string, unknown>, Context>;

/** Liveness only: answered by yoga before any other plugin, independent of Stripe. */
const HEALTH_PATH = '/healthz';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's X-Request-Id if it is a sane token, else a fresh one. */
function requestIdOf(request: Request): string {
  const given = request.headers.get('x-request-id');
  return given && REQUEST_ID.test(given) ? given : randomUUID();
}

/**
 * Maps execution errors while the request's context (request id, logger) is at hand:
 * Stripe errors become coded errors, anything unexpected becomes INTERNAL_SERVER_ERROR.
 * Yoga's own masking (below) then only sees errors that are safe to show. A shared
 * subscription stream maps each event once itself (shared-subscriptions.ts), so it is
 * not mapped again for every subscriber.
 */
function useGatewayErrors(): Plugin<Context> {
  const mapResult = ({ args, result, setResult }: {
    args: ExecutionArgsOf<Context>;
    result: ExecutionResult;
    setResult: (r: ExecutionResult) => void;
  }) => {
    const mapped = mapExecutionErrors(result, args);
    if (mapped !== result) setResult(mapped);
  };
  return {
    onExecute: () => ({ onExecuteDone: (payload) => handleStreamOrSingleExecutionResult(payload, mapResult) }),
    onSubscribe: () => ({
      onSubscribeResult: (payload) => (isSharedStream(payload.result) ? undefined : handleStreamOrSingleExecutionResult(payload, mapResult)),
    }),
  };
}

/**
 * The gateway's yoga: per-request context (loaders, child logger, request id echoed in
 * X-Request-Id), error mapping and masking, /healthz, /readyz, and an offline GraphiQL at /graphql.
 */
export function createGatewayYoga(opts: GatewayYogaOptions): GatewayYoga {
  const { config, schema, stripe, pubsub, changes, log, authenticator } = opts;
  const platformOptions: Stripe.RequestOptions = config.stripeAccount ? { stripeAccount: config.stripeAccount } : {};
  const graphqlEndpoint = '/graphql';
  const servesMetrics = opts.metrics !== undefined && config.metrics.onMainPort;
  const metered = opts.metrics && useGatewayMetrics(opts.metrics, { endpoint: servesMetrics && METRICS_PATH, graphqlEndpoint });
  const verified: VerifiedPrincipals = new WeakMap();
  const planner = createQueryPlanner();
  /**
   * The caller: verified at connection_init (graphql-ws, in the initial context) or from the
   * request's header (useAuthentication). Reaching here without one is refused, not defaulted,
   * unless authentication is off.
   */
  const principalOf = (initial: { request: Request; principal?: Principal }): Principal => {
    const principal = initial.principal ?? verified.get(initial.request);
    if (principal) return principal;
    if (authenticator.open) return ANONYMOUS;
    throw unauthenticated();
  };
  const requestIds = new WeakMap<Request, string>();
  const idOf = (request: Request) => {
    let id = requestIds.get(request);
    if (!id) requestIds.set(request, (id = requestIdOf(request)));
    return id;
  };
  // Trusted mode runs no document GraphiQL could send (introspection included): no page to serve.
  const graphiql = config.persistedDocuments.trustedOnly ? undefined : serveGraphiQL(graphqlEndpoint, graphiqlOptions(config));

  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint,
    cors: corsFor(config.corsOrigins, opts.webhookPath),
    // No file uploads: a multipart POST is a form any web page can send (see useJsonOnlyPosts).
    multipart: false,
    // Bodies are capped by useRequestBodyLimit instead: yoga's option costs about 10% more CPU per request (see there).
    maxRequestBodySize: false,
    // Liveness: yoga answers 200 before any other plugin, so it is cheap and independent of Stripe.
    healthCheckEndpoint: HEALTH_PATH,
    landingPage: false,
    // Served by the GraphiQL plugin below instead: separate cacheable files, HEAD, ETags (graphiql-assets.ts).
    graphiql: false,
    // Yoga logs masked errors with this logger; pino's methods fit its interface.
    logging: log,
    maskedErrors: { maskError },
    context: (initial): Context => {
      const { request } = initial;
      const requestId = idOf(request);
      const principal = principalOf(initial as typeof initial & { principal?: Principal });
      // A principal bound to a Connect account acts as that account on every upstream call.
      const requestOptions = principal.stripeAccount ? { stripeAccount: principal.stripeAccount } : platformOptions;
      const counted = countingClient(stripe);
      return {
        config,
        principal,
        stripe: counted.stripe,
        upstream: { estimated: null, made: counted.made },
        requestOptions,
        loaders: createLoaders(counted.stripe, requestOptions, requestId),
        planner,
        pubsub,
        changes,
        log: log.child({ requestId, principal: principal.name }),
        requestId,
        redact: opts.redact,
      };
    },
    plugins: [
      // First: every plugin sees HEAD as a GET, and the body is dropped before compression.
      useHeadAsGet(),
      useKnownRoutes([graphqlEndpoint, HEALTH_PATH, READY_PATH, opts.webhookPath, ...(graphiql?.paths ?? []), ...(servesMetrics ? [METRICS_PATH] : [])]),
      // Like /healthz, answered whatever the Host (an orchestrator's probe names the pod's address).
      useReadiness({ draining: opts.draining, checks: opts.readinessChecks }),
      useHostCheck(hostCheck(authenticator.open, config.host)),
      // GraphiQL's page is public (its operations are not): before authentication and request rates.
      ...(graphiql ? [graphiql.plugin] : []),
      // First of the envelop plugins: it starts each operation's clock and sees what the gates refuse.
      ...(metered ? [metered.before] : []),
      useJsonOnlyPosts(graphqlEndpoint),
      useAuthentication({ authenticator, graphqlEndpoint, verified }),
      useRequestRate({ perSecond: config.requestsPerSecond, graphqlEndpoint, verified }),
      useRequestBodyLimit(),
      // Turns a document id into its text (or refuses it) before yoga checks the params and anything parses.
      opts.persistedDocuments.plugin,
      // @defer / @stream over multipart/mixed and SSE; such documents run off the compiled path (jit.ts).
      useIncrementalDelivery(),
      // After validation, before anything executes (shared subscription streams included):
      // malformed input is refused before it is costed, and nothing refused spends rate budget.
      useInputChecks(),
      // A stream the request's Accept rules out is refused before it is costed (or ended, if yoga finds no format for it).
      useUnservedStreams(),
      useUpstreamCost(config.maxUpstreamCalls, planner),
      useRateLimit(opts.rateLimiter),
      useSubscriptionCap(config.maxSubscriptionsPerCaller),
      ...(opts.plugins ?? []),
      // Before anything compiles or executes a document (graphql-ws validates through the same envelop).
      useDocumentLimits(config.documentLimits),
      useCompiledQueries(log),
      useGatewayErrors(),
      // After jit, which replaces execute and would drop the span's context set before it; after the
      // error mapping, so a failed operation's span records the errors clients see (coded, scrubbed
      // of secrets), never a raw upstream message.
      ...(opts.tracing ? [useTracing(opts.tracing)] : []),
      // After the error mapping: results are recorded with the codes clients see.
      ...(metered ? [metered.after] : []),
      useCredentialExpiry(),
      useSubscriptionsEndOnDrain(opts.draining),
      {
        onResponse({ request, response }) {
          response.headers.set('x-request-id', idOf(request));
        },
      },
      // Last: compresses the response every other plugin has finished with.
      useCompression(),
    ],
  });
}
