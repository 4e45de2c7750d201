import Stripe from 'stripe';
import { createRateWindow } from './rate-window.js';
import { routeTemplate, type UpstreamAttempt, type UpstreamCall, type UpstreamObserver } from './observer.js';

type HttpClient = Stripe.HttpClient;
type HttpResponse = Stripe.HttpClientResponse;
type Headers = ReturnType<HttpResponse['getHeaders']>;
type Request = Parameters<HttpClient['makeRequest']>;

export interface ShapingOptions {
  /** Upstream calls started in any one second, retries included. */
  maxRequestsPerSecond: number;
  /** Longest a call may wait here (for a start time, or backing off after 429s) before it is refused. */
  maxQueueMs: number;
  /** Told about every request sent to Stripe (metrics, traces). */
  observer?: UpstreamObserver;
}

/** `type` of the error body the shaper answers with when a call would wait longer than maxQueueMs. */
const QUEUE_FULL_TYPE = 'gateway_queue_full';

/** True for the SDK error made from the shaper's own refusal (Stripe never saw the call). */
export function isQueueFull(err: Stripe.errors.StripeError): boolean {
  return (err.rawType as string | undefined) === QUEUE_FULL_TYPE;
}

/**
 * 429 backoff lives here, not in the SDK: the SDK retries a 429 only when Stripe sends
 * `Stripe-Should-Retry: true`, ignores `Retry-After`, and spends the same small budget
 * (maxNetworkRetries) it needs for network errors and 5xx. Here every attempt also
 * takes a start time from the rate window, and the final 429 reaches the SDK without
 * `Stripe-Should-Retry`, so the SDK never retries it a second time.
 */
const MAX_RATE_LIMIT_RETRIES = 3;
const INITIAL_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 8000;

function header(headers: Headers, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** How long Stripe asked us to wait before retrying a 429, or null when it said not to retry. */
function backoffMs(headers: Headers, retries: number): number | null {
  if (header(headers, 'stripe-should-retry') === 'false') return null;
  const retryAfter = header(headers, 'retry-after');
  if (retryAfter !== undefined && retryAfter.trim() !== '') {
    const seconds = Number(retryAfter);
    const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(retryAfter) - Date.now();
    if (!Number.isNaN(ms)) return Math.max(0, ms);
  }
  // Exponential, with jitter so callers throttled together don't come back together.
  return Math.min(INITIAL_BACKOFF_MS * 2 ** retries, MAX_BACKOFF_MS) * (0.5 + Math.random() / 2);
}

type Body = { ok: true; value: unknown } | { ok: false; error: unknown };

/** A response whose body was read already (shared by coalesced readers, or made here). */
class BufferedResponse extends Stripe.HttpClientResponse {
  constructor(
    status: number,
    headers: Headers,
    private readonly raw: unknown,
    private readonly body: Body,
  ) {
    super(status, headers);
  }
  override getRawResponse(): unknown {
    return this.raw;
  }
  override toJSON(): Promise<unknown> {
    return this.body.ok ? Promise.resolve(this.body.value) : Promise.reject(this.body.error);
  }
}

/** The last 429 after the shaper gave up: as Stripe sent it, minus the hint that would make the SDK retry it again. */
function finalRateLimited(res: HttpResponse): HttpResponse {
  const headers = { ...res.getHeaders() };
  delete headers['stripe-should-retry'];
  return {
    getStatusCode: () => res.getStatusCode(),
    getHeaders: () => headers,
    getRawResponse: () => res.getRawResponse(),
    toStream: (done: () => void) => res.toStream(done),
    toJSON: () => res.toJSON(),
  };
}

function queueFull(): HttpResponse {
  const message =
    'The gateway is already calling Stripe as often as Stripe allows, and this call would have waited too long for its turn. Retry after a short pause.';
  return new BufferedResponse(429, { 'stripe-should-retry': 'false' }, {}, { ok: true, value: { error: { type: QUEUE_FULL_TYPE, message } } });
}

/** Reads and drops a body we won't hand on, so a keep-alive socket is freed. */
function discard(res: HttpResponse): void {
  res.toJSON().then(
    () => undefined,
    () => undefined,
  );
}

/** The request with `extra` headers added (a copy: the SDK reuses its headers object for its own retries). */
function withHeaders(request: Request, extra: Readonly<Record<string, string>>): Request {
  const [host, port, path, method, headers, ...rest] = request;
  return [host, port, path, method, { ...headers, ...extra }, ...rest];
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Timers may fire a little early; a start time is a promise to Stripe's window, so wait it out fully. */
async function waitUntil(at: number): Promise<void> {
  for (let wait = at - performance.now(); wait > 0; wait = at - performance.now()) await sleep(Math.ceil(wait));
}

/** Identical GETs share one upstream call only when everything that shapes Stripe's answer is the same. */
function readKey([host, port, path, , headers, , protocol]: Request): string {
  const h = (name: string) => String(headers[name] ?? '');
  return [protocol, host, port, path, h('Authorization'), h('Stripe-Account'), h('Stripe-Context'), h('Stripe-Version')].join('\n');
}

interface SharedRead {
  readers: number;
  /** One response per reader, in the order they joined. */
  responses: Promise<HttpResponse[]>;
}

/**
 * Wraps the SDK's HTTP client (its documented `httpClient` extension point) so that
 * every call the SDK makes is shaped:
 * - started under `maxRequestsPerSecond` (a sliding one-second window); a call that
 *   would wait longer than `maxQueueMs` is answered at once with a 429 of the
 *   gateway's own (`type: gateway_queue_full`, never retried by the SDK);
 * - a 429 from Stripe is retried with the same headers (a POST keeps its
 *   Idempotency-Key) after `Retry-After`, or an exponential backoff with jitter, up to
 *   MAX_RATE_LIMIT_RETRIES times within `maxQueueMs`; meanwhile no other call starts;
 * - identical concurrent GETs (same URL, key, account, context and API version) make
 *   one upstream call; each caller gets its own top-level object, since the SDK attaches a
 *   read-only `lastResponse` to it. Nested objects are shared: the gateway never changes what
 *   Stripe returns, and a deep copy per caller (structuredClone) cost ~10% of the gateway's CPU
 *   when pages of 100 were read concurrently. Writes are never coalesced. (Read bodies are buffered, so a streaming endpoint would not work through
 *   this client; the gateway uses none.)
 */
export function createShapingHttpClient(inner: HttpClient, options: ShapingOptions): HttpClient {
  const starts = createRateWindow(options.maxRequestsPerSecond);
  const inflight = new Map<string, SharedRead>();

  const { observer } = options;

  /** One attempt on the wire, reported to the observer when there is one. */
  async function attempt(request: Request, observed: UpstreamAttempt | undefined): Promise<HttpResponse> {
    if (!observed) return inner.makeRequest(...request);
    try {
      return await inner.makeRequest(...(Object.keys(observed.headers).length ? withHeaders(request, observed.headers) : request));
    } catch (err) {
      observed.failed(err);
      throw err;
    }
  }

  async function send(request: Request): Promise<HttpResponse> {
    const deadline = performance.now() + options.maxQueueMs;
    const call: UpstreamCall | undefined = observer && { method: request[3], route: routeTemplate(request[2]) };
    const refused = (): HttpResponse => {
      if (call) observer?.queueFull(call);
      return queueFull();
    };
    for (let retries = 0; ; retries++) {
      const at = starts.reserve(deadline);
      if (at === null) return refused();
      if (at > performance.now()) await waitUntil(at);
      // A start held back behind a late one (RateWindow.begin) is still bound by the deadline:
      // the lateness is not in the reservations, so it would otherwise add up under sustained load.
      for (let wait = starts.begin(); wait > 0; wait = starts.begin()) {
        if (performance.now() + wait > deadline) return refused();
        await sleep(Math.ceil(wait));
      }
      const observed = call && observer?.attempt(call);
      const res = await attempt(request, observed);
      const status = res.getStatusCode();
      const requestId = observed && header(res.getHeaders(), 'request-id');
      if (status !== 429) {
        observed?.answered(status, requestId, false);
        return res;
      }
      const delay = retries < MAX_RATE_LIMIT_RETRIES ? backoffMs(res.getHeaders(), retries) : null;
      const retrying = delay !== null && performance.now() + delay <= deadline;
      observed?.answered(status, requestId, retrying);
      if (!retrying) return finalRateLimited(res);
      discard(res);
      // Stripe throttles the whole account: every call waits, not only this one.
      starts.pause(performance.now() + delay);
    }
  }

  /** Joins the in-flight read with the same key, or starts it. */
  function read(request: Request): Promise<HttpResponse> {
    const key = readKey(request);
    let shared = inflight.get(key);
    if (!shared) {
      const started: SharedRead = { readers: 0, responses: Promise.resolve([]) };
      started.responses = send(request).then(
        async (res) => {
          const body: Body = await res.toJSON().then(
            (value: unknown) => ({ ok: true as const, value }),
            (error: unknown) => ({ ok: false as const, error }),
          );
          // Synchronously with making the copies: no reader can join after them.
          inflight.delete(key);
          return Array.from({ length: started.readers }, (_, i) => {
            const own: Body = i === 0 || !body.ok ? body : { ok: true, value: { ...(body.value as object) } };
            return new BufferedResponse(res.getStatusCode(), res.getHeaders(), res.getRawResponse(), own);
          });
        },
        (error: unknown) => {
          inflight.delete(key);
          throw error;
        },
      );
      inflight.set(key, (shared = started));
    }
    const index = shared.readers++;
    return shared.responses.then((responses) => responses[index]);
  }

  return {
    getClientName: () => inner.getClientName(),
    makeRequest: (...request: Request) => (request[3] === 'GET' ? read(request) : send(request)),
  };
}
