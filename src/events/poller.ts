import type Stripe from 'stripe';
import type { Logger } from 'pino';
import type { EventIngest } from './ingest.js';

export interface EventPoller {
  /** Polls once now (also what each interval tick runs); resolves when caught up. */
  poll(): Promise<void>;
  stop(): void;
}

const PAGE_SIZE = 100;
/** Pages per tick, so one tick never runs unbounded behind a burst; the next tick continues. */
const MAX_PAGES_PER_TICK = 10;

/**
 * Polls GET /v1/events (for when webhooks can't reach the gateway) and feeds
 * new events, oldest first, through the same ingest path as webhooks, so an
 * event seen both ways is published once. Starts from the newest event at
 * start-up (no replay of history) and resumes with ending_before.
 */
export function startEventPoller(deps: {
  stripe: Stripe;
  requestOptions: Stripe.RequestOptions;
  ingest: EventIngest;
  log: Logger;
  intervalMs: number;
}): EventPoller {
  let cursor: string | undefined;
  let started = false;
  let running: Promise<void> | undefined;
  let stopped = false;

  async function catchUp(): Promise<void> {
    if (!started) {
      const newest = await deps.stripe.events.list({ limit: 1 }, deps.requestOptions);
      cursor = newest.data[0]?.id;
      started = true;
      return;
    }
    for (let page = 0; page < MAX_PAGES_PER_TICK && !stopped; page++) {
      // With ending_before, Stripe returns the events just newer than the cursor, newest first.
      const list = await deps.stripe.events.list(
        cursor ? { limit: PAGE_SIZE, ending_before: cursor } : { limit: PAGE_SIZE },
        deps.requestOptions,
      );
      for (const event of [...list.data].reverse()) {
        await deps.ingest(event);
        cursor = event.id;
      }
      if (!list.has_more || !cursor) return;
    }
  }

  function poll(): Promise<void> {
    // Ticks never overlap: a slow upstream delays the next poll instead of doubling it.
    running ??= catchUp()
      .catch((err: Error) => deps.log.warn({ err: err.message }, 'stripe events poll failed'))
      .finally(() => (running = undefined));
    return running;
  }

  const timer = setInterval(() => void poll(), deps.intervalMs);
  timer.unref();
  void poll();
  return {
    poll,
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}
