import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { GatewayMetrics, WebhookOutcome } from './metrics.js';
import type { GatewayTracing } from './tracing.js';

/** One webhook delivery as the receiver reports it. */
export interface WebhookDelivery {
  /** Runs the delivery's ingest in its span, so the calls it makes (WEBHOOK_REFETCH) are children of it. */
  run<T>(fn: () => Promise<T>): Promise<T>;
  /** What it came to; `type` and `id` are the event's once its signature is verified. */
  end(outcome: WebhookOutcome, event?: { type: string; id: string }): void;
}

export type WebhookObserver = (headers: Headers) => WebhookDelivery;

/**
 * Webhook deliveries counted by event type and outcome, and a span each (`stripe webhook`, with
 * the event's id and type and the outcome; a `traceparent` on the delivery is continued).
 * Undefined when neither metrics nor tracing is on.
 */
export function webhookTelemetry(metrics: GatewayMetrics | undefined, tracing: GatewayTracing | undefined): WebhookObserver | undefined {
  if (!metrics && !tracing) return undefined;
  return (headers) => {
    const span = tracing?.start('stripe webhook', SpanKind.SERVER, {}, tracing.extract(headers));
    return {
      run: (fn) => (span && tracing ? tracing.run(trace.setSpan(tracing.active(), span), fn) : fn()),
      end(outcome, event) {
        metrics?.webhook(event?.type, outcome);
        if (!span) return;
        span.setAttribute('stripe.webhook.outcome', outcome);
        if (event) span.setAttributes({ 'stripe.event.id': event.id, 'stripe.event.type': event.type });
        if (outcome !== 'published' && outcome !== 'duplicate' && outcome !== 'stale' && outcome !== 'ignored') span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
      },
    };
  };
}
