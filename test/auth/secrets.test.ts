// A hostile upstream that echoes the gateway's Stripe key back in every field of its error
// answers, in every spelling: no response and no log line may carry the key in any form.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config.js';
import { createGateway, type Gateway } from '../../src/gateway.js';
import { createLogger } from '../../src/server/logger.js';
import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';

const KEY = 'sk_test_51HostileEchoKey9f8e7d6c5b4a3';
const KEY_BODY = KEY.replace(/^sk_test_/, '');
const WEBHOOK_SECRET = 'whsec_EchoSigningSecret0123456789';

/** What the key looks like with case and every non-alphanumeric character removed. */
const normalized = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

const STATUSES = [400, 402, 404, 409, 429, 500, 401, 403];

/** Answers every call with an error that carries the key it was sent, spelled every which way. */
function hostileUpstream(): Server {
  let n = 0;
  return createServer((req, res) => {
    const key = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    const status = STATUSES[n++ % STATUSES.length];
    const spaced = key.split('').join(' ');
    const type = status === 402 ? 'card_error' : status === 409 ? 'idempotency_error' : status >= 500 ? 'api_error' : 'invalid_request_error';
    res.writeHead(status, { 'content-type': 'application/json', 'request-id': key, 'stripe-should-retry': 'false' });
    res.end(
      JSON.stringify({
        error: {
          type,
          message: `Invalid API Key provided: ${key.toUpperCase()} (${spaced}) ${key.replace(/_/g, '-')} ${KEY_BODY} ${WEBHOOK_SECRET.toUpperCase()}`,
          param: key,
          code: key,
          decline_code: key,
          doc_url: `https://stripe.com/docs/${key}`,
          charge: key,
        },
      }),
    );
  });
}

const OPERATIONS = [
  '{ payout(id: "po_1") { id } }',
  '{ payouts(first: 2) { edges { node { id } } } }',
  '{ refund(id: "re_1") { id charge { id } } }',
  '{ node(id: "tr_1") { id } }',
  '{ nodes(ids: ["po_1", "re_2", "obp_3"]) { id } }',
  '{ outboundPayments(financialAccount: "fa_1", first: 2) { edges { node { id } } } }',
  'mutation { createPayout(input: { amount: 100, currency: "usd" }) { __typename ... on UserError { message code } } }',
  'mutation { cancelPayout(input: { payoutId: "po_1", idempotencyKey: "k1" }) { __typename ... on UserError { message code } } }',
  'mutation { createRefund(input: { charge: "ch_1", amount: 5 }) { __typename ... on UserError { message code } ... on InvalidInputError { fields { path message } } } }',
  'mutation { createTransfer(input: { amount: 100, currency: "usd", destination: "acct_1" }) { __typename ... on UserError { message code } } }',
  'mutation { updatePayout(input: { payoutId: "po_1", metadata: { a: "b" } }) { __typename ... on UserError { message code } } }',
];

let upstream: Server;
let gateway: Gateway;
let url: string;
const logs: string[] = [];
/** Every span the gateway ended: spans go to a tracing vendor, so they are held to the rules of log lines. */
const spans = new InMemorySpanExporter();
const tracerProvider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] });

beforeAll(async () => {
  upstream = hostileUpstream();
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  const { port } = upstream.address() as AddressInfo;
  const config = loadConfig({
    PORT: '0',
    STRIPE_SECRET_KEY: KEY,
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    STRIPE_API_BASE: `http://127.0.0.1:${port}`,
    STRIPE_MAX_NETWORK_RETRIES: '0',
    AUTH_DISABLED: 'true',
    LOG_LEVEL: 'debug',
  });
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(chunk.toString('utf8'));
      done();
    },
  });
  gateway = createGateway(config, { logger: createLogger(config.logLevel, sink, [KEY, WEBHOOK_SECRET]), tracerProvider });
  ({ url } = await gateway.start());
});

afterAll(async () => {
  await gateway?.stop();
  await new Promise<void>((resolve) => upstream?.close(() => resolve()));
  await tracerProvider.shutdown();
});

describe('secret scrubbing against an upstream that echoes the key', () => {
  it('keeps the key out of every response, in every spelling, for every error status', async () => {
    const bodies: string[] = [];
    for (let round = 0; round < STATUSES.length; round++) {
      for (const query of OPERATIONS) {
        const response = await fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query }),
        });
        bodies.push(await response.text());
      }
    }
    // The upstream was reached and its errors came back coded (the test is not vacuous).
    expect(bodies.some((b) => b.includes('UPSTREAM_ERROR'))).toBe(true);
    expect(bodies.some((b) => b.includes('BAD_USER_INPUT') || b.includes('InvalidInputError'))).toBe(true);
    const leaking = bodies.filter((b) => normalized(b).includes(normalized(KEY_BODY)) || normalized(b).includes(normalized(WEBHOOK_SECRET.slice(6))));
    expect(leaking).toEqual([]);
  });

  it('keeps the key out of every log line', () => {
    expect(logs.length).toBeGreaterThan(10);
    const leaking = logs.filter((line) => normalized(line).includes(normalized(KEY_BODY)));
    expect(leaking).toEqual([]);
  });

  it('keeps the key out of every span: names, attributes, events (recorded errors) and statuses', () => {
    const recorded = spans.getFinishedSpans().map((s) => JSON.stringify({ name: s.name, attributes: s.attributes, events: s.events, status: s.status }));
    // Operation spans and Stripe call spans were recorded, failed ones among them (the test is not vacuous).
    expect(recorded.filter((s) => s.includes('exception')).length).toBeGreaterThan(10);
    expect(recorded.some((s) => s.includes('stripe.request_id'))).toBe(true);
    const leaking = recorded.filter((s) => normalized(s).includes(normalized(KEY_BODY)) || normalized(s).includes(normalized(WEBHOOK_SECRET.slice(6))));
    expect(leaking).toEqual([]);
  });

  it('still answers /healthz afterwards', async () => {
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });
});
