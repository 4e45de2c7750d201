import { createServer, type Server } from 'node:http';
import { getOperationAST, type ExecutionResult, type GraphQLError } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { usePrometheus } from '@graphql-yoga/plugin-prometheus';
import type { GatewayMetrics } from '../telemetry/metrics.js';
import { refusalCodeOf } from './error-response.js';
import { LIMIT_CODES } from './document-limits.js';

/** Where Prometheus scrapes, on the gateway's port (when open or asked for) or on METRICS_PORT's. */
export const METRICS_PATH = '/metrics';

/** Codes of refusals by the gateway's limits and authentication (counted in gateway_requests_refused_total). */
const REFUSAL_CODES: ReadonlySet<unknown> = new Set([
  ...Object.values(LIMIT_CODES),
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'RATE_LIMITED',
  'QUERY_TOO_EXPENSIVE',
  'TOO_MANY_SUBSCRIPTIONS',
  'REQUEST_ENTITY_TOO_LARGE',
]);

/** One operation on its way through envelop, keyed by its context. */
interface Operation {
  started: number;
  name: string | undefined;
  type: string;
  /** The `after` plugin saw it execute: its result is that plugin's to record. */
  executed: boolean;
  done: boolean;
}

function codeOf(error: Pick<GraphQLError, 'extensions'> | Error | undefined, fallback: string): string {
  const code = (error as Partial<GraphQLError> | undefined)?.extensions?.code;
  return typeof code === 'string' ? code : fallback;
}

/**
 * Prometheus metrics of GraphQL operations, over HTTP, SSE and graphql-ws alike (all run through
 * envelop): each operation's duration by (bounded) operation name, type and outcome code, and
 * refusals by code. Two plugins, because results are read at two places:
 * - `before`, first in the list: starts the clock at parse, records parse, validation and context
 *   failures and results set by the gates (they stop execution before later plugins see it), and
 *   counts the refusals answered before yoga parses anything (errorResponse, 413). It also adds yoga's
 *   Prometheus plugin for time per phase (parse, validate, context, execute, subscribe) and, with
 *   `endpoint`, serves the registry there.
 * - `after`, after the error mapping: records executed results, with the codes clients see.
 */
export function useGatewayMetrics(metrics: GatewayMetrics, opts: { endpoint: string | false; graphqlEndpoint: string }): { before: Plugin; after: Plugin } {
  const operations = new WeakMap<object, Operation>();

  const finish = (context: object, code: string, errors: readonly Pick<GraphQLError, 'extensions'>[] = []) => {
    const op = operations.get(context);
    if (!op || op.done) return;
    op.done = true;
    metrics.operation(op.name, op.type, code, (performance.now() - op.started) / 1000);
    const refusals = new Set(errors.map((e) => e.extensions?.code).filter((c) => REFUSAL_CODES.has(c)));
    for (const refusal of refusals) metrics.refused(refusal as string);
  };
  const finishWith = (context: object, result: ExecutionResult) => finish(context, codeOf(result.errors?.[0], result.errors?.length ? 'INTERNAL_SERVER_ERROR' : 'OK'), result.errors);
  /** Only results no later plugin will see: execution was stopped before them. */
  const finishStopped = (context: object, result: unknown) => {
    if (!operations.get(context)?.executed && !isAsyncIterable(result)) finishWith(context, result as ExecutionResult);
  };

  const before: Plugin = {
    onPluginInit({ addPlugin, registerContextErrorHandler }) {
      addPlugin(
        usePrometheus({
          registry: metrics.registry,
          endpoint: opts.endpoint,
          // Client-chosen: gateway_graphql_operation_duration_seconds carries it, bounded.
          labels: { operationName: false },
          metrics: {
            graphql_envelop_phase_parse: true,
            graphql_envelop_phase_validate: true,
            graphql_envelop_phase_context: true,
            graphql_envelop_phase_execute: true,
            graphql_envelop_phase_subscribe: true,
            // Covered by the gateway's own operation histogram (which has the outcome code).
            graphql_envelop_request: false,
            graphql_envelop_request_duration: false,
            graphql_envelop_request_time_summary: false,
            // Labelled by error path (list indexes: unbounded) and by URL: neither is bounded.
            graphql_envelop_error_result: false,
            graphql_yoga_http_duration: false,
            // A walk of every document for fields this schema does not deprecate.
            graphql_envelop_deprecated_field: false,
            graphql_envelop_schema_change: false,
            graphql_envelop_execute_resolver: false,
          },
        }),
      );
      registerContextErrorHandler(({ context, error }) => finish(context, codeOf(error as Error, 'INTERNAL_SERVER_ERROR'), [error as GraphQLError]));
    },
    onParse({ context }) {
      const started = performance.now();
      return ({ result }) => {
        if (result instanceof Error) {
          operations.set(context, { started, name: undefined, type: 'unknown', executed: false, done: false });
          finish(context, codeOf(result, 'GRAPHQL_PARSE_FAILED'), [result as GraphQLError]);
          return;
        }
        if (!result) return;
        const operationName = (context as { params?: { operationName?: string | null } }).params?.operationName;
        const operation = getOperationAST(result, operationName);
        operations.set(context, { started, name: operation?.name?.value, type: operation?.operation ?? 'unknown', executed: false, done: false });
      };
    },
    onValidate: ({ context }) => ({ valid, result }) => {
      if (!valid) finish(context, codeOf(result[0], 'GRAPHQL_VALIDATION_FAILED'), result as readonly GraphQLError[]);
    },
    onExecute: () => ({ onExecuteDone: ({ args, result }) => finishStopped(args.contextValue, result) }),
    onSubscribe: () => ({ onSubscribeResult: ({ args, result }) => finishStopped(args.contextValue, result) }),
    onResponse({ request, response }) {
      const refusal = refusalCodeOf(response) ?? (response.status === 413 && new URL(request.url).pathname === opts.graphqlEndpoint ? 'REQUEST_ENTITY_TOO_LARGE' : undefined);
      if (refusal) metrics.refused(refusal);
    },
  };

  const executed = (context: object) => {
    const op = operations.get(context);
    if (op) op.executed = true;
  };
  const after: Plugin = {
    onExecute({ args }) {
      executed(args.contextValue);
      return {
        onExecuteDone({ result }) {
          if (!isAsyncIterable(result)) return finishWith(args.contextValue, result);
          return { onEnd: () => finish(args.contextValue, 'OK') };
        },
      };
    },
    onSubscribe({ args }) {
      executed(args.contextValue);
      return {
        onSubscribeResult({ result }) {
          if (isAsyncIterable(result)) finish(args.contextValue, 'OK');
          else finishWith(args.contextValue, result);
        },
      };
    },
  };
  return { before, after };
}

/** The METRICS_PORT listener: GET /metrics and nothing else, so that port can be reachable by Prometheus alone. */
export function createMetricsServer(metrics: Pick<GatewayMetrics, 'registry'>): Server {
  const { registry } = metrics;
  return createServer((req, res) => {
    // The path read from the raw target: new URL() throws on some (`GET http://[`), and a throw here is uncaught.
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== METRICS_PATH) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found: GET /metrics');
      return;
    }
    registry.metrics().then(
      (body) => res.writeHead(200, { 'content-type': registry.contentType }).end(body),
      () => res.writeHead(500, { 'content-type': 'text/plain' }).end('Metrics could not be collected.'),
    );
  });
}
