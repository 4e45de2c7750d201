/**
 * `npm run bench [-- part...] [flags]`: the gateway's benchmarks.
 * Parts: queries (upstream calls per query shape), latency (gateway vs direct SDK
 * call), auth (JWT verification's overhead), limits (document limits under attack: time to refusal,
 * upstream calls, a normal query's latency meanwhile), shaping (Stripe's rate limits: coalescing, shaping under
 * twice the rate), telemetry (metrics and tracing vs off), subscriptions (bench/subscriptions.ts, when present),
 * graphiql (compression and caching: GraphiQL's first-load and reload bytes, a page of 100 compressed and what
 * that costs). Default: all, and
 * BENCHMARKS.md is rewritten with the figures; a partial run only prints.
 * Flags:
 *   --quick                 fewer iterations (a smoke run; figures are noisier)
 *   --node-env=development  NODE_ENV for the gateway and direct processes (default production, as `npm start`)
 *   --cpu-prof[=dir]        V8 CPU profile of the gateway process (default bench/profiles)
 *   --no-write              never touch BENCHMARKS.md
 */
import { existsSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { printQueryShapes, runQueryShapes, type ShapeResult } from './queries.js';
import { DEFAULT_LATENCY_OPTIONS, printLatency, runLatency, type LatencyOptions, type LatencyReport } from './latency.js';
import { DEFAULT_LIMITS_OPTIONS, QUICK_LIMITS_OPTIONS, printLimits, runLimits, type LimitsOptions, type LimitsReport } from './limits.js';
import { DEFAULT_SHAPING_OPTIONS, printShaping, runShaping, type ShapingOptions, type ShapingReport } from './shaping.js';
import { renderBenchmarks, type SubscriptionFigures } from './report.js';
import { authRows, runAuth, type AuthFigures } from './auth.js';
import { graphiqlLoadRows, graphiqlPageRows, graphiqlTargetRows, runGraphiQL, type GraphiQLFigures } from './graphiql.js';
import { runTelemetry, telemetryRows, type TelemetryFigures } from './telemetry.js';
import { machine, sleep, table } from './support.js';

const PARTS = ['queries', 'latency', 'auth', 'telemetry', 'limits', 'shaping', 'graphiql', 'subscriptions'] as const;
type Part = (typeof PARTS)[number];

interface Args {
  parts: Part[];
  write: boolean;
  latency: LatencyOptions;
  limits: LimitsOptions;
  shaping: ShapingOptions;
}

function parseArgs(argv: string[]): Args {
  const parts: Part[] = [];
  const latency: LatencyOptions = { ...DEFAULT_LATENCY_OPTIONS, env: { ...DEFAULT_LATENCY_OPTIONS.env } };
  let limits = DEFAULT_LIMITS_OPTIONS;
  const shaping: ShapingOptions = { ...DEFAULT_SHAPING_OPTIONS };
  let write = true;
  for (const arg of argv) {
    const [flag, value] = arg.split('=', 2);
    if ((PARTS as readonly string[]).includes(arg)) parts.push(arg as Part);
    else if (flag === '--quick') {
      Object.assign(latency, { iterations: [60, 20], warmup: 10, loadMs: 1000 });
      limits = QUICK_LIMITS_OPTIONS;
      shaping.offerSeconds = 3;
    }
    else if (flag === '--node-env') latency.env.NODE_ENV = value ?? 'development';
    else if (flag === '--cpu-prof') latency.cpuProfileDir = value ?? fileURLToPath(new URL('./profiles', import.meta.url));
    else if (flag === '--no-write') write = false;
    else throw new Error(`unknown argument ${arg}; parts: ${PARTS.join(', ')}; flags: --quick --node-env=development --cpu-prof[=dir] --no-write`);
  }
  const all = parts.length === 0;
  // Figures from a variant (profiling, another NODE_ENV, quick) or a partial run are printed, not recorded.
  const variant =
    latency.cpuProfileDir !== undefined || latency.env.NODE_ENV !== DEFAULT_LATENCY_OPTIONS.env.NODE_ENV || argv.includes('--quick');
  return { parts: all ? [...PARTS] : parts, write: write && all && !variant, latency, limits, shaping };
}

const SUBSCRIPTIONS_BENCH = new URL('./subscriptions.ts', import.meta.url);
/** Keeps the whole bench within a few minutes. */
const SUBSCRIPTIONS_LIMIT_MS = 180_000;

/**
 * Runs the subscriptions helper's bench (its default export, or its first exported
 * `run…` function) and returns what it reports; null when absent or failing.
 */
async function runSubscriptions(): Promise<SubscriptionFigures | null> {
  if (!existsSync(fileURLToPath(SUBSCRIPTIONS_BENCH))) {
    console.log('\nsubscriptions: bench/subscriptions.ts is not there yet — skipped');
    return null;
  }
  try {
    const mod = (await import(SUBSCRIPTIONS_BENCH.href)) as Record<string, unknown>;
    const run = [mod.default, ...Object.entries(mod).filter(([name]) => name.startsWith('run')).map(([, v]) => v)].find(
      (v): v is () => unknown => typeof v === 'function',
    );
    if (!run) {
      console.log('\nsubscriptions: bench/subscriptions.ts exports no function to run — skipped');
      return null;
    }
    const figures = await run();
    console.log('\nSubscriptions\n');
    if (Array.isArray(figures) && figures.every((row) => row && typeof row === 'object')) console.table(figures);
    else console.log(JSON.stringify(figures, null, 2));
    return figures;
  } catch (err) {
    console.log(`\nsubscriptions: failed — ${err instanceof Error ? err.message : String(err)}`);
    return null;
  }
}

async function timed<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await fn();
  } finally {
    console.log(`(${name}: ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  }
}

const args = parseArgs(process.argv.slice(2));
const host = machine();
console.log(
  table([
    ['machine', ''],
    ['cores', String(host.cores)],
    ['CPU', host.cpuModel],
    ['Node', host.node],
    ['date', host.date],
    ['load average (1 min)', host.load.toFixed(2)],
  ]),
);

let shapes: ShapeResult[] | null = null;
let latency: LatencyReport | null = null;
let limits: LimitsReport | null = null;
let shaping: ShapingReport | null = null;
let subscriptions: SubscriptionFigures | null = null;
let auth: AuthFigures | null = null;
let graphiql: GraphiQLFigures | null = null;
let telemetry: TelemetryFigures | null = null;
let failed = false;

if (args.parts.includes('queries')) {
  shapes = await timed('queries', async () => {
    try {
      const results = await runQueryShapes();
      printQueryShapes(results);
      return results;
    } catch (err) {
      failed = true;
      console.error('queries bench failed:', err);
      return null;
    }
  });
}
if (args.parts.includes('latency')) {
  latency = await timed('latency', async () => {
    try {
      const report = await runLatency(args.latency);
      printLatency(report);
      return report;
    } catch (err) {
      failed = true;
      console.error('latency bench failed:', err);
      return null;
    }
  });
}
if (args.parts.includes('auth')) {
  auth = await timed('auth', async () => {
    try {
      const figures = await runAuth({ iterations: args.latency.iterations[0], warmup: args.latency.warmup, env: args.latency.env });
      console.log('\nAuthentication overhead: page of 100 payouts, JWT-verifying gateway vs open gateway\n');
      console.log(table(authRows(figures)));
      return figures;
    } catch (err) {
      failed = true;
      console.error('auth bench failed:', err);
      return null;
    }
  });
}
if (args.parts.includes('telemetry')) {
  telemetry = await timed('telemetry', async () => {
    try {
      const figures = await runTelemetry({ iterations: args.latency.iterations[0], warmup: args.latency.warmup, env: args.latency.env });
      console.log('\nTelemetry overhead: page of 100 payouts, metrics or tracing on vs both off\n');
      console.log(table(telemetryRows(figures)));
      return figures;
    } catch (err) {
      failed = true;
      console.error('telemetry bench failed:', err);
      return null;
    }
  });
}
if (args.parts.includes('limits')) {
  limits = await timed('limits', async () => {
    try {
      const report = await runLimits(args.limits);
      printLimits(report);
      return report;
    } catch (err) {
      failed = true;
      console.error('limits bench failed:', err);
      return null;
    }
  });
}
if (args.parts.includes('shaping')) {
  shaping = await timed('shaping', async () => {
    try {
      const report = await runShaping(args.shaping);
      printShaping(report);
      return report;
    } catch (err) {
      failed = true;
      console.error('shaping bench failed:', err);
      return null;
    }
  });
}
if (args.parts.includes('graphiql')) {
  graphiql = await timed('graphiql', async () => {
    try {
      const figures = await runGraphiQL({ iterations: args.latency.iterations[0], env: args.latency.env });
      console.log('\nCompression and caching: GraphiQL loads, and the page of 100 payouts compressed\n');
      console.log(table(graphiqlLoadRows(figures)));
      console.log('');
      console.log(table(graphiqlPageRows(figures)));
      console.log('');
      console.log(table(graphiqlTargetRows(figures)));
      return figures;
    } catch (err) {
      failed = true;
      console.error('graphiql bench failed:', err);
      return null;
    }
  });
}
const record = () => {
  if (!args.write || failed) return;
  const file = fileURLToPath(new URL('../BENCHMARKS.md', import.meta.url));
  writeFileSync(file, renderBenchmarks({ machine: host, shapes, latency, auth, telemetry, limits, shaping, graphiql, subscriptions }));
  console.log(`\nwrote ${file}`);
};
// Recorded before the subscriptions part too, so a slow or failing part loses nothing.
record();
if (args.parts.includes('subscriptions')) {
  subscriptions = await timed('subscriptions', () =>
    Promise.race([
      runSubscriptions(),
      sleep(SUBSCRIPTIONS_LIMIT_MS).then(() => {
        console.log(`\nsubscriptions: no result within ${SUBSCRIPTIONS_LIMIT_MS / 1000} s — stopped`);
        return null;
      }),
    ]),
  );
  if (subscriptions !== null) record();
}
if (!args.write) console.log('\nBENCHMARKS.md not updated (partial or variant run)');
// Exits even if a part left work behind (e.g. a subscriptions run past its limit): forked servers exit on disconnect.
process.exit(failed ? 1 : 0);
