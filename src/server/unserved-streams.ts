import { isAsyncIterable, type Plugin } from 'graphql-yoga';

/**
 * Ends `result` if it is a stream (a subscription, an incremental answer) that nobody will read:
 * returning its iterator releases the subscription, which would otherwise stay open (and count
 * against the caller's subscriptions) until the process ends.
 */
export function endUnreadStream(result: unknown): void {
  if (isAsyncIterable(result)) void result[Symbol.asyncIterator]().return?.();
}

/**
 * Ends a subscription yoga cannot deliver. A subscription starts before yoga picks how to send
 * its result; when the client accepts none of the stream formats (a GET with `Accept:
 * application/json`, or `multipart/mixed`), yoga answers 406 and nobody ever reads the stream.
 * Registered after yoga's own result processors (every user plugin is), so it sees their choice.
 */
export function useUnservedStreamsEnded(): Plugin {
  return {
    onResultProcess({ result, resultProcessor }) {
      if (!resultProcessor) endUnreadStream(result);
    },
  };
}
