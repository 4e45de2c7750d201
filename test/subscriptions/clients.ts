import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';
import type { ExecutionResult } from 'graphql';
import type { Emulator } from '../../src/emulator/index.js';

/** Results of one subscription, in arrival order, with a way to wait for the next matching one. */
export class Inbox {
  readonly results: ExecutionResult<Record<string, unknown>>[] = [];
  completed = false;
  error: unknown;
  private waiters = new Set<() => void>();

  push(result: ExecutionResult<Record<string, unknown>>): void {
    this.results.push(result);
    this.wake();
  }

  finish(error?: unknown): void {
    this.completed = true;
    this.error = error;
    this.wake();
  }

  private wake(): void {
    for (const w of [...this.waiters]) w();
  }

  /** Resolves when `count` results have arrived (or the stream ended); rejects after `timeoutMs`. */
  async waitFor(count: number, timeoutMs = 5_000): Promise<ExecutionResult<Record<string, unknown>>[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.results.length < count && !this.completed) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${count} results; got ${JSON.stringify(this.results)}`);
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.waiters.delete(done);
          resolve();
        };
        const timer = setTimeout(done, left);
        this.waiters.add(done);
      });
    }
    return this.results;
  }

  /** The first result whose `pick` is truthy, waiting for it. */
  async find(pick: (r: ExecutionResult<Record<string, unknown>>) => unknown, timeoutMs = 5_000) {
    const deadline = Date.now() + timeoutMs;
    for (let seen = 0; ; seen++) {
      await this.waitFor(seen + 1, Math.max(1, deadline - Date.now()));
      const r = this.results[seen];
      if (!r) throw new Error(`stream ended without a match; got ${JSON.stringify(this.results)}`);
      if (pick(r)) return r;
    }
  }
}

/** A real graphql-ws client over the `ws` package; `connectionParams` go in `connection_init` (e.g. `{ authorization }`). */
export function wsClient(gatewayUrl: string, connectionParams?: Record<string, unknown>): Client {
  return createClient({
    url: `${gatewayUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    lazy: true,
  });
}

export interface WsSubscription {
  inbox: Inbox;
  /** Completes the subscription (the socket stays open if other subscriptions use it). */
  unsubscribe(): void;
}

export function wsSubscribe(client: Client, query: string, variables: Record<string, unknown> = {}): WsSubscription {
  const inbox = new Inbox();
  const unsubscribe = client.subscribe<Record<string, unknown>>(
    { query, variables },
    {
      next: (r) => inbox.push(r as ExecutionResult<Record<string, unknown>>),
      error: (e) => inbox.finish(e),
      complete: () => inbox.finish(),
    },
  );
  return { inbox, unsubscribe };
}

/** A subscription over Server-Sent Events: yoga's own text/event-stream transport. */
export function sseSubscribe(
  gatewayUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  operationName?: string,
  headers: Record<string, string> = {},
): SseSubscription {
  return sseStream(gatewayUrl, { query, variables, operationName }, headers);
}

export interface SseSubscription {
  inbox: Inbox;
  close(): void;
  opened: Promise<void>;
}

/** An SSE subscription with the request body as given (e.g. `{ documentId }` instead of a query). */
export function sseStream(gatewayUrl: string, body: Record<string, unknown>, headers: Record<string, string> = {}): SseSubscription {
  const inbox = new Inbox();
  const abort = new AbortController();
  let markOpen!: () => void;
  const opened = new Promise<void>((resolve) => (markOpen = resolve));
  void (async () => {
    try {
      const res = await fetch(`${gatewayUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...headers },
        body: JSON.stringify(body),
        signal: abort.signal,
      });
      if (!res.headers.get('content-type')?.includes('text/event-stream')) throw new Error(`not an event stream: ${res.status} ${await res.text()}`);
      markOpen();
      const decoder = new TextDecoder();
      let buffer = '';
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(message)?.[1];
          const data = /^data: (.*)$/m.exec(message)?.[1];
          if (event === 'complete') return inbox.finish();
          if (data) inbox.push(JSON.parse(data) as ExecutionResult<Record<string, unknown>>);
        }
      }
      inbox.finish();
    } catch (err) {
      markOpen();
      inbox.finish((err as Error).name === 'AbortError' ? undefined : err);
    }
  })();
  return { inbox, close: () => abort.abort(), opened };
}

/** The official SDK pointed at the emulator over loopback, for test setup (not through the gateway). */
export function emulatorStripe(emulator: Emulator): Stripe {
  const url = new URL(emulator.url!);
  return new Stripe('sk_test_subscriptions', { host: url.hostname, port: Number(url.port), protocol: 'http', maxNetworkRetries: 0 });
}

/** A manual payout that stays PENDING until the emulator's clock moves. */
export async function pendingPayout(stripe: Stripe): Promise<Stripe.Payout> {
  return stripe.payouts.create({ amount: 1234, currency: 'usd', method: 'standard' });
}

/** A Stripe-shaped event around `object`. */
export function stripeEvent<T extends { id: string }>(type: string, object: T, created: number): Stripe.Event {
  return {
    id: `evt_${randomUUID().replace(/-/g, '')}`,
    object: 'event',
    api_version: Stripe.API_VERSION,
    created,
    data: { object },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  } as unknown as Stripe.Event;
}

/** POSTs `payload` to the gateway's webhook endpoint, signed the way Stripe signs (or as `opts` says). */
export function postWebhook(
  gatewayUrl: string,
  payload: string,
  opts: { secret?: string; timestamp?: number; header?: string | null } = {},
): Promise<Response> {
  const header =
    opts.header === undefined
      ? Stripe.webhooks.generateTestHeaderString({ payload, secret: opts.secret ?? '', timestamp: opts.timestamp })
      : opts.header;
  return fetch(`${gatewayUrl}/webhooks/stripe`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(header === null ? {} : { 'stripe-signature': header }) },
    body: payload,
  });
}
