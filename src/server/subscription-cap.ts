import type { IncomingMessage } from 'node:http';
import { GraphQLError } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import type { Context } from '../context.js';
import { rateLimitKey } from './rate-limit.js';
import { refuse } from './cost.js';

/**
 * At most `max` live subscriptions per principal (anonymous: per client address) on this instance,
 * over graphql-ws and SSE together. Each event a subscription delivers may cost upstream calls
 * (priced at subscribe time against MAX_UPSTREAM_CALLS): this bounds how many such streams one
 * caller can hold open. One more is refused with TOO_MANY_SUBSCRIPTIONS before it starts.
 */
export function useSubscriptionCap(max: number): Plugin<Context> {
  const live = new Map<string, number>();
  const release = (key: string) => {
    const left = (live.get(key) ?? 1) - 1;
    if (left > 0) live.set(key, left);
    else live.delete(key);
  };
  return {
    onSubscribe(payload) {
      const ctx = payload.args.contextValue;
      const key = rateLimitKey(ctx.principal, (ctx as { req?: IncomingMessage }).req);
      const count = live.get(key) ?? 0;
      if (count >= max) {
        refuse(
          payload,
          new GraphQLError(`Too many subscriptions: at most ${max} open at once per caller; end one first.`, {
            extensions: { code: 'TOO_MANY_SUBSCRIPTIONS', max, http: { status: 429 } },
          }),
        );
        return;
      }
      live.set(key, count + 1);
      return {
        onSubscribeResult({ result }) {
          // envelop calls onEnd once the stream finishes, fails or its subscriber leaves.
          if (isAsyncIterable(result)) return { onEnd: () => release(key) };
          release(key);
          return undefined;
        },
      };
    },
  };
}
