import { AsyncLocalStorage } from 'node:async_hooks';
import {
  ROOT_CONTEXT,
  SpanStatusCode,
  defaultTextMapSetter,
  trace,
  type Attributes,
  type Context,
  type SpanKind,
  type Span,
  type Tracer,
  type TracerProvider,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';

/** The tracer's name in every span's instrumentation scope. */
const TRACER_NAME = 'stripe-graphql-gateway';

/**
 * The provider `npm start` uses when OTEL_EXPORTER_OTLP_ENDPOINT is set: spans batched and posted
 * as OTLP/HTTP to `<endpoint>/v1/traces` (the exporter adds OTEL_EXPORTER_OTLP_HEADERS, e.g. a
 * vendor's API key). Not registered globally: the gateway hands it to what traces.
 */
export function createTracerProvider(config: { endpoint: string; serviceName: string }): NodeTracerProvider {
  return new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': config.serviceName }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: `${config.endpoint.replace(/\/+$/, '')}/v1/traces` }))],
  });
}

/**
 * One gateway's tracing: its tracer, W3C trace context in and out, and the context the current
 * async work belongs to. That context travels in an AsyncLocalStorage of this gateway's own rather
 * than OpenTelemetry's global context manager, so no process-wide registration is needed and
 * gateways in one process (tests) never see each other's spans.
 */
export interface GatewayTracing {
  readonly provider: TracerProvider;
  readonly tracer: Tracer;
  /** The trace a request continues (its `traceparent` / `tracestate`), or a new one. */
  extract(headers: Headers): Context;
  /** The context of the work running now (inside run()), else the root context. */
  active(): Context;
  run<T>(context: Context, fn: () => T): T;
  /** A span, child of `parent` (default: the active context). */
  start(name: string, kind: SpanKind, attributes: Attributes, parent?: Context): Span;
  /** `traceparent` (and `tracestate`) for a request sent on behalf of `span`. */
  headersFor(span: Span): Record<string, string>;
}

export function createTracing(provider: TracerProvider): GatewayTracing {
  const tracer = provider.getTracer(TRACER_NAME);
  const propagator = new W3CTraceContextPropagator();
  const scope = new AsyncLocalStorage<Context>();
  const active = () => scope.getStore() ?? ROOT_CONTEXT;
  return {
    provider,
    tracer,
    extract: (headers) => propagator.extract(ROOT_CONTEXT, headers, { get: (carrier, key) => carrier.get(key) ?? undefined, keys: (carrier) => [...carrier.keys()] }),
    active,
    run: (context, fn) => scope.run(context, fn),
    start: (name, kind, attributes, parent) => tracer.startSpan(name, { kind, attributes }, parent ?? active()),
    headersFor(span) {
      const headers: Record<string, string> = {};
      propagator.inject(trace.setSpan(ROOT_CONTEXT, span), headers, defaultTextMapSetter);
      return headers;
    },
  };
}

/** Ends a span as failed, with the error's class and message (never its cause's data). */
export function endWithError(span: Span, err: unknown): void {
  const error = err instanceof Error ? err : new Error(String(err));
  span.recordException({ name: error.name, message: error.message });
  span.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
  span.end();
}
