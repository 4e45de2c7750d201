/**
 * Fault injection per route, to prove a client's retries and timeouts.
 * `route` is 'METHOD /pattern' as in the request log (e.g. 'POST /v1/payouts') or '*'.
 */
export interface FaultRule {
  route: string;
  /** Added before the request is handled. */
  latencyMs?: number;
  /** Share (0..1) of matching requests answered 429 rate_limit without being handled. */
  rateLimit?: number;
  /**
   * Stripe's limiter, a token bucket: it holds this many requests' worth and refills at this
   * many per second; a matching request that finds it empty is answered 429.
   */
  maxPerSecond?: number;
  /** Seconds sent as `Retry-After` with this rule's 429 answers. */
  retryAfter?: number;
  /** Share (0..1) of matching requests answered 500 api_error without being handled. */
  serverError?: number;
  /** The next n matching requests are handled (the change is committed), then the connection is dropped. */
  dropAfterCommit?: number;
}

export interface FaultDecision {
  latencyMs: number;
  reject?: 429 | 500;
  /** With a 429: the `Retry-After` seconds to send. */
  retryAfter?: number;
  drop: boolean;
}

export interface Faults {
  /** Replaces all rules. */
  set(rules: FaultRule[]): void;
  add(rule: FaultRule): void;
  clear(): void;
  list(): FaultRule[];
  /** What to do to one request; consumes a dropAfterCommit slot when it applies. */
  decide(routeKey: string): FaultDecision;
}

export function createFaults(random: () => number = Math.random, now: () => number = () => performance.now()): Faults {
  let rules: FaultRule[] = [];
  /** Per maxPerSecond rule, its bucket: tokens left and when they were counted. */
  const buckets = new Map<FaultRule, { tokens: number; at: number }>();
  /** True when a maxPerSecond rule's bucket is empty; otherwise takes a token. */
  const overRate = (rule: FaultRule): boolean => {
    const size = rule.maxPerSecond!;
    const at = now();
    const bucket = buckets.get(rule) ?? { tokens: size, at };
    bucket.tokens = Math.min(size, bucket.tokens + ((at - bucket.at) / 1000) * size);
    bucket.at = at;
    buckets.set(rule, bucket);
    if (bucket.tokens < 1) return true;
    bucket.tokens -= 1;
    return false;
  };
  return {
    set(next) {
      rules = next.map((r) => ({ ...r }));
      buckets.clear();
    },
    add(rule) {
      rules.push({ ...rule });
    },
    clear() {
      rules = [];
      buckets.clear();
    },
    list: () => rules.map((r) => ({ ...r })),
    decide(routeKey) {
      const decision: FaultDecision = { latencyMs: 0, drop: false };
      for (const rule of rules) {
        if (rule.route !== '*' && rule.route !== routeKey) continue;
        decision.latencyMs += rule.latencyMs ?? 0;
        if (!decision.reject && ((rule.rateLimit && random() < rule.rateLimit) || (rule.maxPerSecond !== undefined && overRate(rule)))) {
          decision.reject = 429;
          decision.retryAfter = rule.retryAfter;
        }
        if (!decision.reject && rule.serverError && random() < rule.serverError) decision.reject = 500;
        if (!decision.reject && !decision.drop && rule.dropAfterCommit && rule.dropAfterCommit > 0) {
          rule.dropAfterCommit--;
          decision.drop = true;
        }
      }
      return decision;
    },
  };
}
