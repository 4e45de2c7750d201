// OpenTelemetry traces with an in-memory exporter: a span per operation continuing the client's W3C
// traceparent, a child span per Stripe request (which carries the trace on), one per webhook delivery;
// and, with OTEL_EXPORTER_OTLP_ENDPOINT, spans posted as OTLP/HTTP. Nothing is registered globally.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Stripe from 'stripe';
import { SpanKind, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor, type ReadableSpan, type SpanProcessor } from '@opentelemetry/sdk-trace-node';
import { loadConfig, secretsOf } from '../../src/config.js';
import { createGateway, SPAN_FLUSH_TIMEOUT_MS, type Gateway } from '../../src/gateway.js';
import { createLogger } from '../../src/server/logger.js';
import { createEmulator, type Emulator } from '../../src/emulator/index.js';
import { NO_RATE_LIMIT } from '../harness.js';
import { stripeEvent } from '../subscriptions/clients.js';

const SECRET = 'whsec_tracing_test';
const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const CLIENT_SPAN = '00f067aa0ba902b7';

const exporter = new InMemorySpanExporter();
/** Every span as it started (a subscription's span ends only with the subscription). */
const started: ReadableSpan[] = [];
const recordStart: SpanProcessor = { onStart: (span) => void started.push(span), onEnd: () => {}, forceFlush: async () => {}, shutdown: async () => {} };
const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter), recordStart] });
let emulator: Emulator;
let gateway: Gateway;
/** The traceparent of every request the gateway sent upstream, by route. */
const sent: { path: string; traceparent: string | null }[] = [];
let payoutIds: string[];

const silent = () => createLogger('silent');

beforeAll(async () => {
  emulator = createEmulator({ seed: 'none' });
  await emulator.ready;
  const config = loadConfig({ STRIPE_MAX_NETWORK_RETRIES: '0', STRIPE_WEBHOOK_SECRET: SECRET, WEBHOOK_REFETCH: 'true', LOG_LEVEL: 'silent', ...NO_RATE_LIMIT });
  const upstream: typeof fetch = (input, init) => {
    const request = new Request(input, init);
    sent.push({ path: new URL(request.url).pathname, traceparent: request.headers.get('traceparent') });
    return emulator.fetch(request);
  };
  gateway = createGateway(config, { logger: createLogger(config.logLevel, undefined, secretsOf(config)), fetch: upstream, tracerProvider: provider });
  const seeder = new Stripe('sk_test_tracing', { httpClient: Stripe.createFetchHttpClient(emulator.fetch), maxNetworkRetries: 0 });
  payoutIds = [];
  for (let i = 0; i < 6; i++) payoutIds.push((await seeder.payouts.create({ amount: 100 + i, currency: 'usd' })).id);
});
afterAll(async () => {
  await gateway?.stop();
  await emulator?.close();
  await provider.shutdown();
});

function gql(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  return gateway.yoga.fetch('http://gateway.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
}

const spanId = (s: ReadableSpan) => s.spanContext().spanId;
const parentOf = (s: ReadableSpan) => s.parentSpanContext?.spanId;
const named = (name: string) => exporter.getFinishedSpans().filter((s) => s.name === name);

describe('traces', () => {
  it('continues the client’s traceparent: operation span, then a child span per Stripe request that carries the trace on', async () => {
    exporter.reset();
    sent.length = 0;
    const res = await gql('query PageOfPayouts { payouts(first: 3) { edges { node { id } } } }', {}, { traceparent: `00-${TRACE_ID}-${CLIENT_SPAN}-01` });
    expect(res.status).toBe(200);

    const [operation] = named('query.PageOfPayouts');
    expect(operation).toBeDefined();
    expect(operation.kind).toBe(SpanKind.SERVER);
    expect(operation.spanContext().traceId).toBe(TRACE_ID);
    expect(parentOf(operation)).toBe(CLIENT_SPAN);
    expect(operation.attributes).toMatchObject({ 'graphql.execute.operationName': 'PageOfPayouts', 'graphql.execute.operationType': 'query' });

    const [call] = named('GET /v1/payouts');
    expect(call.kind).toBe(SpanKind.CLIENT);
    expect(call.spanContext().traceId).toBe(TRACE_ID);
    expect(parentOf(call)).toBe(spanId(operation));
    expect(call.attributes).toMatchObject({
      'http.request.method': 'GET',
      'url.template': '/v1/payouts',
      'http.response.status_code': 200,
      'stripe.request_id': expect.stringMatching(/^req_/),
    });
    // What Stripe received: the trace, with the call's span as parent.
    expect(sent).toEqual([{ path: '/v1/payouts', traceparent: `00-${TRACE_ID}-${spanId(call)}-01` }]);
  });

  it('nests each operation’s calls under its own span, through DataLoader batches and concurrent requests', async () => {
    exporter.reset();
    const query = 'query Three($a: ID!, $b: ID!, $c: ID!) { a: payout(id: $a) { id } b: payout(id: $b) { id } c: payout(id: $c) { id } }';
    // Distinct ids: identical concurrent reads would share one call (the shaper's coalescing), made in the first one's span.
    const [a, b, c, d, e, f] = payoutIds;
    const results = await Promise.all([gql(query, { a, b, c }), gql(query, { a: d, b: e, c: f })]);
    for (const r of results) expect(((await r.json()) as { errors?: unknown }).errors).toBeUndefined();

    const operations = named('query.Three');
    expect(operations).toHaveLength(2);
    // Two fresh traces (no traceparent sent), one per request.
    expect(new Set(operations.map((o) => o.spanContext().traceId)).size).toBe(2);
    for (const operation of operations) {
      const calls = named('GET /v1/payouts/:id').filter((s) => parentOf(s) === spanId(operation));
      expect(calls).toHaveLength(3);
      for (const call of calls) expect(call.spanContext().traceId).toBe(operation.spanContext().traceId);
    }
  });

  it('records a span per webhook delivery, with the event and its outcome, and the refetch as its child', async () => {
    exporter.reset();
    const object = await new Stripe('sk_test_tracing', { httpClient: Stripe.createFetchHttpClient(emulator.fetch) }).payouts.retrieve(payoutIds[0]);
    const payload = JSON.stringify(stripeEvent('payout.updated', object, Math.floor(Date.now() / 1000)));
    const res = await gateway.yoga.fetch('http://gateway.test/webhooks/stripe', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': Stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET }) },
      body: payload,
    });
    expect(res.status).toBe(200);
    const [delivery] = named('stripe webhook');
    expect(delivery.kind).toBe(SpanKind.SERVER);
    expect(delivery.attributes).toMatchObject({ 'stripe.event.type': 'payout.updated', 'stripe.webhook.outcome': 'published', 'stripe.event.id': expect.stringMatching(/^evt_/) });
    const [refetch] = named('GET /v1/payouts/:id');
    expect(parentOf(refetch)).toBe(spanId(delivery));

    // A forged one: a span marked as failed, and nothing fetched.
    exporter.reset();
    await gateway.yoga.fetch('http://gateway.test/webhooks/stripe', { method: 'POST', headers: { 'stripe-signature': 't=1,v1=00' }, body: payload });
    expect(named('stripe webhook').map((s) => [s.attributes['stripe.webhook.outcome'], s.status.code])).toEqual([['bad_signature', 2]]);
    expect(named('GET /v1/payouts/:id')).toEqual([]);
  });

  it('records no document text, subscriptions included, and bounds the client-chosen operation name in span names and attributes', async () => {
    started.length = 0;
    const long = `Q${'x'.repeat(10_000)}`;
    expect((await gql(`query ${long} { payouts(first: 1) { edges { node { id } } } }`)).status).toBe(200);
    const stream = await gateway.yoga.fetch(`http://gateway.test/graphql?query=${encodeURIComponent('subscription Live { payoutEvents { __typename } }')}`, {
      headers: { accept: 'text/event-stream' },
    });
    expect(stream.status).toBe(200);
    // Yoga subscribes once the stream is read.
    const reader = stream.body!.getReader();
    await reader.read();
    const operations = started.filter((s) => s.attributes['graphql.execute.operationType'] !== undefined);
    expect(operations.map((s) => s.name)).toEqual([`query.${long.slice(0, 64)}…`, 'subscription.Live']);
    for (const span of operations) {
      expect(span.attributes['graphql.execute.document']).toBeUndefined();
      expect(String(span.attributes['graphql.execute.operationName']).length).toBeLessThanOrEqual(65);
    }
    await reader.cancel();
  });

  it('registers nothing globally: the API’s global tracer still records nothing', () => {
    expect(trace.getTracer('probe').startSpan('probe').isRecording()).toBe(false);
  });
});

/** One query POSTed to `gateway` in-process. */
const onePage = (gateway: Gateway, query: string) =>
  gateway.yoga.fetch('http://gateway.test/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });

describe('OTEL_EXPORTER_OTLP_ENDPOINT', () => {
  let sink: Server;
  const posts: { path: string; body: string }[] = [];
  beforeAll(async () => {
    sink = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        posts.push({ path: req.url ?? '', body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => sink.close(() => resolve())));

  it('posts the spans as OTLP/HTTP to <endpoint>/v1/traces with the service name, at the latest when the gateway stops', async () => {
    const endpoint = `http://127.0.0.1:${(sink.address() as AddressInfo).port}`;
    const config = loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_SERVICE_NAME: 'gateway-under-test', LOG_LEVEL: 'silent', ...NO_RATE_LIMIT });
    expect(config.tracing).toEqual({ endpoint, serviceName: 'gateway-under-test' });
    const traced = createGateway(config, { logger: silent(), emulator });
    expect((await onePage(traced, 'query Exported { payouts(first: 1) { edges { node { id } } } }')).status).toBe(200);
    await traced.stop();
    expect(posts.map((p) => p.path)).toContain('/v1/traces');
    const body = posts.map((p) => p.body).join('\n');
    expect(body).toContain('gateway-under-test');
    expect(body).toContain('query.Exported');
    expect(body).toContain('GET /v1/payouts');
  });

  it('a collector that never answers holds stop() a bounded time, and stop() still resolves', async () => {
    const silentSink = createServer((req) => req.resume());
    await new Promise<void>((resolve) => silentSink.listen(0, '127.0.0.1', resolve));
    try {
      const endpoint = `http://127.0.0.1:${(silentSink.address() as AddressInfo).port}`;
      const config = loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, SHUTDOWN_TIMEOUT_MS: '500', LOG_LEVEL: 'silent', ...NO_RATE_LIMIT });
      const traced = createGateway(config, { logger: silent(), emulator });
      expect((await onePage(traced, '{ payouts(first: 1) { edges { node { id } } } }')).status).toBe(200);
      const started = performance.now();
      // Before: the exporter's own 10 s timeout, then a rejection (main.ts exited 1, the emulator left open).
      await expect(traced.stop()).resolves.toBeUndefined();
      expect(performance.now() - started).toBeLessThan(SPAN_FLUSH_TIMEOUT_MS + 1_000);
    } finally {
      silentSink.closeAllConnections();
      await new Promise<void>((resolve) => silentSink.close(() => resolve()));
    }
  }, 15_000);

  it('is off without it', () => {
    expect(loadConfig({}).tracing).toBeUndefined();
  });
});
