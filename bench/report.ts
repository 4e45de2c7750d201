/** BENCHMARKS.md, rendered from one full `npm run bench`. */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { queryShapeRows, type ShapeResult } from './queries.js';
import { CPU_TARGET, latencyRows, latencyTarget, targetRows, type LatencyReport } from './latency.js';
import { ATTACKED_LATENCY_TARGET, REFUSAL_TARGET_MS, limitsRows, limitsTargetRows, type LimitsReport } from './limits.js';
import { PAGE_LATENCY_MS, shapingRows, type ShapingReport } from './shaping.js';
import { fixed, markdownTable, ratio, type Machine } from './support.js';
import { authRows, type AuthFigures } from './auth.js';
import { graphiqlLoadRows, graphiqlPageRows, graphiqlTargetRows, type GraphiQLFigures } from './graphiql.js';
import { telemetryRows, type TelemetryFigures } from './telemetry.js';

/** Whatever bench/subscriptions.ts reports. */
export type SubscriptionFigures = unknown;

export interface BenchFigures {
  machine: Machine;
  shapes: ShapeResult[] | null;
  latency: LatencyReport | null;
  auth: AuthFigures | null;
  telemetry: TelemetryFigures | null;
  limits: LimitsReport | null;
  shaping: ShapingReport | null;
  graphiql: GraphiQLFigures | null;
  subscriptions: SubscriptionFigures | null;
}

function machineSection(m: Machine): string {
  return `## Machine

| | |
|---|---|
| cores (\`nproc\`) | ${m.cores} |
| CPU | ${m.cpuModel} |
| Node | ${m.node} |
| date | ${m.date} |
| load average when the run started | ${m.load.toFixed(2)} |

The machine is shared: with a load average above the core count, other processes compete for the CPU and every
timing is inflated and noisy (±25% between runs is usual here). Ratios measured in the same run are steadier than absolute figures.`;
}

function shapesSection(shapes: ShapeResult[] | null): string {
  if (!shapes) return '## 1. Upstream calls per query\n\nNot measured in this run.';
  const rows = queryShapeRows(shapes).map((row, i) => [...row, i === 0 ? 'why that minimum' : shapes[i - 1].why]);
  const missed = shapes.filter((s) => !s.pass);
  return `## 1. Upstream calls per query

The emulator, seeded with demo data (plus 4 payout reversals so that \`originalPayout\` is not always null), counts every
request the gateway sends while answering one query over loopback (\`requestLog.mark()\` / \`since()\`).

- **actual**: requests the emulator received for the query.
- **minimum**: the fewest requests Stripe's API allows for the same data — one list or retrieve per root field with
  every nested object expanded (\`expand[]\`, up to 4 levels); one retrieve per *distinct* id for node lookups (Stripe has
  no batch get); plus one retrieve per distinct financial account for outbound payments (\`financial_account\` is not expandable there).
- **naive**: what a resolver-per-field gateway without DataLoader or \`expand\` would send: one request per root field
  (or per id in a node lookup), plus one per nested object occurrence in the response (counted from the response).
  Reversals are embedded in their transfer, so they cost a naive gateway nothing extra.
- **target**: actual = minimum for every shape.

${markdownTable(rows)}

${missed.length ? `Missed: ${missed.map((s) => `${s.name} (${s.actual} calls: ${JSON.stringify(s.byRoute)})`).join('; ')}.` : 'Every shape is at its minimum.'}`;
}

function latencySection(report: LatencyReport | null): string {
  if (!report) return '## 2. Latency, throughput and CPU\n\nNot measured in this run.';
  const o = report.options;
  const zero = report.runs.find((r) => r.upstreamMs === 0);
  const slow = report.runs.find((r) => r.upstreamMs > 0);
  const missed = targetRows(report).slice(1).filter((r) => r[2] === 'MISS').map((r) => r[0]);
  return `## 2. Latency, throughput and CPU: page of 100 payouts

Query: \`payouts(first: 100)\` with every payout field and its \`balanceTransaction\` (all fields), i.e. one upstream
call \`GET /v1/payouts?limit=100&expand[]=data.balance_transaction\`. **Direct** is that same SDK call —
\`stripe.payouts.list({ limit: 100, expand: ['data.balance_transaction'] })\` followed by \`JSON.stringify\` — served by
a bare \`node:http\` server. Both read the same emulator in the same run; the emulator adds 0 ms, then ${slow?.upstreamMs ?? 50} ms
to every request (its latency fault). Emulator, gateway and direct server are **separate processes** (\`bench/server.ts\`,
forked, gateway and direct with \`NODE_ENV=production\` as \`npm start\` runs), and the bench process is the client, so each
system's CPU time is its own. The gateway runs queries compiled by graphql-jit (\`src/server/jit.ts\`).

- **p50 / p99**: sequential latency, one client, ${o.iterations[0]} requests per system at 0 ms and ${o.iterations[1]} at
  ${slow?.upstreamMs ?? 50} ms, after ${o.warmup} warm-up requests; gateway and direct requests alternate so both see the same
  machine noise. With ${o.iterations[1]} samples p99 is close to the maximum.
- **req/s**: ${o.concurrency} concurrent clients, two rounds of ${o.loadMs / 1000} s per system (alternating).
- **CPU ms/req**: user + system CPU time (\`process.cpuUsage()\` deltas) of the system's own process over every measured
  request (sequential and load). The direct figure includes its small \`node:http\` server (≈0.06 ms).
- **body KB**: the response size (the gateway's is the GraphQL response; it is larger mainly because of ISO dates, the
  \`…Raw\` enum twins and the edges/node envelope).
- The **gateway/direct** rows give p50 and p99 ratios, the throughput ratio direct/gateway, and the CPU ratio gateway/direct.

${markdownTable(latencyRows(report))}

Emulator CPU per upstream request (the same for both systems): ${report.runs.map((r) => `${fixed(r.emulatorCpuMs)} ms at ${r.upstreamMs} ms`).join(', ')}.

### Targets

${markdownTable(targetRows(report))}

${
  missed.length === 0
    ? 'Every target is met.'
    : `Missed: ${missed.join('; ')}. Why (the history below has the profiles behind this):

- The gateway spends ${zero ? fixed(zero.gateway.cpuMs) : 'n/a'} ms of CPU per request against ${zero ? fixed(zero.direct.cpuMs) : 'n/a'} ms for
  the direct call (${zero ? ratio(zero.gateway.cpuMs / zero.direct.cpuMs) : 'n/a'}; target ≤ ${CPU_TARGET}×). Both pay for the SDK
  (JSON.parse of the ~100 KB page); the gateway also runs the compiled query over ~6,500 field values (about 65 per payout
  with its balance transaction). Views (\`src/schema/plugins/views.ts\`) hold every plain field under its GraphQL name, so only two
  resolvers run per payout (the edge's node, the expanded balance transaction), but each value still passes a serializer:
  400 timestamps formatted as ISO strings, ~900 enum values. The result it stringifies and writes is about 30% larger
  (ISO dates, the \`…Raw\` and \`…Id\` twins this query selects, the edges/node envelope), and yoga's request handling adds
  about 0.25 ms.
- At 0 ms upstream that CPU *is* the latency, so the p50 ratio (${zero ? ratio(zero.gateway.p50 / zero.direct.p50) : 'n/a'}, target ≤ ${latencyTarget(0)}×)
  follows the CPU ratio. At ${slow?.upstreamMs ?? 50} ms the upstream wait hides part of it, but the gateway's extra CPU time is
  still added to every request (${slow ? ratio(slow.gateway.p50 / slow.direct.p50) : 'n/a'}, target ≤ ${latencyTarget(slow?.upstreamMs ?? 50)}×),
  and more so on a loaded machine where that CPU time waits for a core.
- Already done: NODE_ENV=production, graphql-jit for single-query documents, views (fields read as properties, not
  resolved), expandable fields resolved synchronously, DateTime formatted by arithmetic, cursors encoded only when read,
  loaders that walk primed objects only when a load needs them, \`expand[]\` paths computed once per compiled query, request
  bodies checked by their \`Content-Length\`, results encoded to UTF-8 once. What remains is the GraphQL envelope itself
  (yoga's request handling, leaf serialization, GC, the larger response); ≤ ${CPU_TARGET}× CPU would need a result serializer
  that writes the response without building it first.`
}`;
}

function authSection(f: AuthFigures | null): string {
  if (!f) return '## Authentication overhead\n\nNot measured in this run.';
  return `## Authentication overhead: page of 100 payouts

Two gateway processes on one emulator, one open and one verifying a JWT against a JWKS served on loopback by the bench
(RS256, the token sent with every request); ${f.iterations} requests each, interleaved, after warm-up. Verified tokens are
cached until they expire, so after the first request a token costs a map lookup, not a signature check.

${markdownTable(authRows(f))}`;
}

function telemetrySection(f: TelemetryFigures | null): string {
  if (!f) return '## Metrics and tracing overhead\n\nNot measured in this run.';
  return `## Metrics and tracing overhead: page of 100 payouts

Three gateway processes on one emulator: metrics and tracing off, Prometheus metrics on (tracing off), and tracing on
(metrics off; spans batched and posted as OTLP/HTTP to a sink in the bench process); ${f.iterations} requests each,
interleaved, after warm-up.

${markdownTable(telemetryRows(f))}`;
}

function limitsSection(report: LimitsReport | null): string {
  if (!report) return '## 4. Document limits under attack\n\nNot measured in this run.';
  const missed = limitsTargetRows(report).slice(1).filter((r) => r[2] === 'MISS').map((r) => r[0]);
  return `## 4. Document limits under attack

The attacks of the Limits issue against a gateway process with the default limits (\`src/server/document-limits.ts\`).
Every attack document is made unique by a trailing comment, so yoga's parse and validation caches never answer for it.

- **refusal p50 / p99**: ${report.options.iterations} sequential attacks of the class, one client, after ${report.options.warmup} warm-up; the
  answer is HTTP 400 with the code shown. **upstream calls**: requests the emulator received meanwhile.
- **normal p50 quiet / under attack**: ${report.options.iterations} sequential page-of-100-payouts queries (the latency bench's query)
  with nobody else, then while a second client sends the attack class back to back. Targets: refusal < ${REFUSAL_TARGET_MS} ms with
  0 upstream calls; normal p50 under attack ≤ ${ATTACKED_LATENCY_TARGET}× quiet.

${markdownTable(limitsRows(report))}

${markdownTable(limitsTargetRows(report))}

${missed.length ? `Missed: ${missed.join('; ')}.` : 'Every target is met.'}`;
}

function shapingSection(report: ShapingReport | null): string {
  if (!report) return "## 5. Stripe's rate limits\n\nNot measured in this run.";
  const s = report.shaping;
  return `## 5. Stripe's rate limits

The gateway over loopback to a demo emulator, with a test-mode key (so \`STRIPE_MAX_RPS\` is its test-mode default,
${s.rate}/s) and \`STRIPE_MAX_QUEUE_MS=15000\`.

- **Coalescing**: ${report.coalescing.concurrent} identical page-of-100 queries (the latency query above) sent at once; the
  emulator takes ${PAGE_LATENCY_MS} ms longer over the list, so they overlap as they would while Stripe builds such a page. Counted by the request log.
- **Shaping**: ${s.offered} distinct reads (\`payout(id:)\` and \`balanceTransaction(id:)\`, one upstream call each) offered
  at ${2 * s.rate}/s for ${report.options.offerSeconds} s, while the emulator plays Stripe's limiter at exactly ${s.rate}/s (fault rule
  \`maxPerSecond\`: a token bucket of ${s.rate} refilled at ${s.rate}/s; a request that finds it empty gets 429). The gateway
  queues what it cannot start yet, so reads wait up to about the time the backlog takes to drain (${report.options.offerSeconds} s
  at twice the rate); the wait is the read's latency as its client saw it. The busiest second is counted at the emulator's
  arrival times: on a loaded machine, calls started a little more than a second apart can arrive a little less apart.

${markdownTable(shapingRows(report))}`;
}

function graphiqlSection(f: GraphiQLFigures | null): string {
  if (!f) return '## 6. Compression and caching\n\nNot measured in this run.';
  return `## 6. Compression and caching

A gateway process per Accept-Encoding, over loopback; bytes are status line, headers and body as received (node:http,
which neither asks for compression nor decodes it). **First load**: GraphiQL's page, every file it and its start-up
script name (script, styles, icon, Monaco's three workers) and the introspection query GraphiQL sends on start.
**Cold** is the first load a fresh process serves (each file compressed on demand, then kept); **warm** any later one.
**Reload**: what a browser transfers again: its cached files are immutable, so not asked for; the ~1 KB page is fetched
again (GraphiQL's POSTs to the same URL evict it from the browser's cache), and the introspection runs again. A
revalidation of the page alone is a 304 of the size shown.

${markdownTable(graphiqlLoadRows(f))}

The page of 100 payouts (the latency bench's query), ${f.iterations} sequential requests per coding in alternating blocks;
**CPU** is the gateway process's user + system time per request, compression included.

${markdownTable(graphiqlPageRows(f))}

${markdownTable(graphiqlTargetRows(f))}`;
}

const SUBSCRIPTIONS_SETUP = `Figures reported by bench/subscriptions.ts: subscribers are real graphql-ws clients in a forked process, the
gateway runs in the bench process, loopback only; latency runs from posting a signed webhook to each client's receipt of the
event. All subscribers watch one payout with the same operation, so they share one stream: each event is executed once and
written to 1,000 sockets (see the history below for what that costs on its own). In brackets, per event, from posting the
webhook to the gateway's last socket write of that event (counted in the bench process, where the gateway runs): the
gateway's own share of the delivery time.

The absolute milliseconds swing with the machine, so each latency phase also measures a baseline in the same run: a plain
\`ws\` server in the bench process with 1,000 more graphql-ws clients in the same client process, which sends the gateway's
own serialized \`next\` message (byte for byte, but for the event id) to all of them, one \`send\` per socket as ws's
README broadcasts. Gateway events and bare broadcasts alternate, 250 ms apart, so both see the same machine. The
÷ rows give the gateway's webhook → delivery p50 and p99 over the bare broadcast's start → delivery (target p99 ≤ 1.5×).`;

function subscriptionsSection(figures: SubscriptionFigures | null): string {
  if (figures === null || figures === undefined) {
    return '## 3. Subscriptions\n\nNot measured in this run (bench/subscriptions.ts absent or failed).';
  }
  if (Array.isArray(figures) && figures.length > 0 && figures.every((r) => r && typeof r === 'object' && !Array.isArray(r))) {
    const keys = [...new Set(figures.flatMap((r) => Object.keys(r as object)))];
    const rows = [keys, ...figures.map((r) => keys.map((k) => String((r as Record<string, unknown>)[k] ?? '')))];
    return `## 3. Subscriptions\n\n${SUBSCRIPTIONS_SETUP}\n\n${markdownTable(rows)}`;
  }
  return `## 3. Subscriptions\n\nFigures reported by bench/subscriptions.ts:\n\n\`\`\`json\n${JSON.stringify(figures, null, 2)}\n\`\`\``;
}

export function renderBenchmarks(f: BenchFigures): string {
  return `# Benchmarks

Produced by \`npm run bench\` (about 2–3 minutes; loopback only; it starts and stops its own processes).
Run one part with \`npm run bench -- queries\`, \`-- latency\`, \`-- auth\`, \`-- telemetry\`, \`-- limits\`, \`-- shaping\`, \`-- graphiql\` or \`-- subscriptions\`; \`--quick\` for a smoke run,
\`--node-env=development\` or \`--cpu-prof\` for variants (variants and partial runs only print; a full run rewrites this file).

${machineSection(f.machine)}

${shapesSection(f.shapes)}

${latencySection(f.latency)}

${authSection(f.auth)}

${telemetrySection(f.telemetry)}

${subscriptionsSection(f.subscriptions)}

${limitsSection(f.limits)}

${shapingSection(f.shaping)}

${graphiqlSection(f.graphiql)}
${history()}`;
}

/** bench/HISTORY.md, kept by hand: how the figures moved, step by step. */
function history(): string {
  const file = fileURLToPath(new URL('./HISTORY.md', import.meta.url));
  return existsSync(file) ? `\n${readFileSync(file, 'utf8')}` : '';
}
