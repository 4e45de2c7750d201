// Prometheus metrics, scraped over HTTP as Prometheus does, after real traffic: queries, refusals,
// a webhook from the emulator, a subscription event over graphql-ws, and 429s from the emulator's faults.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Stripe from 'stripe';
import type { Client } from 'graphql-ws';
import { createHarness, type Harness } from '../harness.js';
import { emulatorStripe, pendingPayout, postWebhook, stripeEvent, wsClient, wsSubscribe } from '../subscriptions/clients.js';
import { ofDepth } from '../runtime/documents.js';
import { apiKeysFile } from '../auth/issuer.js';
import { routeTemplate } from '../../src/stripe/observer.js';
import { loadConfig } from '../../src/config.js';
import { scrape } from './prometheus.js';

const OPERATIONS = 'gateway_graphql_operation_duration_seconds_count';

describe('metrics of an open gateway, on its own port', () => {
  let h: Harness;
  let stripe: Stripe;
  let client: Client;

  beforeAll(async () => {
    h = await createHarness({ transport: 'loopback' });
    stripe = emulatorStripe(h.emulator);
    client = wsClient(h.url);
  });
  afterAll(async () => {
    await client?.dispose();
    await h?.close();
  });

  it('counts operations, refusals, Stripe calls with their 429s and retries, webhooks and subscription events', async () => {
    // A subscription over graphql-ws, fed by the emulator's webhook for a new payout.
    const sub = wsSubscribe(client, 'subscription Watch { payoutEvents { type payout { id } } }');
    for (let i = 0; i < 100 && h.gateway.live.stats().subscribers === 0; i++) await new Promise((r) => setTimeout(r, 20));
    const payout = await pendingPayout(stripe);
    await sub.inbox.find((r) => (r.data?.payoutEvents as { payout: { id: string } } | undefined)?.payout.id === payout.id);

    const page = 'query PageOfPayouts { payouts(first: 10) { edges { node { id } } } }';
    for (let i = 0; i < 2; i++) expect((await h.gql(page)).errors).toBeUndefined();
    expect((await h.gql(`query TooDeep ${ofDepth(12)}`)).errors?.[0].extensions?.code).toBe('QUERY_TOO_DEEP');
    // A form POST is refused before yoga reads it (errorResponse).
    const form = await h.fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'query={__typename}' });
    expect(form.status).toBe(415);
    // A delivery signed with another secret.
    const forged = JSON.stringify(stripeEvent('payout.paid', { ...payout, status: 'paid' }, Math.floor(Date.now() / 1000)));
    expect((await postWebhook(h.url, forged, { secret: 'whsec_not_the_gateways' })).status).toBe(400);
    // Stripe answers 429 to every read of the payout: the shaper retries 3 times, then the field is RATE_LIMITED.
    h.emulator.faults.set([{ route: 'GET /v1/payouts/:id', rateLimit: 1, retryAfter: 0 }]);
    try {
      const limited = await h.gql('query OnePayout($id: ID!) { payout(id: $id) { id } }', { id: payout.id });
      expect(limited.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    } finally {
      h.emulator.faults.clear();
    }

    const m = await scrape(() => fetch(`${h.url}/metrics`));
    expect(m.value(OPERATIONS, { operation: 'PageOfPayouts', type: 'query', code: 'OK' })).toBe(2);
    expect(m.value(OPERATIONS, { operation: 'TooDeep', type: 'query', code: 'QUERY_TOO_DEEP' })).toBe(1);
    expect(m.value(OPERATIONS, { operation: 'OnePayout', type: 'query', code: 'RATE_LIMITED' })).toBe(1);
    expect(m.value(OPERATIONS, { operation: 'Watch', type: 'subscription', code: 'OK' })).toBe(1);
    expect(m.value('gateway_graphql_operation_duration_seconds_sum', { operation: 'PageOfPayouts' })).toBeGreaterThan(0);

    expect(m.value('gateway_requests_refused_total', { code: 'QUERY_TOO_DEEP' })).toBe(1);
    expect(m.value('gateway_requests_refused_total', { code: 'UNSUPPORTED_MEDIA_TYPE' })).toBe(1);

    const payoutRoute = { method: 'GET', route: '/v1/payouts/:id' };
    expect(m.value('gateway_stripe_request_duration_seconds_count', { ...payoutRoute, status: '429' })).toBe(4);
    expect(m.value('gateway_stripe_rate_limited_total', payoutRoute)).toBe(4);
    expect(m.value('gateway_stripe_retries_total', { ...payoutRoute, reason: 'rate_limited' })).toBe(3);
    expect(m.value('gateway_stripe_request_duration_seconds_count', { method: 'GET', route: '/v1/payouts', status: '200' })).toBe(2);
    // The gateway registered its webhook endpoints with the emulator at start.
    expect(m.value('gateway_stripe_request_duration_seconds_count', { method: 'POST', route: '/v1/webhook_endpoints', status: '200' })).toBe(2);
    // Only templates: no id reaches a label.
    for (const route of m.labelValues('gateway_stripe_request_duration_seconds_count', 'route')) expect(route).toMatch(/^\/v1(?:\/(?:[a-z_]+|:id))*$/);
    expect(m.samples.some((s) => Object.values(s.labels).some((v) => v.includes(payout.id)))).toBe(false);

    expect(m.value('gateway_webhook_events_total', { type: 'payout.created', outcome: 'published' })).toBe(1);
    expect(m.value('gateway_webhook_events_total', { type: 'unverified', outcome: 'bad_signature' })).toBe(1);
    expect(m.value('gateway_subscription_events_delivered_total', { topic: 'payout' })).toBe(1);
    expect(m.value('gateway_subscriptions_open')).toBe(1);
    expect(m.value('gateway_websocket_connections')).toBe(1);

    // Yoga's Prometheus plugin: time per phase, by operation type only.
    expect(m.value('graphql_envelop_phase_execute_count', { operationType: 'query' })).toBeGreaterThanOrEqual(3);
    expect(m.labelValues('graphql_envelop_phase_execute_count', 'operationName').size).toBe(0);
    sub.unsubscribe();
  });

  it('bounds operation names: at most 200 distinct, the rest and odd ones as "other"', async () => {
    for (let i = 0; i < 205; i += 41) await Promise.all(Array.from({ length: 41 }, (_, j) => h.gql(`query Name${i + j} { __typename }`)));
    await h.gql(`query ${'L'.repeat(100)} { __typename }`);
    const names = (await scrape(() => fetch(`${h.url}/metrics`))).labelValues(OPERATIONS, 'operation');
    expect(names.size).toBeLessThanOrEqual(201);
    expect(names.has('other')).toBe(true);
    expect(names.has('L'.repeat(100))).toBe(false);
  });
});

describe('where metrics are served', () => {
  const KEY = 'metrics-test-key';
  const keys = () => ({ API_KEYS_FILE: apiKeysFile([{ name: 'svc', key: KEY, scopes: ['read'] }]) });

  it('a closed gateway serves none on its port unless asked', async () => {
    const h = await createHarness({ transport: 'loopback', env: keys() });
    try {
      expect(h.config.metrics).toEqual({ port: undefined, onMainPort: false });
      expect((await h.fetch('/metrics')).status).toBe(404);
    } finally {
      await h.close();
    }
  });

  it('METRICS_PORT: served on a listener of its own (bound to HOST), not on the gateway port', async () => {
    const h = await createHarness({ transport: 'loopback', env: { ...keys(), METRICS_PORT: '0' } });
    try {
      const listener = h.metricsUrl;
      expect(listener).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
      expect((await h.fetch('/metrics')).status).toBe(404);
      // Authenticated traffic on the gateway shows on the metrics port.
      expect((await h.gql('query Ping { __typename }', undefined, { authorization: `Bearer ${KEY}` })).errors).toBeUndefined();
      expect((await h.gql('query Ping { __typename }')).status).toBe(401);
      const m = await scrape(() => fetch(listener!));
      expect(m.value(OPERATIONS, { operation: 'Ping', code: 'OK' })).toBe(1);
      expect(m.value('gateway_requests_refused_total', { code: 'UNAUTHENTICATED' })).toBe(1);
      expect((await fetch(listener!.replace('/metrics', '/graphql'))).status).toBe(404);
    } finally {
      await h.close();
    }
  });

  it('METRICS_PORT equal to PORT is refused at start with a message naming it, not an EADDRINUSE stack trace', () => {
    expect(() => loadConfig({ ...keys(), PORT: '9464', METRICS_PORT: '9464' })).toThrow(/METRICS_PORT: must differ from PORT/);
    expect(loadConfig({ ...keys(), PORT: '0', METRICS_PORT: '0' }).metrics.port).toBe(0);
  });

  it('METRICS_ON_MAIN_PORT=true serves them on the gateway port of a closed gateway', async () => {
    const h = await createHarness({ env: { ...keys(), METRICS_ON_MAIN_PORT: 'true' } });
    try {
      expect((await scrape(() => h.fetch('/metrics'))).value('gateway_subscriptions_open')).toBe(0);
    } finally {
      await h.close();
    }
  });
});

describe('route templates', () => {
  it.each([
    ['/v1/payouts/po_1Abc?expand[]=balance_transaction', '/v1/payouts/:id'],
    ['/v1/transfers/tr_1/reversals/trr_2', '/v1/transfers/:id/reversals/:id'],
    ['/v1/test_helpers/treasury/outbound_payments/obp_1/return', '/v1/test_helpers/treasury/outbound_payments/:id/return'],
    ['/v1/accounts/acct_1/external_accounts/ba_1', '/v1/accounts/:id/external_accounts/:id'],
    // An id without digits or capitals is still an id.
    ['/v1/payouts/po_abc', '/v1/payouts/:id'],
  ])('%s → %s', (path, template) => expect(routeTemplate(path)).toBe(template));
});

describe('pubsub errors', () => {
  it('counts the Redis clients’ errors by role', async () => {
    // Nothing listens on port 1: both pub/sub clients fail to connect, again and again.
    const h = await createHarness({ env: { REDIS_URL: 'redis://127.0.0.1:1' } });
    try {
      let m = await scrape(() => h.fetch('/metrics'));
      for (let i = 0; i < 50 && m.value('gateway_pubsub_errors_total', { role: 'subscribe' }) === 0; i++) {
        await new Promise((r) => setTimeout(r, 100));
        m = await scrape(() => h.fetch('/metrics'));
      }
      expect(m.value('gateway_pubsub_errors_total', { role: 'publish' })).toBeGreaterThan(0);
      expect(m.value('gateway_pubsub_errors_total', { role: 'subscribe' })).toBeGreaterThan(0);
    } finally {
      await h.close();
    }
  });
});
