import { Writable } from 'node:stream';
import { expect } from 'vitest';
import { print, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { loadConfig, secretsOf, type Config } from '../src/config.js';
import { createGateway, type Gateway } from '../src/gateway.js';
import { createLogger } from '../src/server/logger.js';
import { createEmulator, type Emulator } from '../src/emulator/index.js';
import type { EmulatorOptions } from '../src/emulator/types.js';
import type { RequestCounts } from '../src/emulator/request-log.js';

export interface HarnessOptions {
  /**
   * 'in-process' (default): the SDK calls emulator.fetch and requests go to yoga.fetch; no socket at all.
   * 'loopback': emulator and gateway listen on ephemeral ports and talk HTTP (for real WebSocket/SSE
   * clients, webhooks posted with fetch, and anything about sockets).
   */
  transport?: 'loopback' | 'in-process';
  /** The emulator's options; `seed` defaults to 'none' (pass 'demo' for the demo data). */
  emulator?: EmulatorOptions;
  /** Extra environment for loadConfig (e.g. STRIPE_SECRET_KEY to test what never leaks). */
  env?: Record<string, string>;
  /** A schema of the test's own instead of the gateway's. */
  schema?: GraphQLSchema;
}

export interface GqlResult<TData> {
  status: number;
  headers: Headers;
  data?: TData | null;
  errors?: GraphQLFormattedError[];
  /** The raw response body, to assert what never appears in it. */
  body: string;
}

export interface Harness {
  readonly emulator: Emulator;
  readonly gateway: Gateway;
  readonly config: Config;
  /** Gateway base URL ('http://127.0.0.1:port', or a placeholder origin in-process). */
  readonly url: string;
  /** The METRICS_PORT listener's /metrics URL (loopback, with METRICS_PORT set). */
  readonly metricsUrl?: string;
  /** Every log line the gateway wrote, as raw JSON text. */
  readonly logs: string[];
  /** A request to the gateway over the harness' transport. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  gql<TData = Record<string, unknown>, TVariables = Record<string, unknown>>(
    query: TypedDocumentNode<TData, TVariables> | string,
    variables?: TVariables,
    headers?: Record<string, string>,
  ): Promise<GqlResult<TData>>;
  /** Runs `fn` and counts the upstream requests the emulator received meanwhile, by route. */
  upstreamCalls<T>(fn: () => Promise<T>): Promise<{ result: T; calls: RequestCounts }>;
  close(): Promise<void>;
}

const IN_PROCESS_ORIGIN = 'http://gateway.test';

/**
 * Lifts the per-principal rate limit: suites and benchmarks about other things send far more
 * from one address in a minute than a client should (rate-limit.test.ts sets its own limits).
 */
export const NO_RATE_LIMIT = { RATE_LIMIT_CALLS: '1000000000', RATE_LIMIT_REQUESTS_PER_S: '1000000000', MAX_SUBSCRIPTIONS_PER_CALLER: '1000000' } as const;

/** An emulator (empty unless `emulator.seed` says 'demo') and a gateway pointed at it, per test file. */
export async function createHarness(opts: HarnessOptions = {}): Promise<Harness> {
  const transport = opts.transport ?? 'in-process';
  // The gateway's STRIPE_ACCOUNT exists in its emulator, as it would on Stripe.
  const account = opts.env?.STRIPE_ACCOUNT;
  const emulator = createEmulator({ seed: 'none', ...opts.emulator, accounts: [...(opts.emulator?.accounts ?? []), ...(account ? [account] : [])] });
  await emulator.ready;

  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(chunk.toString('utf8'));
      done();
    },
  });

  let gateway: Gateway;
  let url: string;
  let metricsUrl: string | undefined;
  let config: Config;
  if (transport === 'loopback') {
    const { url: emulatorUrl } = await emulator.listen(0, '127.0.0.1');
    config = loadConfig({
      PORT: '0',
      STRIPE_API_BASE: emulatorUrl,
      STRIPE_MAX_NETWORK_RETRIES: '0',
      LOG_LEVEL: 'debug',
      ...NO_RATE_LIMIT,
      ...opts.env,
    });
    gateway = createGateway(config, { logger: createLogger(config.logLevel, sink, secretsOf(config)), schema: opts.schema });
    ({ url, metricsUrl } = await gateway.start());
  } else {
    config = loadConfig({ STRIPE_MAX_NETWORK_RETRIES: '0', LOG_LEVEL: 'debug', ...NO_RATE_LIMIT, ...opts.env });
    gateway = createGateway(config, { logger: createLogger(config.logLevel, sink, secretsOf(config)), emulator, schema: opts.schema });
    url = IN_PROCESS_ORIGIN;
  }

  const send = (path: string, init?: RequestInit): Promise<Response> =>
    transport === 'loopback' ? fetch(`${url}${path}`, init) : Promise.resolve(gateway.yoga.fetch(`${url}${path}`, init ?? {}));

  return {
    emulator,
    gateway,
    config,
    url,
    metricsUrl,
    logs,
    fetch: send,
    async gql(query, variables, headers = {}) {
      const response = await send('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
        body: JSON.stringify({ query: typeof query === 'string' ? query : print(query), variables }),
      });
      const body = await response.text();
      const parsed = JSON.parse(body) as { data?: never; errors?: GraphQLFormattedError[] };
      return { status: response.status, headers: response.headers, data: parsed.data, errors: parsed.errors, body };
    },
    async upstreamCalls(fn) {
      const mark = emulator.requestLog.mark();
      const result = await fn();
      return { result, calls: emulator.requestLog.since(mark) };
    },
    async close() {
      await gateway.stop();
      await emulator.close();
    },
  };
}

/** After an attack: /healthz answers and a normal query still works. */
export async function expectStillServing(h: Harness): Promise<void> {
  const health = await h.fetch('/healthz');
  expect(health.status).toBe(200);
  const res = await h.gql<{ payouts: { edges: { node: { id: string } }[] } }>('{ payouts(first: 1) { edges { node { id } } } }');
  expect(res.errors).toBeUndefined();
  expect(res.data!.payouts.edges).toHaveLength(1);
}
