import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { createSourceEventStream, type DocumentNode, type ExecutionArgs, type ExecutionResult } from 'graphql';
// Yoga's own executor, so an event's result and errors have the shape yoga gives every other operation.
import { execute } from '@graphql-tools/executor';
import type { Context } from '../context.js';
import { clientResult } from './error-mapping.js';

/**
 * One event, one execution: subscribers that ask the same thing (the same
 * document, operation, variables and Stripe account) share one subscription
 * stream. Each event is resolved once and the same result goes to all of them,
 * so delivering to 1,000 subscribers of one payout costs one execution plus
 * 1,000 socket writes, not 1,000 executions. Works for graphql-ws and SSE alike
 * (both subscribe through yoga's envelop). The stream runs with the context of
 * the subscriber that started it, and its events' errors are mapped and masked once,
 * with that context (an unexpected error is logged once per event, not once per
 * subscriber). A transport that can send a result given as JSON (graphql-ws) has each
 * event serialized once for all its subscribers (writeDirectly); others (SSE) receive the
 * result through yoga, whose masking then finds nothing left to mask.
 */
export interface SharedSubscriptions {
  readonly plugin: Plugin;
  /**
   * Lets the subscriber whose execution context is `context` receive a shared stream's events
   * through `write`, serialized once per event for every such subscriber, instead of through its
   * transport's own per-subscriber loop (graphql-ws validates and stringifies every message for
   * every subscriber: about half the gateway's CPU for one event to 1,000 sockets, bench/HISTORY.md
   * session 4). The subscriber's iterator then only ends, with the stream or when it leaves.
   * Call it before the operation subscribes.
   */
  writeDirectly(context: object, write: DirectWrite): void;
  /** Subscribers attached to a shared stream: one per live subscription. */
  subscriberCount(): number;
}

/** Sends one event's result, given as its JSON, to one subscriber. */
export type DirectWrite = (resultJson: string) => void;

/** `Event`: what the schema's subscription fields' source streams yield. */
export interface SharedSubscriptionsOptions<Event> {
  /**
   * The context one event is executed with, from the stream's and the event (e.g. with
   * loaders of its own: the stream's context lives as long as the stream, graphql's subscribe
   * would run every event with it). Without it, every event is executed with the stream's context.
   */
  eventContext?: (context: Context, event: Event) => Context;
  /** Told after each event is delivered, with how many subscribers received it (metrics). */
  onDelivered?: (event: Event, subscribers: number) => void;
}

type Result = ExecutionResult;

/**
 * A subscriber's own iterator over a shared stream. Hand-written rather than a
 * Repeater because it must be registered the moment it is handed out: a
 * Repeater starts on its first next(), so a subscriber that leaves before
 * reading would never be counted in, nor its stream ever released.
 */
class Subscriber implements AsyncGenerator<Result, void, void> {
  private readonly queue: Result[] = [];
  private waiting: ((result: IteratorResult<Result>) => void) | undefined;
  private failWaiting: ((err: unknown) => void) | undefined;
  private finished = false;
  private error: { err: unknown } | undefined;

  constructor(
    private readonly leave: (subscriber: Subscriber) => void,
    private readonly write: DirectWrite | undefined,
  ) {}

  /** `json` gives the result's JSON, made once per event for all subscribers that write directly. */
  deliver(value: Result, json: () => string): void {
    if (this.finished) return;
    if (this.write) {
      this.write(json());
      return;
    }
    const waiting = this.waiting;
    if (!waiting) {
      this.queue.push(value);
      return;
    }
    this.waiting = this.failWaiting = undefined;
    waiting({ value, done: false });
  }

  /** The stream ended (or failed): whatever is queued is still delivered first. */
  end(err?: { err: unknown }): void {
    if (this.finished) return;
    this.finished = true;
    this.error = err;
    const [waiting, failWaiting] = [this.waiting, this.failWaiting];
    this.waiting = this.failWaiting = undefined;
    if (err && failWaiting) failWaiting(err.err);
    else waiting?.({ value: undefined, done: true });
  }

  next(): Promise<IteratorResult<Result>> {
    const queued = this.queue.shift();
    if (queued) return Promise.resolve({ value: queued, done: false });
    if (this.finished) {
      const error = this.error;
      this.error = undefined;
      return error ? Promise.reject(error.err) : Promise.resolve({ value: undefined, done: true });
    }
    return new Promise((resolve, reject) => {
      this.waiting = resolve;
      this.failWaiting = reject;
    });
  }

  return(): Promise<IteratorResult<Result, void>> {
    this.queue.length = 0;
    this.error = undefined;
    this.end();
    this.leave(this);
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(err: unknown): Promise<IteratorResult<Result, void>> {
    void this.return();
    return Promise.reject(err);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}

/** True for a subscriber's stream handed out by a shared subscription (its events' errors are already mapped and masked). */
export function isSharedStream(value: unknown): boolean {
  return value instanceof Subscriber;
}

type StreamArgs = ExecutionArgs & { contextValue: Context };

/**
 * One source event stream and the subscribers it feeds; released when the last one leaves.
 * Each event is executed as graphql's subscribe does (the event as root value), with its own context.
 */
class SharedStream {
  private readonly subscribers = new Set<Subscriber>();
  private source: AsyncIterator<unknown> | undefined;
  closed = false;

  constructor(
    private readonly events: AsyncIterable<unknown>,
    private readonly args: StreamArgs,
    private readonly eventContext: (context: Context, event: unknown) => Context,
    private readonly counts: { subscribers: number },
    private readonly onClosed: () => void,
    private readonly onDelivered: ((event: unknown, subscribers: number) => void) | undefined,
  ) {}

  join(write: DirectWrite | undefined): Subscriber {
    const subscriber = new Subscriber((s) => this.leave(s), write);
    this.subscribers.add(subscriber);
    this.counts.subscribers++;
    if (!this.source) void this.pump((this.source = this.events[Symbol.asyncIterator]()));
    return subscriber;
  }

  private leave(subscriber: Subscriber): void {
    if (!this.subscribers.delete(subscriber)) return;
    this.counts.subscribers--;
    if (this.subscribers.size === 0) this.close();
  }

  private async pump(source: AsyncIterator<unknown>): Promise<void> {
    let failure: { err: unknown } | undefined;
    try {
      for (let next = await source.next(); !next.done && !this.closed; next = await source.next()) {
        const contextValue = this.eventContext(this.args.contextValue, next.value);
        // A single result: yoga's schema has no @defer/@stream for an incremental one.
        const result = (await execute({ ...this.args, rootValue: next.value, contextValue })) as Result;
        if (this.closed) break;
        const delivered = clientResult(result, this.args);
        let serialized: string | undefined;
        const json = () => (serialized ??= JSON.stringify(delivered));
        for (const subscriber of this.subscribers) subscriber.deliver(delivered, json);
        this.onDelivered?.(next.value, this.subscribers.size);
      }
    } catch (err) {
      failure = { err };
    }
    for (const subscriber of this.subscribers) subscriber.end(failure);
    this.close();
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    this.onClosed();
    void this.source?.return?.();
  }
}

/** What must match for two subscriptions to share a stream, besides the document itself. */
function keyOf(args: StreamArgs): string {
  const account = args.contextValue.requestOptions?.stripeAccount ?? '';
  // A subscriber joining a stream skips the scope check the stream's first subscriber passed:
  // only subscribers holding the same scopes may share one.
  const scopes = [...args.contextValue.principal.scopes].sort().join(' ');
  return `${args.operationName ?? ''}\n${account}\n${scopes}\n${JSON.stringify(args.variableValues ?? {})}`;
}

const streamContext = (context: Context): Context => context;

export function createSharedSubscriptions<Event = unknown>(opts: SharedSubscriptionsOptions<Event> = {}): SharedSubscriptions {
  // The schema's source streams yield Events: the caller's word, as for a schema's root types.
  const eventContext = (opts.eventContext ?? streamContext) as (context: Context, event: unknown) => Context;
  // Keyed by the parsed document: yoga's parser cache hands every request with the same query text the same DocumentNode.
  const streams = new WeakMap<DocumentNode, Map<string, Promise<SharedStream | undefined>>>();
  const counts = { subscribers: 0 };
  const directWrites = new WeakMap<object, DirectWrite>();

  async function subscribeShared(args: StreamArgs): Promise<AsyncGenerator<Result, void, void> | Result> {
    let byKey = streams.get(args.document);
    if (!byKey) streams.set(args.document, (byKey = new Map()));
    const key = keyOf(args);

    const write = directWrites.get(args.contextValue);
    const shared = await byKey.get(key)?.catch(() => undefined);
    if (shared && !shared.closed) return shared.join(write);

    // Start a stream. A subscribe that is refused (unknown id, bad input) answers this subscriber alone.
    let refused: Result | undefined;
    const started = createSourceEventStream(args).then((events) => {
      if (!isAsyncIterable(events)) {
        refused = events;
        return undefined;
      }
      return new SharedStream(
        events,
        args,
        eventContext,
        counts,
        () => {
          if (byKey.get(key) === started) byKey.delete(key);
        },
        opts.onDelivered as ((event: unknown, subscribers: number) => void) | undefined,
      );
    });
    byKey.set(key, started);
    let stream: SharedStream | undefined;
    try {
      stream = await started;
    } finally {
      if (!stream && byKey.get(key) === started) byKey.delete(key);
    }
    return stream ? stream.join(write) : (refused as Result);
  }

  return {
    plugin: {
      // Replaces yoga's subscribe: the source stream is created once per key, and each event executed once.
      onSubscribe({ setSubscribeFn }) {
        setSubscribeFn((args) => subscribeShared(args as StreamArgs));
      },
    },
    writeDirectly: (context, write) => directWrites.set(context, write),
    subscriberCount: () => counts.subscribers,
  };
}
