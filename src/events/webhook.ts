import Stripe from 'stripe';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { EventIngest } from './ingest.js';
import { declaresMoreThan, readTextWithin } from './bounded-body.js';
import type { WebhookOutcome } from '../telemetry/metrics.js';
import type { WebhookObserver } from '../telemetry/webhook-observer.js';

export const WEBHOOK_PATH = '/webhooks/stripe';

export interface WebhookPluginOptions {
  /**
   * The signing secrets (whsec_…) a delivery may be signed with: the configured one and, in
   * emulator mode, the one the emulator returned. Read per request, as registration happens after start.
   */
  secrets: () => readonly string[];
  ingest: EventIngest;
  log: Logger;
  /** How far a signature's timestamp may be from now, in seconds, into the past or the future (Stripe's default 300). */
  toleranceSeconds?: number;
  /** Largest body read, in bytes (Stripe's events are a few KB). */
  maxBytes: number;
  /** Told about every delivery (metrics, a span). */
  observe?: WebhookObserver;
}

/** The outcome a refusal counts as, by the error `type` the receiver answers with. */
const REFUSAL_OUTCOMES: Record<string, WebhookOutcome> = {
  missing_signature: 'bad_signature',
  invalid_signature: 'bad_signature',
  malformed_body: 'malformed',
  payload_too_large: 'too_large',
  not_configured: 'not_configured',
};

/** The signature's timestamp (`t=` in Stripe-Signature), in unix seconds; null if absent. */
function signedAt(header: string): number | null {
  const t = /(?:^|,)\s*t=(\d+)/.exec(header)?.[1];
  return t === undefined ? null : Number(t);
}

/**
 * Receives Stripe webhooks at POST /webhooks/stripe (as `stripe listen --forward-to` sends them):
 * verifies `Stripe-Signature` over the raw body with the SDK, then publishes through the
 * shared ingest path. Anything unverifiable is answered 400 and never published; a body over
 * `maxBytes` is answered 413, by its Content-Length before anything is read, or as soon as that
 * many bytes of a chunked body have arrived. The route answers in onRequest, before any GraphQL
 * work, and its responses carry no CORS headers: it is for Stripe's servers, never for browsers.
 */
export function useStripeWebhooks(opts: WebhookPluginOptions): Plugin {
  const tolerance = opts.toleranceSeconds ?? 300;
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== WEBHOOK_PATH) return;
      const reply = (status: number, body: object, headers: Record<string, string> = {}) =>
        endResponse(
          new fetchAPI.Response(JSON.stringify(body), {
            status,
            headers: { 'content-type': 'application/json', ...headers },
          }),
        );
      if (request.method !== 'POST') return reply(405, { error: { type: 'method_not_allowed', message: 'POST only' } }, { allow: 'POST' });
      const delivery = opts.observe?.(request.headers);
      const fail = (status: number, type: string, message: string) => {
        opts.log.warn({ status, type, message }, 'stripe webhook rejected');
        delivery?.end(REFUSAL_OUTCOMES[type] ?? 'malformed');
        reply(status, { error: { type, message } });
      };

      const tooLarge = () => fail(413, 'payload_too_large', `The body is larger than ${opts.maxBytes} bytes.`);
      if (declaresMoreThan(request, opts.maxBytes)) return tooLarge();
      const header = request.headers.get('stripe-signature');
      if (!header) return fail(400, 'missing_signature', 'The Stripe-Signature header is required.');
      // The SDK's tolerance only refuses old signatures; one dated ahead is refused here, so a
      // captured or forged-in-advance delivery cannot be replayed later.
      const t = signedAt(header);
      if (t !== null && t > Math.floor(Date.now() / 1000) + tolerance) {
        return fail(400, 'invalid_signature', 'The signature timestamp is in the future (outside the tolerance zone).');
      }
      const secrets = opts.secrets();
      if (!secrets.length) return fail(503, 'not_configured', 'No webhook signing secret is configured (STRIPE_WEBHOOK_SECRET).');

      const raw = await readTextWithin(request, opts.maxBytes);
      if (raw === null) return tooLarge();
      let event: Stripe.Event;
      try {
        event = verify(raw, header, secrets, tolerance);
      } catch (err) {
        // Signature errors carry only the header and payload we were sent, never the secret.
        if (err instanceof Stripe.errors.StripeSignatureVerificationError) return fail(400, 'invalid_signature', err.message);
        return fail(400, 'malformed_body', 'The body is not valid JSON.');
      }
      if (!isEventShape(event)) return fail(400, 'malformed_body', 'The body is not a Stripe event.');

      let outcome;
      try {
        outcome = await (delivery ? delivery.run(() => opts.ingest(event)) : opts.ingest(event));
      } catch (err) {
        // E.g. Redis unreachable: a 5xx makes Stripe deliver the event again later.
        opts.log.error({ err: (err as Error).message, eventId: event.id }, 'stripe webhook not processed');
        delivery?.end('error', event);
        return reply(503, { error: { type: 'unavailable', message: 'The event could not be processed now; it will be retried.' } });
      }
      opts.log.debug({ eventId: event.id, type: event.type, outcome }, 'stripe webhook received');
      delivery?.end(outcome, event);
      reply(200, { received: true, outcome });
    },
    onResponse({ request, response }) {
      // Yoga's CORS plugin decorates every response (a preflight it even answers itself, before
      // this route sees it); this route's must not invite browsers. The substring test keeps
      // other responses from paying for a URL parse.
      if (!request.url.includes(WEBHOOK_PATH) || new URL(request.url).pathname !== WEBHOOK_PATH) return;
      for (const name of [...response.headers.keys()]) if (name.startsWith('access-control-')) response.headers.delete(name);
    },
  };
}

/** The event, if the header carries a valid, fresh signature by one of `secrets` (as during a secret rotation). */
function verify(raw: string, header: string, secrets: readonly string[], tolerance: number): Stripe.Event {
  let rejection: unknown;
  for (const secret of secrets) {
    try {
      return Stripe.webhooks.constructEvent(raw, header, secret, tolerance);
    } catch (err) {
      if (!(err instanceof Stripe.errors.StripeSignatureVerificationError)) throw err;
      rejection = err;
    }
  }
  throw rejection;
}

function isEventShape(value: unknown): value is Stripe.Event {
  const e = value as Partial<Stripe.Event> | null;
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof e.id === 'string' &&
    typeof e.type === 'string' &&
    typeof e.created === 'number' &&
    typeof e.data === 'object' &&
    e.data !== null &&
    typeof e.data.object === 'object' &&
    e.data.object !== null
  );
}

/**
 * Emulator mode: registers the gateway's webhook URL with the emulator through the SDK,
 * and returns the signing secret the emulator will sign deliveries with. With `connect`,
 * a Connect endpoint: it receives the connected accounts' events (and none of the platform's).
 */
export async function registerWebhookEndpoint(stripe: Stripe, gatewayUrl: string, opts: { connect: boolean }): Promise<string> {
  const endpoint = await stripe.webhookEndpoints.create({
    url: new URL(WEBHOOK_PATH, gatewayUrl).toString(),
    enabled_events: ['*'],
    connect: opts.connect,
    description: `stripe-graphql-gateway live subscriptions (${opts.connect ? 'connected accounts' : 'platform'})`,
  });
  if (!endpoint.secret) throw new Error('the webhook endpoint was created without a signing secret');
  return endpoint.secret;
}
