import type { IncomingMessage } from 'node:http';
import type { Plugin } from 'graphql-yoga';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { ANONYMOUS } from '../auth/principal.js';
import { rateLimitKey } from './rate-limit.js';
import type { VerifiedPrincipals } from './auth.js';
import { errorResponse } from './error-response.js';

/**
 * Requests per second per principal (or client address), checked when a request arrives, before its
 * body is read: what keeps one client's flood of documents that are refused anyway (too deep, too
 * large, too expensive: each costs a parse and a validation) from taking this instance's CPU from
 * everyone else. The budget of upstream calls (rate-limit.ts) cannot: a refused document spends none.
 * A refused request (400, 413: a document over a limit, a malformed body) counts REFUSAL_WEIGHT
 * times: a client sending what the gateway refuses is slowed to a few per second, one that sends
 * valid requests is not. It guards this instance's CPU, so it is counted per instance, in memory
 * (no Redis round trip per request).
 */
/** What a refused request costs of its caller's per-second budget. */
export const REFUSAL_WEIGHT = 10;

export function useRequestRate(opts: { perSecond: number; graphqlEndpoint: string; verified: VerifiedPrincipals }): Plugin {
  const limiter = new RateLimiterMemory({ points: opts.perSecond, duration: 1 });
  // After authentication: a principal's requests count as its own, anonymous ones per address.
  const keyOf = (request: Request, serverContext: unknown) =>
    rateLimitKey(opts.verified.get(request) ?? ANONYMOUS, (serverContext as { req?: IncomingMessage }).req);
  return {
    async onResponse({ request, response, serverContext }) {
      if (response.status !== 400 && response.status !== 413) return;
      if (new URL(request.url).pathname !== opts.graphqlEndpoint) return;
      await limiter.penalty(keyOf(request, serverContext), REFUSAL_WEIGHT - 1);
    },
    async onRequest({ request, url, serverContext, endResponse, fetchAPI }) {
      if (url.pathname !== opts.graphqlEndpoint || request.method === 'OPTIONS') return;
      const key = keyOf(request, serverContext);
      try {
        await limiter.consume(key);
      } catch (res) {
        if (!(res instanceof RateLimiterRes)) throw res;
        const retryAfter = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
        const message = `Too many requests: at most ${opts.perSecond} per second per caller; try again in ${retryAfter} s.`;
        endResponse(errorResponse(fetchAPI, 429, message, { code: 'RATE_LIMITED', retryAfter }, { 'retry-after': String(retryAfter) }));
      }
    },
  };
}
