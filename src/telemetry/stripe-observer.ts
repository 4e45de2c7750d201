import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { GatewayMetrics } from './metrics.js';
import { endWithError, type GatewayTracing } from './tracing.js';

const NO_HEADERS: Readonly<Record<string, string>> = Object.freeze({});

interface Call {
  method: string;
  route: string;
}

/**
 * What the Stripe shaper reports to (its UpstreamObserver), turned into metrics and a client span
 * per request on the wire: `METHOD /v1/route/:id` with the method, route template, status and
 * Stripe's `request-id`, a child of the operation (or webhook) it was made for, whose trace
 * context the request carries to Stripe in `traceparent`. Undefined when neither is on. The
 * request id is the upstream's to spell: it goes through `redact`, as in the errors clients see.
 */
export function upstreamTelemetry(metrics: GatewayMetrics | undefined, tracing: GatewayTracing | undefined, redact: (text: string) => string) {
  if (!metrics && !tracing) return undefined;
  return {
    attempt(call: Call) {
      const started = performance.now();
      const span = tracing?.start(`${call.method} ${call.route}`, SpanKind.CLIENT, {
        'http.request.method': call.method,
        'url.template': call.route,
        'peer.service': 'stripe',
      });
      const seconds = () => (performance.now() - started) / 1000;
      return {
        headers: span && tracing ? tracing.headersFor(span) : NO_HEADERS,
        answered(status: number, requestId: string | undefined, retrying: boolean) {
          metrics?.stripeRequest(call.method, call.route, status, seconds());
          if (retrying) metrics?.stripeRetry(call.method, call.route, 'rate_limited');
          if (!span) return;
          span.setAttribute('http.response.status_code', status);
          if (requestId) span.setAttribute('stripe.request_id', redact(requestId));
          if (status >= 400) span.setStatus({ code: SpanStatusCode.ERROR });
          span.end();
        },
        failed(err: unknown) {
          metrics?.stripeRequest(call.method, call.route, 'error', seconds());
          if (span) endWithError(span, err);
        },
      };
    },
    queueFull(call: Call) {
      metrics?.stripeQueueFull(call.method, call.route);
    },
  };
}
