import { createHmac } from 'node:crypto';
import type { Stores } from './store.js';
import type { AccountStore, Clock, StripeObject } from './types.js';

export const API_VERSION = '2026-10-28.endive';

export interface EventRequest {
  id: string | null;
  idempotency_key: string | null;
}

export interface EventBusOptions {
  stores: Stores;
  clock: Clock;
  newId(prefix: string): string;
  retries: number;
  retryDelayMs: number;
  fetch: (url: string, init: RequestInit) => Promise<Response>;
}

export interface EventBus {
  /** Records an Event in `store` (inside the current transaction) and delivers it to matching endpoints once committed. */
  emit(store: AccountStore, type: string, object: StripeObject, previous: Record<string, unknown> | undefined, request: EventRequest): void;
  /** Resolves when no webhook delivery (or retry) is pending. */
  idle(): Promise<void>;
  /** Stops deliveries: pending retries are dropped. */
  close(): void;
}

interface Delivery {
  account: string | null;
  eventId: string;
  payload: string;
}

interface EndpointQueue {
  url: string;
  secret: string;
  items: Delivery[];
  running: boolean;
}

/** `Stripe-Signature` header value: `t=<ts>,v1=<hex HMAC-SHA256 of "t.body" keyed with the whole whsec_ secret>`. */
export function signPayload(payload: string, secret: string, timestamp: number): string {
  const v1 = createHmac('sha256', secret).update(`${timestamp}.${payload}`).digest('hex');
  return `t=${timestamp},v1=${v1}`;
}

/**
 * Events and their webhook deliveries. Each endpoint has one queue, delivered
 * one event at a time, so events reach an endpoint in the order they happened;
 * a failed attempt (non-2xx or network error) is retried with doubling delay
 * before the queue moves on. Deliveries run after the API call has answered.
 */
export function createEventBus(opts: EventBusOptions): EventBus {
  const queues = new Map<string, EndpointQueue>();
  let inFlight = 0;
  let closed = false;
  let waiters: Array<() => void> = [];
  const sleepers = new Set<() => void>();

  function settle() {
    if (inFlight === 0) {
      const done = waiters;
      waiters = [];
      for (const w of done) w();
    }
  }

  function enqueue(endpoint: StripeObject, delivery: Delivery) {
    let queue = queues.get(endpoint.id);
    if (!queue) {
      queue = { url: String(endpoint.url), secret: String(endpoint.secret), items: [], running: false };
      queues.set(endpoint.id, queue);
    }
    queue.items.push(delivery);
    inFlight++;
    if (!queue.running) void drain(queue);
  }

  async function drain(queue: EndpointQueue) {
    queue.running = true;
    while (queue.items.length && !closed) {
      const delivery = queue.items.shift()!;
      const ok = await deliverWithRetries(queue, delivery);
      if (ok && !closed) await markDelivered(delivery);
      inFlight--;
    }
    queue.running = false;
    if (closed) inFlight -= queue.items.splice(0).length;
    settle();
  }

  async function deliverWithRetries(queue: EndpointQueue, delivery: Delivery): Promise<boolean> {
    for (let attempt = 0; attempt <= opts.retries && !closed; attempt++) {
      if (attempt > 0) await sleep(opts.retryDelayMs * 2 ** (attempt - 1));
      if (closed) return false;
      try {
        const res = await opts.fetch(queue.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json; charset=utf-8',
            'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
            'stripe-signature': signPayload(delivery.payload, queue.secret, Math.floor(Date.now() / 1000)),
          },
          body: delivery.payload,
        });
        await res.arrayBuffer().catch(() => undefined);
        if (res.status >= 200 && res.status < 300) return true;
      } catch {
        // network failure: retried like a non-2xx answer
      }
    }
    return false;
  }

  function sleep(ms: number) {
    return new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      sleepers.add(wake);
    });
  }

  /** pending_webhooks counts endpoints not yet reached; it feeds the events list's delivery_success filter. */
  function markDelivered(delivery: Delivery) {
    return opts.stores.tx.run(() => {
      const store = opts.stores.account(delivery.account);
      const event = store.get(delivery.eventId);
      if (event) store.put({ ...event, pending_webhooks: Math.max(0, Number(event.pending_webhooks) - 1) });
    });
  }

  /**
   * As on Stripe: an account's own endpoints receive its events; a connected account's events also
   * go to the platform's Connect endpoints (`connect: true`), which receive nothing of the platform's own.
   */
  function endpointsFor(store: AccountStore): StripeObject[] {
    const own = store.all('webhook_endpoint').filter((e) => e.connect !== true);
    if (store.account === null) return own;
    return [...own, ...opts.stores.account(null).all('webhook_endpoint').filter((e) => e.connect === true)];
  }

  return {
    emit(store, type, object, previous, request) {
      const endpoints = endpointsFor(store).filter(
        (e) => e.status === 'enabled' && Array.isArray(e.enabled_events) && (e.enabled_events.includes('*') || e.enabled_events.includes(type)),
      );
      const event: StripeObject = {
        id: opts.newId('evt'),
        object: 'event',
        ...(store.account ? { account: store.account } : {}),
        api_version: API_VERSION,
        created: opts.clock.now(),
        data: { object, ...(previous ? { previous_attributes: previous } : {}) },
        livemode: false,
        pending_webhooks: endpoints.length,
        request: { ...request },
        type,
      };
      // The store keeps a copy, and the payload is rendered now: later changes to `object` reach neither.
      store.put(event);
      if (endpoints.length) {
        const payload = JSON.stringify(event, null, 2);
        opts.stores.tx.afterCommit(() => {
          if (closed) return;
          for (const endpoint of endpoints) enqueue(endpoint, { account: store.account, eventId: event.id, payload });
        });
      }
    },
    idle() {
      if (inFlight === 0) return Promise.resolve();
      return new Promise<void>((resolve) => waiters.push(resolve));
    },
    close() {
      closed = true;
      for (const wake of [...sleepers]) wake();
      for (const queue of queues.values()) inFlight -= queue.items.splice(0).length;
      settle();
    },
  };
}
