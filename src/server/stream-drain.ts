import { isAsyncIterable, type Plugin } from 'graphql-yoga';

/**
 * Subscriptions over HTTP (SSE) end when the gateway drains: each stream completes as if its source
 * had (yoga sends `event: complete` and ends the response), so the client sees the stream end rather
 * than a cut socket. Only HTTP results pass yoga's result processing; graphql-ws subscriptions are
 * left to the WebSocket close (1001), after which clients resubscribe elsewhere.
 */
export function useStreamsEndOnDrain(draining: AbortSignal): Plugin {
  return {
    onResultProcess({ result, setResult }) {
      if (isAsyncIterable(result)) setResult(endingOn(result, draining));
    },
  };
}

/** `source`, ending (and returning the source) when `signal` aborts, even while a next() waits. */
function endingOn<T>(source: AsyncIterable<T>, signal: AbortSignal): AsyncIterableIterator<T> {
  const iterator = source[Symbol.asyncIterator]();
  const done: IteratorReturnResult<undefined> = { done: true, value: undefined };
  let ended = false;
  const end = async (): Promise<IteratorReturnResult<undefined>> => {
    if (!ended) {
      ended = true;
      signal.removeEventListener('abort', onAbort);
      await iterator.return?.()?.catch(() => undefined);
    }
    return done;
  };
  let wake: (() => void) | undefined;
  const onAbort = () => wake?.();
  signal.addEventListener('abort', onAbort, { once: true });
  const aborted = () => new Promise<void>((resolve) => (wake = resolve));
  return {
    async next() {
      if (ended || signal.aborted) return end();
      const next = await Promise.race([iterator.next(), aborted()]);
      if (!next) return end();
      if (next.done) {
        ended = true;
        signal.removeEventListener('abort', onAbort);
      }
      return next;
    },
    return: end,
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
