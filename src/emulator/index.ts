import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { ConnectedAccounts } from './accounts.js';
import { ADMIN_PREFIX, AdminError, handleAdmin, type AdminTarget } from './admin.js';
import { createClock, type ControllableClock } from './clock.js';
import { createApi, createContext, type EmulatorRequest, type EmulatorResponse } from './dispatch.js';
import { createEventBus } from './events.js';
import { createFaults, type FaultRule, type Faults } from './faults.js';
import { IdempotencyKeys } from './idempotency.js';
import { newId } from './ids.js';
import { createRequestLog, type RequestLog } from './request-log.js';
import { allExpandable, allRoutes } from './resources/index.js';
import { createAutomaticPayout } from './resources/payouts.js';
import { createRouter } from './router.js';
import { seedDemo } from './seed.js';
import { startTraffic, type Traffic } from './traffic.js';
import { Stores, type StoreSnapshot } from './store.js';
import type { AccountStore, EmulatorOptions, StripeObject } from './types.js';

export type { FaultRule } from './faults.js';
export type { StoreSnapshot } from './store.js';

export interface Emulator {
  /** WHATWG fetch handler: `Stripe.createFetchHttpClient(emulator.fetch)` runs the SDK against it with no socket. */
  fetch(input: string | URL | Request, init?: RequestInit): Promise<Response>;
  /** Serves the same handler on node:http (port 0 = ephemeral). */
  listen(port?: number, host?: string): Promise<{ url: string; port: number }>;
  /** Base URL once listening. */
  readonly url: string | undefined;
  /** Resolves once start-up seeding is done (requests wait for it anyway). */
  readonly ready: Promise<void>;
  readonly clock: ControllableClock;
  readonly requestLog: RequestLog;
  readonly faults: Faults;
  readonly webhooks: { idle(): Promise<void> };
  /** The live store of one account (null = the platform). */
  account(account: string | null): AccountStore;
  /** Deep copy of every account's objects and balance. */
  snapshot(): StoreSnapshot;
  /** Object counts per type per account. */
  counts(): Record<string, Record<string, number>>;
  advance(seconds: number): Promise<void>;
  reset(): Promise<void>;
  seed(kind: 'demo'): Promise<void>;
  /** Makes an automatic payout, as Stripe does on an account's payout schedule (no API creates one). */
  automaticPayout(opts: AutomaticPayoutOptions): Promise<StripeObject>;
  /** Makes a connected account exist (`id`, or a new random `acct_` id); returns its id. */
  createAccount(id?: string): string;
  /** The connected accounts this emulator knows. */
  accounts(): string[];
  /**
   * Starts the demo traffic (see traffic.ts), once start-up seeding is done; a second call does
   * nothing. It goes on after reset() (with what is there then) and stops at close().
   */
  startTraffic(): void;
  close(): Promise<void>;
}

export interface AutomaticPayoutOptions {
  amount: number;
  currency?: string;
  /** The connected account to pay out from; the platform when absent. */
  account?: string | null;
}

const DEFAULT_WEBHOOK_RETRIES = 3;
const DEFAULT_WEBHOOK_RETRY_DELAY_MS = 200;
const SEED_KEY = 'sk_test_emulator_seed';

/** A stateful Stripe emulator. Everything lives in this instance: several emulators in one process are independent. */
export function createEmulator(opts: EmulatorOptions = {}): Emulator {
  const stores = new Stores();
  const accounts = new ConnectedAccounts(opts.accounts);
  const clock = createClock({
    startTime: opts.startTime,
    realtimeSpeed: opts.realtimeSpeed,
    runTimer: (fn) =>
      stores.tx.run(fn).then(
        () => undefined,
        (err: unknown) => console.error('emulator timer failed:', err instanceof Error ? err.message : err),
      ),
  });
  const idempotency = new IdempotencyKeys();
  const faults = createFaults();
  const requestLog = createRequestLog();
  const events = createEventBus({
    stores,
    clock,
    newId,
    retries: opts.webhookRetries ?? DEFAULT_WEBHOOK_RETRIES,
    retryDelayMs: opts.webhookRetryDelayMs ?? DEFAULT_WEBHOOK_RETRY_DELAY_MS,
    fetch: opts.webhookFetch ?? ((url, init) => fetch(url, init)),
  });
  const options = { payoutFailureRate: opts.payoutFailureRate ?? 0 };
  const api = createApi({
    router: createRouter(allRoutes),
    stores,
    idempotency,
    clock,
    events,
    faults,
    requestLog,
    expandable: allExpandable,
    accounts,
    newId,
    options,
  });

  let server: Server | undefined;
  let url: string | undefined;
  let traffic: Traffic | undefined;
  let trafficWanted = false;
  let closed = false;
  const runTraffic = () => {
    traffic?.stop();
    traffic = startTraffic({
      stripe: internalClient(),
      clock,
      report: (message) => console.error(`emulator traffic: ${message}`),
    });
  };

  const admin: AdminTarget = {
    reset: async () => {
      stores.reset();
      idempotency.reset();
      clock.clearTimers();
      requestLog.reset();
      faults.clear();
      accounts.reset();
      // Its next step was a timer, now dropped.
      if (traffic) runTraffic();
    },
    advance: (seconds) => clock.advance(seconds),
    now: () => clock.now(),
    pendingTimers: () => clock.pendingTimers(),
    seed: () => seedDemo({ stripe: internalClient(), clock, createAccount: (id) => accounts.add(id) }),
    mark: () => requestLog.mark(),
    since: (mark) => requestLog.since(mark),
    pace: (mark) => requestLog.pace(mark),
    setFaults: (rules: FaultRule[]) => faults.set(rules),
    faultRules: () => faults.list(),
    counts: () => stores.counts(),
    webhooksIdle: () => events.idle(),
    // Like a timer: one transaction, events with no request behind them.
    automaticPayout: async ({ amount, currency = 'usd', account = null }) => {
      if (account !== null && !accounts.has(account)) throw new AdminError(`unknown connected account '${account}'`);
      return stores.tx.run(async () =>
        createAutomaticPayout(createContext({ stores, clock, events, accounts, newId, options }, account, {}, {}, { request: null }), amount, currency),
      );
    },
    createAccount: (id = newId('acct')) => {
      accounts.add(id);
      return id;
    },
    accounts: () => accounts.list(),
  };

  function handle(req: EmulatorRequest): Promise<EmulatorResponse> {
    if (req.url.pathname.startsWith(ADMIN_PREFIX)) return handleAdmin(req, admin);
    return api(req);
  }

  /** Seeder traffic: in-process, not counted, no faults, not held back by `ready`. */
  function internalClient(): Stripe {
    const internalFetch = async (input: string | URL | Request, init?: RequestInit) => {
      const res = await handle({ ...(await readRequest(input, init)), internal: true });
      return new Response(res.body, { status: res.status, headers: res.headers });
    };
    return new Stripe(SEED_KEY, { httpClient: Stripe.createFetchHttpClient(internalFetch), maxNetworkRetries: 0, telemetry: false });
  }

  const ready = opts.seed === 'demo' ? admin.seed('demo') : Promise.resolve();
  const settled = ready.catch(() => undefined);

  async function fetchHandler(input: string | URL | Request, init?: RequestInit): Promise<Response> {
    const request = await readRequest(input, init);
    await settled;
    const res = await handle(request);
    if (res.drop) throw new TypeError('fetch failed: the emulator dropped the connection (injected fault)');
    return new Response(res.body, { status: res.status, headers: res.headers });
  }

  async function serve(req: IncomingMessage): Promise<EmulatorResponse> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (Array.isArray(value)) value.forEach((v) => headers.append(name, v));
      else if (value !== undefined) headers.set(name, value);
    }
    await settled;
    return handle({ method: req.method ?? 'GET', url: new URL(req.url ?? '/', 'http://emulator.local'), headers, body: Buffer.concat(chunks).toString('utf8') });
  }

  return {
    fetch: fetchHandler,
    async listen(port = 0, host = '127.0.0.1') {
      if (server) throw new Error('the emulator is already listening');
      const srv = createServer((req, res) => {
        serve(req).then(
          (out) => {
            if (out.drop) {
              res.socket?.destroy();
              return;
            }
            res.writeHead(out.status, out.headers).end(out.body);
          },
          () => res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { type: 'api_error', message: 'An unknown error occurred.' } })),
        );
      });
      // Never close an idle keep-alive connection: the SDK's default agent keeps idle sockets with no
      // timeout, so a close races whatever request it sends next on one (a reset, retried once by the
      // SDK). Clients close their own; close() closes the rest.
      srv.keepAliveTimeout = 0;
      server = srv;
      await new Promise<void>((resolve, reject) => {
        srv.once('error', reject);
        srv.listen(port, host, () => resolve());
      });
      const address = srv.address() as AddressInfo;
      const shownHost = host.includes(':') ? `[${host}]` : host;
      url = `http://${shownHost}:${address.port}`;
      return { url, port: address.port };
    },
    get url() {
      return url;
    },
    ready,
    clock,
    requestLog,
    faults,
    webhooks: { idle: () => events.idle() },
    account: (account) => stores.account(account),
    snapshot: () => stores.snapshot(),
    counts: () => stores.counts(),
    advance: (seconds) => clock.advance(seconds),
    reset: admin.reset,
    seed: admin.seed,
    automaticPayout: admin.automaticPayout,
    createAccount: admin.createAccount,
    accounts: admin.accounts,
    startTraffic() {
      if (trafficWanted) return;
      trafficWanted = true;
      void settled.then(() => {
        if (!closed) runTraffic();
      });
    },
    async close() {
      closed = true;
      traffic?.stop();
      clock.close();
      events.close();
      const srv = server;
      server = undefined;
      url = undefined;
      if (srv) {
        srv.closeAllConnections();
        await new Promise<void>((resolve) => srv.close(() => resolve()));
      }
    },
  };
}

/**
 * Accepts what fetch accepts, plus a bare path ('/v1/payouts') for convenience.
 * A URL with a text body (what the SDK sends) is read as is: building a WHATWG
 * Request per call costs more than the emulator's own work.
 */
async function readRequest(input: string | URL | Request, init: RequestInit = {}): Promise<EmulatorRequest> {
  const url = typeof input === 'string' && input.startsWith('/') ? `http://emulator.local${input}` : input;
  if (!(url instanceof Request) && (init.body == null || typeof init.body === 'string')) {
    return { method: (init.method ?? 'GET').toUpperCase(), url: new URL(url), headers: new Headers(init.headers), body: init.body ?? '' };
  }
  const request = new Request(url, init);
  return { method: request.method, url: new URL(request.url), headers: request.headers, body: await request.text() };
}
