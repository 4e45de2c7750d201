import { useReadinessCheck, type Plugin } from 'graphql-yoga';

/** Readiness: whether a load balancer should send this instance traffic. `/healthz` stays liveness only. */
export const READY_PATH = '/readyz';

/** One dependency /readyz asks about: resolves with undefined when fine, else why not (a fixed phrase, no secret). */
export interface ReadinessCheck {
  readonly name: string;
  run(): Promise<string | undefined>;
}

/**
 * GET /readyz (yoga's readiness-check plugin): 200 `{"ready":true,"checks":{…:"ok"}}` when every
 * check passes, else 503 naming the failing ones. While the gateway drains it answers 503 at once,
 * without asking anything.
 */
export function useReadiness(opts: { draining: AbortSignal; checks: readonly ReadinessCheck[] }): Plugin {
  return useReadinessCheck({
    endpoint: READY_PATH,
    check: async ({ fetchAPI }) => {
      const checks: Record<string, string> = {};
      if (opts.draining.aborted) checks.shutdown = 'draining';
      else {
        checks.shutdown = 'ok';
        const outcomes = await Promise.all(opts.checks.map((check) => check.run().catch(() => 'check failed')));
        opts.checks.forEach((check, i) => (checks[check.name] = outcomes[i] ?? 'ok'));
      }
      const ready = Object.values(checks).every((outcome) => outcome === 'ok');
      return fetchAPI.Response.json({ ready, checks }, { status: ready ? 200 : 503, headers: { 'cache-control': 'no-store' } });
    },
  });
}
