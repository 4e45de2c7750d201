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
  /** Like Stripe's limiter: matching requests beyond this many within any one second are answered 429 (only admitted ones count). */
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

const WINDOW_MS = 1000;

export function createFaults(random: () => number = Math.random, now: () => number = () => performance.now()): Faults {
  let rules: FaultRule[] = [];
  /** Per maxPerSecond rule, when the requests it admitted arrived (within the last second). */
  const admitted = new Map<FaultRule, number[]>();
  /** True when a maxPerSecond rule turns this request away; otherwise counts it. */
  const overRate = (rule: FaultRule): boolean => {
    const at = now();
    const times = (admitted.get(rule) ?? []).filter((t) => t > at - WINDOW_MS);
    admitted.set(rule, times);
    if (times.length >= rule.maxPerSecond!) return true;
    times.push(at);
    return false;
  };
  return {
    set(next) {
      rules = next.map((r) => ({ ...r }));
      admitted.clear();
    },
    add(rule) {
      rules.push({ ...rule });
    },
    clear() {
      rules = [];
      admitted.clear();
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
