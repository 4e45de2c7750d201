import type { IncomingMessage } from 'node:http';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Config } from '../config.js';
import type { Context } from '../context.js';
import type { Principal } from '../auth/principal.js';
import { refuse, type GatePayload } from './cost.js';

/** Upstream calls each principal may spend per window. */
export interface UpstreamRateLimiter {
  /** Spends `calls` of `key`'s window; when they don't fit, spends nothing and says how long until the window resets. */
  spend(key: string, calls: number): Promise<{ allowed: true } | { allowed: false; retryAfterS: number }>;
  close(): Promise<void>;
}

/**
 * rate-limiter-flexible's window per key: RATE_LIMIT_CALLS points per RATE_LIMIT_WINDOW_S,
 * the window starting with a key's first spend. In memory, or in Redis when config.redisUrl
 * is set so every instance spends from the same budget.
 *
 * Redis failure: the limiter fails over to a budget per instance in memory (rate-limiter-flexible's
 * insurance limiter) rather than refusing everything or letting everything through. Refusing would
 * turn a Redis outage into a gateway outage; letting everything through would remove the very
 * protection of Stripe's account-wide rate limit. With per-instance budgets a principal may spend at
 * most one budget per instance until Redis is back, and each request is still held to MAX_UPSTREAM_CALLS.
 */
export function createRateLimiter(config: Config, log: Logger, opts: { keyPrefix: string }): UpstreamRateLimiter {
  const limits = { points: config.rateLimitCalls, duration: config.rateLimitWindowS, keyPrefix: `${opts.keyPrefix}rate-limit` };
  let limiter: RateLimiterAbstract = new RateLimiterMemory(limits);
  let redis: Redis | undefined;
  if (config.redisUrl) {
    // No offline queue: while Redis is unreachable a spend fails at once (and falls over) instead of waiting.
    redis = new Redis(config.redisUrl, { enableOfflineQueue: false, connectionName: limits.keyPrefix });
    redis.on('error', (err: Error) => log.warn({ err: err.message }, 'rate limit: Redis unavailable, budgets are per instance meanwhile'));
    limiter = new RateLimiterRedis({ ...limits, storeClient: redis, rejectIfRedisNotReady: true, insuranceLimiter: new RateLimiterMemory(limits) });
  }
  return {
    async spend(key, calls) {
      try {
        await limiter.consume(key, calls);
        return { allowed: true };
      } catch (res) {
        if (!(res instanceof RateLimiterRes)) throw res;
        // consume() counts a refused spend too; it makes no upstream call, so it gives the calls back.
        await limiter.reward(key, calls);
        return { allowed: false, retryAfterS: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) };
      }
    },
    async close() {
      await redis?.quit().catch(() => redis?.disconnect());
    },
  };
}

/**
 * Whose budget a request spends: an authenticated principal's own (by kind and name),
 * or for anonymous callers their client address (the TCP peer; the gateway trusts no
 * X-Forwarded-For). graphql-ws passes its upgrade request as `req` too (ws.ts).
 */
export function rateLimitKey(principal: Principal, req: IncomingMessage | undefined): string {
  if (principal.kind !== 'anonymous') return `${principal.kind}:${principal.name}`;
  return `anonymous:${req?.socket.remoteAddress ?? 'unknown'}`;
}

/**
 * The per-principal rate limit, in upstream calls. Runs after the cost gate (server/cost.ts),
 * before execution: spends the operation's estimated calls from its principal's window, or,
 * when they don't fit, refuses it with RATE_LIMITED, HTTP 429 and Retry-After (seconds),
 * without executing anything. Operations estimated at no upstream call spend nothing.
 */
export function useRateLimit(limiter: UpstreamRateLimiter): Plugin<Context> {
  const gate = async (payload: GatePayload): Promise<void> => {
    const ctx = payload.args.contextValue;
    const calls = ctx.upstream.estimated;
    if (!calls) return;
    // yoga's node server context (and ws.ts) put the node request in the context as `req`.
    const verdict = await limiter.spend(rateLimitKey(ctx.principal, (ctx as { req?: IncomingMessage }).req), calls);
    if (verdict.allowed) return;
    refuse(
      payload,
      new GraphQLError(`Rate limit reached: this caller has spent its upstream calls for now; try again in ${verdict.retryAfterS} s.`, {
        extensions: {
          code: 'RATE_LIMITED',
          retryAfter: verdict.retryAfterS,
          http: { status: 429, headers: { 'Retry-After': String(verdict.retryAfterS) } },
        },
      }),
    );
  };
  return { onExecute: gate, onSubscribe: gate };
}
