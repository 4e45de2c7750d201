import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { endingWhen } from './ending-stream.js';
import { isGraphQLWsContext } from './ws.js';

/**
 * Subscriptions over HTTP (SSE) end when the gateway drains: each stream completes as if its source
 * had (yoga sends `event: complete` and ends the response), so the client sees the stream end rather
 * than a cut socket. Only subscriptions: a query's @defer/@stream parts still arrive in full.
 * graphql-ws subscriptions are left to the WebSocket's close (1001), after which clients resubscribe
 * elsewhere; completing them would tell the client they were over.
 */
export function useSubscriptionsEndOnDrain(draining: AbortSignal): Plugin {
  const onDrain = (stop: () => void) => {
    if (draining.aborted) {
      stop();
      return () => {};
    }
    draining.addEventListener('abort', stop, { once: true });
    return () => draining.removeEventListener('abort', stop);
  };
  return {
    onSubscribe: ({ args }) =>
      isGraphQLWsContext(args.contextValue)
        ? undefined
        : {
            onSubscribeResult({ result, setResult }) {
              if (isAsyncIterable(result)) setResult(endingWhen(result, onDrain));
            },
          },
  };
}
