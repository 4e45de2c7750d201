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
  /** Share (0..1) of matching requests answered 500 api_error without being handled. */
  serverError?: number;
  /** The next n matching requests are handled (the change is committed), then the connection is dropped. */
  dropAfterCommit?: number;
}

export interface FaultDecision {
  latencyMs: number;
  reject?: 429 | 500;
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

export function createFaults(random: () => number = Math.random): Faults {
  let rules: FaultRule[] = [];
  return {
    set(next) {
      rules = next.map((r) => ({ ...r }));
    },
    add(rule) {
      rules.push({ ...rule });
    },
    clear() {
      rules = [];
    },
    list: () => rules.map((r) => ({ ...r })),
    decide(routeKey) {
      const decision: FaultDecision = { latencyMs: 0, drop: false };
      for (const rule of rules) {
        if (rule.route !== '*' && rule.route !== routeKey) continue;
        decision.latencyMs += rule.latencyMs ?? 0;
        if (!decision.reject && rule.rateLimit && random() < rule.rateLimit) decision.reject = 429;
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
