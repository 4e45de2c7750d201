import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import type { DocumentNode, ExecutionArgs, ExecutionResult, subscribe } from 'graphql';
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
 * subscriber). graphql-ws subscribers get the events written straight to their
 * sockets (see writeDirectly); SSE ones through yoga, whose masking then finds
 * nothing left to mask.
 */
export interface SharedSubscriptions {
  readonly plugin: Plugin;
  /** Subscribers attached to a shared stream: one per live subscription. */
  subscriberCount(): number;
}

type Result = ExecutionResult;
type Subscribe = typeof subscribe;
type Subscription = Awaited<ReturnType<Subscribe>>;

/** Sends one event's result, given as its JSON, to one subscriber. */
export type DirectWrite = (resultJson: string) => void;

const directWrites = new WeakMap<object, DirectWrite>();

/**
 * Lets the subscriber whose execution context is `context` receive a shared stream's
 * events through `write` (its own socket), serialized once per event for every such
 * subscriber, instead of through its transport's own per-subscriber loop (graphql-ws
 * validates and stringifies every message for every subscriber). The subscriber's
 * iterator then only ends, with the stream or when it leaves.
 */
export function writeDirectly(context: object, write: DirectWrite): void {
  directWrites.set(context, write);
}

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

/** One upstream subscription stream and the subscribers it feeds; released when the last one leaves. */
class SharedStream {
  private readonly subscribers = new Set<Subscriber>();
  private source: AsyncIterator<Result> | undefined;
  closed = false;

  constructor(
    private readonly stream: AsyncIterable<Result>,
    private readonly args: ExecutionArgs,
    private readonly counts: { subscribers: number },
    private readonly onClosed: () => void,
  ) {}

  join(write: DirectWrite | undefined): Subscriber {
    const subscriber = new Subscriber((s) => this.leave(s), write);
    this.subscribers.add(subscriber);
    this.counts.subscribers++;
    if (!this.source) void this.pump((this.source = this.stream[Symbol.asyncIterator]()));
    return subscriber;
  }

  private leave(subscriber: Subscriber): void {
    if (!this.subscribers.delete(subscriber)) return;
    this.counts.subscribers--;
    if (this.subscribers.size === 0) this.close();
  }

  private async pump(source: AsyncIterator<Result>): Promise<void> {
    let failure: { err: unknown } | undefined;
    try {
      for (let next = await source.next(); !next.done && !this.closed; next = await source.next()) {
        const result = clientResult(next.value, this.args as ExecutionArgs & { contextValue: Context });
        let serialized: string | undefined;
        const json = () => (serialized ??= JSON.stringify(result));
        for (const subscriber of this.subscribers) subscriber.deliver(result, json);
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
function keyOf(args: ExecutionArgs): string {
  const ctx = args.contextValue as Partial<Context> | undefined;
  const account = ctx?.requestOptions?.stripeAccount ?? '';
  // A subscriber joining a stream skips the scope check the stream's first subscriber passed:
  // only subscribers holding the same scopes may share one.
  const scopes = ctx?.principal ? [...ctx.principal.scopes].sort().join(' ') : '';
  return `${args.operationName ?? ''}\n${account}\n${scopes}\n${JSON.stringify(args.variableValues ?? {})}`;
}

export function createSharedSubscriptions(): SharedSubscriptions {
  // Keyed by the parsed document: yoga's parser cache hands every request with the same query text the same DocumentNode.
  const streams = new WeakMap<DocumentNode, Map<string, Promise<SharedStream | undefined>>>();
  const counts = { subscribers: 0 };

  async function subscribeShared(args: ExecutionArgs, subscribe: Subscribe): Promise<Subscription> {
    let byKey = streams.get(args.document);
    if (!byKey) streams.set(args.document, (byKey = new Map()));
    const key = keyOf(args);

    const write = directWrites.get(args.contextValue as object);
    const shared = await byKey.get(key)?.catch(() => undefined);
    if (shared && !shared.closed) return shared.join(write);

    // Start a stream. A subscribe that is refused (unknown id, bad input) answers this subscriber alone.
    let refused: ExecutionResult | undefined;
    const started = Promise.resolve(subscribe(args)).then((result) => {
      if (!isAsyncIterable(result)) {
        refused = result;
        return undefined;
      }
      return new SharedStream(result, args, counts, () => {
        if (byKey.get(key) === started) byKey.delete(key);
      });
    });
    byKey.set(key, started);
    let stream: SharedStream | undefined;
    try {
      stream = await started;
    } finally {
      if (!stream && byKey.get(key) === started) byKey.delete(key);
    }
    return stream ? stream.join(write) : (refused as ExecutionResult);
  }

  return {
    plugin: {
      onSubscribe({ subscribeFn, setSubscribeFn }) {
        setSubscribeFn((args) => subscribeShared(args, subscribeFn));
      },
    },
    subscriberCount: () => counts.subscribers,
  };
}
