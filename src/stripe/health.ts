import Stripe from 'stripe';

/** Whether the upstream answers with a valid key; `reason` is a fixed phrase (never a Stripe message: a 401's names the key). */
export type UpstreamStatus = { ok: true } | { ok: false; reason: string };

export interface UpstreamHealth {
  /**
   * Ready when the upstream's latest answer accepted the key and is at most `maxAgeMs` old. Otherwise
   * one probe (`GET /v1/payouts?limit=1`) is made, shared by every caller meanwhile and at most once per
   * `probeIntervalMs`, so a readiness probe never turns into one upstream call per request.
   */
  check(): Promise<UpstreamStatus>;
  /** Stops listening to the client's responses. */
  close(): void;
}

export interface UpstreamHealthOptions {
  maxAgeMs: number;
  probeIntervalMs: number;
  /** The platform's options (STRIPE_ACCOUNT), as the gateway's own calls use them. */
  requestOptions: Stripe.RequestOptions;
  now?: () => number;
}

/** A probe waits this long at most: readiness probes time out in seconds. */
const PROBE_TIMEOUT_MS = 2_000;

const REFUSED_KEY = 'upstream refused the API key (401)';

/**
 * Upstream readiness from the traffic the gateway makes anyway (the SDK's `response` events): any
 * answer but a 401 shows Stripe is reachable and accepts the key (a 403 or 404 still does), a 401
 * shows it does not. A 5xx or a network error from a probe makes the gateway not ready; from
 * traffic it is left to the next probe, so one failing endpoint does not flap readiness.
 */
export function createUpstreamHealth(stripe: Stripe, opts: UpstreamHealthOptions): UpstreamHealth {
  const now = opts.now ?? Date.now;
  let lastOkAt = -Infinity;
  /** Why the latest answer was not good; cleared by a good one. */
  let failure: string | undefined = 'no answer from the upstream yet';
  let lastProbeAt = -Infinity;
  let probing: Promise<void> | undefined;

  const record = (status: number) => {
    if (status === 401) failure = REFUSED_KEY;
    else if (status < 500) {
      lastOkAt = now();
      failure = undefined;
    }
  };
  const onResponse = (event: Stripe.ResponseEvent) => record(event.status);
  stripe.on('response', onResponse);

  const probe = async () => {
    lastProbeAt = now();
    try {
      await stripe.payouts.list({ limit: 1 }, { ...opts.requestOptions, timeout: PROBE_TIMEOUT_MS, maxNetworkRetries: 0 });
    } catch (err) {
      // A 401 or another 4xx was recorded by onResponse already.
      const status = err instanceof Stripe.errors.StripeError ? err.statusCode : undefined;
      if (status === undefined) failure = err instanceof Stripe.errors.StripeConnectionError ? 'upstream unreachable' : 'upstream probe failed';
      else if (status >= 500) failure = `upstream error (${status})`;
    }
  };

  const fresh = () => failure === undefined && now() - lastOkAt <= opts.maxAgeMs;

  return {
    async check() {
      if (!fresh() && !probing && now() - lastProbeAt >= opts.probeIntervalMs) {
        probing = probe().finally(() => (probing = undefined));
      }
      if (!fresh()) await probing;
      if (fresh()) return { ok: true };
      return { ok: false, reason: failure ?? `no answer from the upstream in ${opts.maxAgeMs} ms` };
    },
    close: () => stripe.off('response', onResponse),
  };
}
