import Stripe from 'stripe';
import type { Config } from '../config.js';
import { createShapingHttpClient } from './shaper.js';
import type { UpstreamObserver } from './observer.js';

/** Where the SDK sends requests when config.stripeApiBase points at a Stripe-compatible server. */
function upstreamAddress(base: string): Pick<Stripe.StripeConfig, 'host' | 'port' | 'protocol'> {
  const url = new URL(base);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`STRIPE_API_BASE must be an http(s) URL, got ${url.protocol}`);
  }
  // The SDK always requests /v1/... on the host; a path in the base URL would be silently dropped.
  if (url.pathname !== '/' && url.pathname !== '') {
    throw new Error('STRIPE_API_BASE must not contain a path (the SDK always calls /v1/… on that host)');
  }
  const protocol = url.protocol === 'https:' ? 'https' : 'http';
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port || (protocol === 'https' ? 443 : 80),
    protocol,
  };
}

/**
 * The only place a Stripe client is built: the SDK's pinned API version, retries and
 * timeout from config, no telemetry header. With `fetch`, requests go to that
 * in-process handler (the emulator, no socket); otherwise, with the SDK's own node:http
 * client, to config.stripeApiBase or api.stripe.com. Either way every call passes the
 * shaper (rate, 429 backoff, coalesced reads): one per client, so one per gateway.
 */
export function createStripeClient(config: Config, opts: { fetch?: typeof fetch; observer?: UpstreamObserver } = {}): Stripe {
  const transport = opts.fetch ? Stripe.createFetchHttpClient(opts.fetch) : Stripe.createNodeHttpClient();
  return new Stripe(config.stripeSecretKey, {
    apiVersion: Stripe.API_VERSION,
    maxNetworkRetries: config.maxNetworkRetries,
    timeout: config.timeoutMs,
    telemetry: false,
    appInfo: { name: 'stripe-graphql-gateway' },
    httpClient: createShapingHttpClient(transport, {
      maxRequestsPerSecond: config.maxRequestsPerSecond,
      maxQueueMs: config.maxQueueMs,
      observer: opts.observer,
    }),
    ...(!opts.fetch && config.stripeApiBase ? upstreamAddress(config.stripeApiBase) : {}),
  });
}
