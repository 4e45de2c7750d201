/**
 * Stripe's rate limits, against the emulator over loopback (src/stripe/shaper.ts):
 * - coalescing: 50 concurrent identical page-of-100 queries → upstream calls (target 1);
 * - shaping: twice STRIPE_MAX_RPS of distinct reads offered for a while, with the
 *   emulator playing Stripe's limiter (a token bucket) at exactly that rate → 429s the gateway met
 *   (target 0 beyond the first), reads failed (target 0), how long reads waited.
 */
import Stripe from 'stripe';
import { createHarness, type GqlResult, type Harness } from '../test/harness.js';
import { PAGE_QUERY } from './latency.js';
import { fixed, percentile, sleep, table, verdict } from './support.js';

export interface ShapingOptions {
  /** How long distinct reads are offered at twice the rate. */
  offerSeconds: number;
}

export const DEFAULT_SHAPING_OPTIONS: ShapingOptions = { offerSeconds: 10 };

/** What the emulator adds to the page-of-100 list, so the 50 queries overlap as they would while Stripe builds such a page. */
export const PAGE_LATENCY_MS = 500;
const CONCURRENT = 50;
/** Long enough for the backlog that offering twice the rate builds up (about offerSeconds) to drain without refusals. */
const QUEUE_MS = 15_000;

export interface ShapingReport {
  options: ShapingOptions;
  coalescing: { concurrent: number; upstreamCalls: number; failed: number };
  shaping: {
    rate: number;
    offered: number;
    failed: number;
    /** 429s the emulator (as Stripe's limiter) answered the gateway with. */
    upstream429: number;
    /** Reads whose error was RATE_LIMITED (none should be). */
    clientRateLimited: number;
    peakPerSecond: number;
    p50WaitMs: number;
    p99WaitMs: number;
  };
}

const failed = (results: readonly GqlResult<unknown>[]) => results.filter((r) => r.status !== 200 || r.errors?.length || !r.data).length;

async function coalescing(h: Harness): Promise<ShapingReport['coalescing']> {
  // Warmed up first: the first query of a document is compiled, the first upstream call opens a connection.
  await h.gql(PAGE_QUERY);
  h.emulator.faults.set([{ route: 'GET /v1/payouts', latencyMs: PAGE_LATENCY_MS }]);
  try {
    const { result, calls } = await h.upstreamCalls(() => Promise.all(Array.from({ length: CONCURRENT }, () => h.gql(PAGE_QUERY))));
    return { concurrent: CONCURRENT, upstreamCalls: calls.total, failed: failed(result) };
  } finally {
    h.emulator.faults.clear();
  }
}

async function shaping(h: Harness, options: ShapingOptions): Promise<ShapingReport['shaping']> {
  const rate = h.config.maxRequestsPerSecond;
  // Distinct reads: every demo payout and its balance transaction (480 ids).
  const stripe = new Stripe(h.config.stripeSecretKey, { httpClient: Stripe.createFetchHttpClient(h.emulator.fetch), maxNetworkRetries: 0 });
  const reads: { query: string; id: string }[] = [];
  for await (const payout of stripe.payouts.list({ limit: 100 })) {
    reads.push({ query: 'query ($id: ID!) { payout(id: $id) { id amount status } }', id: payout.id });
    if (typeof payout.balance_transaction === 'string') {
      reads.push({ query: 'query ($id: ID!) { balanceTransaction(id: $id) { id net } }', id: payout.balance_transaction });
    }
  }
  const offered = 2 * rate * options.offerSeconds;
  if (reads.length < offered) throw new Error(`${offered} distinct reads wanted, the demo data has ${reads.length}`);

  h.emulator.faults.set([{ route: '*', maxPerSecond: rate }]);
  const mark = h.emulator.requestLog.mark();
  try {
    const started = performance.now();
    const waits: number[] = [];
    const pending: Promise<GqlResult<unknown>>[] = [];
    for (let i = 0; i < offered; i++) {
      // On a fixed schedule, so a slow moment does not lower the offered rate.
      const due = started + (i * 1000) / (2 * rate);
      if (due > performance.now()) await sleep(due - performance.now());
      const sent = performance.now();
      pending.push(
        h.gql(reads[i].query, { id: reads[i].id }).then((res) => {
          waits.push(performance.now() - sent);
          return res;
        }),
      );
    }
    const results = await Promise.all(pending);
    const pace = h.emulator.requestLog.pace(mark);
    return {
      rate,
      offered,
      failed: failed(results),
      upstream429: pace.rateLimited,
      clientRateLimited: results.filter((r) => r.errors?.some((e) => e.extensions?.code === 'RATE_LIMITED')).length,
      peakPerSecond: pace.peakPerSecond,
      p50WaitMs: percentile(waits, 0.5),
      p99WaitMs: percentile(waits, 0.99),
    };
  } finally {
    h.emulator.faults.clear();
  }
}

/** A gateway with a test-mode key (so the test-mode default rate) over loopback to a demo emulator. */
export async function runShaping(options: ShapingOptions = DEFAULT_SHAPING_OPTIONS): Promise<ShapingReport> {
  const h = await createHarness({
    transport: 'loopback',
    emulator: { seed: 'demo' },
    // A test-mode key for its default STRIPE_MAX_RPS; the bench's requests carry no credential.
    env: { LOG_LEVEL: 'warn', STRIPE_SECRET_KEY: 'sk_test_BenchShaping', AUTH_DISABLED: 'true', STRIPE_MAX_QUEUE_MS: String(QUEUE_MS) },
  });
  try {
    return { options, coalescing: await coalescing(h), shaping: await shaping(h, options) };
  } finally {
    await h.close();
  }
}

export function shapingRows(r: ShapingReport): string[][] {
  const c = r.coalescing;
  const s = r.shaping;
  return [
    ['measure', 'measured', 'target', 'result'],
    [`coalescing: upstream calls for ${c.concurrent} concurrent identical page-of-100 queries`, String(c.upstreamCalls), '1', verdict(c.upstreamCalls === 1 && c.failed === 0)],
    [`coalescing: queries failed`, String(c.failed), '0', verdict(c.failed === 0)],
    [`shaping: Stripe 429s met by the gateway (${s.offered} distinct reads offered at ${2 * s.rate}/s, limit ${s.rate}/s)`, String(s.upstream429), '≤ 1', verdict(s.upstream429 <= 1)],
    ['shaping: reads failed', String(s.failed), '0', verdict(s.failed === 0)],
    ['shaping: reads answered RATE_LIMITED', String(s.clientRateLimited), '0', verdict(s.clientRateLimited === 0)],
    ['shaping: most upstream calls arriving within one second (jitter included)', String(s.peakPerSecond), '', ''],
    ['shaping: p50 / p99 wait (s)', `${fixed(s.p50WaitMs / 1000, 1)} / ${fixed(s.p99WaitMs / 1000, 1)}`, '', ''],
  ];
}

export function printShaping(r: ShapingReport): void {
  console.log(`\nStripe's rate limits (emulator over loopback; page list +${PAGE_LATENCY_MS} ms; reads offered for ${r.options.offerSeconds} s)\n`);
  console.log(table(shapingRows(r)));
}
