import { accountRefused, type ConnectedAccounts } from './accounts.js';
import { authenticate } from './auth.js';
import { expandBody } from './expand.js';
import { API_VERSION, type EventBus, type EventRequest } from './events.js';
import { invalidRequest } from './errors.js';
import type { Faults } from './faults.js';
import { expandPaths, parseBody, parseForm } from './form.js';
import type { IdempotencyKeys } from './idempotency.js';
import type { RequestLog } from './request-log.js';
import type { Router } from './router.js';
import type { Stores } from './store.js';
import type { ControllableClock } from './clock.js';
import { StripeHttpError, type ExpandableMap, type HandlerContext, type Params, type StripeErrorBody } from './types.js';

/** A request as the emulator sees it, whether it came in over node:http or the in-process fetch. */
export interface EmulatorRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: string;
  /** Seeder requests: not counted, no faults. */
  internal?: boolean;
}

export interface EmulatorResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Answer nothing: the connection is dropped (fault injection). */
  drop?: boolean;
}

export interface ApiDeps {
  router: Router;
  stores: Stores;
  idempotency: IdempotencyKeys;
  clock: ControllableClock;
  events: EventBus;
  faults: Faults;
  requestLog: RequestLog;
  expandable: ExpandableMap;
  /** The connected accounts a Stripe-Account header (or a transfer destination) may name. */
  accounts: ConnectedAccounts;
  newId(prefix: string): string;
  options: HandlerContext['options'];
}

/**
 * The Stripe API pipeline: count → authenticate → route → parse → check params
 * → faults → idempotency → handler + expand inside a store transaction → answer.
 * Every failure becomes Stripe's error envelope; nothing escapes as a crash.
 */
export function createApi(deps: ApiDeps): (req: EmulatorRequest) => Promise<EmulatorResponse> {
  const handle = createHandler(deps);
  return async (req) => {
    const res = await handle(req);
    // Dated as Stripe's answers are, once handled, by the clock the objects and events were made by
    // (node:http would send the real time): a client can date the change it made as Stripe dates events.
    res.headers.date = new Date(deps.clock.now() * 1000).toUTCString();
    return res;
  };
}

function createHandler(deps: ApiDeps): (req: EmulatorRequest) => Promise<EmulatorResponse> {
  return async (req) => {
    const requestId = deps.newId('req');
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'request-id': requestId,
      'stripe-version': req.headers.get('stripe-version') ?? API_VERSION,
    };
    const method = req.method.toUpperCase();
    const pathname = req.url.pathname;
    const match = deps.router.match(method, pathname);
    const routeKey = match?.key ?? `${method} ${pathname}`;
    const logged = req.internal ? undefined : deps.requestLog.record(routeKey);

    const account = req.headers.get('stripe-account');
    if (account) headers['stripe-account'] = account;
    const idempotencyKey = method === 'POST' ? req.headers.get('idempotency-key') : null;
    if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
    let claimed = false;

    try {
      const key = authenticate(req.headers.get('authorization'));
      if (account !== null && !deps.accounts.has(account)) throw accountRefused(key, account);
      if (!match) throw new StripeHttpError(404, { type: 'invalid_request_error', message: `Unrecognized request URL (${method}: ${pathname}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.` });

      const params: Params = method === 'POST' ? parseBody(req.headers.get('content-type'), req.body) : parseForm(req.url.search.slice(1));
      for (const name of Object.keys(params)) {
        if (name !== 'expand' && !match.route.accepts.includes(name)) {
          throw invalidRequest(`Received unknown parameter: ${name}`, { code: 'parameter_unknown', param: name });
        }
      }
      const expand = expandPaths(params);

      const fault = req.internal ? { latencyMs: 0, drop: false } : deps.faults.decide(routeKey);
      if (fault.reject === 429) {
        if (logged) logged.rateLimited = true;
        if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
        throw new StripeHttpError(429, { type: 'invalid_request_error', code: 'rate_limit', message: 'Too many requests hit the API too quickly. We recommend an exponential backoff of your requests.' });
      }
      if (fault.reject === 500) {
        throw new StripeHttpError(500, { type: 'api_error', message: 'An unknown error occurred (injected fault).' });
      }

      if (idempotencyKey) {
        const outcome = deps.idempotency.begin(account, idempotencyKey, `${method} ${pathname}`, params, deps.clock.now());
        if (outcome.kind === 'replay') {
          return {
            status: outcome.response.status,
            headers: { ...headers, 'request-id': outcome.response.requestId, 'idempotent-replayed': 'true' },
            body: outcome.response.body,
          };
        }
        claimed = true;
      }
      if (fault.latencyMs > 0) await new Promise((r) => setTimeout(r, fault.latencyMs));

      const origin: { request: EventRequest | null } = { request: { id: requestId, idempotency_key: idempotencyKey } };
      let status = 200;
      let body: string;
      try {
        body = await deps.stores.tx.run(async () => {
          const ctx = createContext(deps, account, params, match.path, origin);
          const result = await match.route.handler(ctx);
          return JSON.stringify(expandBody(result, expand, ctx.store, deps.expandable, (other) => deps.stores.account(other)));
        });
      } catch (err) {
        const failure = toFailure(err);
        status = failure.status;
        body = JSON.stringify({ error: failure.body });
      } finally {
        origin.request = null;
      }
      // Refused requests changed nothing and are not kept (the key can be used again); successes and 5xx are replayed.
      if (claimed && idempotencyKey) {
        if (status < 500 && status >= 400) deps.idempotency.release(account, idempotencyKey);
        else deps.idempotency.complete(account, idempotencyKey, { status, body, requestId });
        claimed = false;
      }
      return { status, headers, body, drop: fault.drop };
    } catch (err) {
      if (claimed && idempotencyKey) deps.idempotency.release(account, idempotencyKey);
      const failure = toFailure(err);
      return { status: failure.status, headers, body: JSON.stringify({ error: failure.body }) };
    }
  };
}

/** The context a handler (and, later, its timers) works with. */
export function createContext(
  deps: Pick<ApiDeps, 'stores' | 'clock' | 'events' | 'accounts' | 'newId' | 'options'>,
  account: string | null,
  params: Params,
  path: Record<string, string>,
  origin: { request: EventRequest | null },
): HandlerContext {
  const store = deps.stores.account(account);
  return {
    params,
    path,
    store,
    clock: deps.clock,
    newId: deps.newId,
    options: deps.options,
    knowsAccount: (id) => deps.accounts.has(id),
    get requestId() {
      return origin.request?.id ?? null;
    },
    emit(type, object, previous) {
      deps.events.emit(store, type, object, previous, origin.request ?? { id: null, idempotency_key: null });
    },
    schedule(at, fn) {
      deps.stores.tx.afterCommit(() => deps.clock.schedule(at, fn));
    },
    forAccount(other) {
      return createContext(deps, other, params, path, origin);
    },
  };
}

function toFailure(err: unknown): { status: number; body: StripeErrorBody } {
  if (err instanceof StripeHttpError) return { status: err.status, body: err.body };
  return { status: 500, body: { type: 'api_error', message: 'An unknown error occurred in the emulator while handling this request.' } };
}
