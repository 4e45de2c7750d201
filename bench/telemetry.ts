/**
 * What metrics and traces cost per request: the page-of-100 query through three gateways against
 * one emulator, in separate processes, requests interleaved so all see the same noise: everything
 * off, Prometheus metrics on (tracing off), and tracing on (metrics off), its spans batched and
 * posted as OTLP/HTTP to a sink in this process, as they would be to a collector.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PAGE_QUERY, expectOk, spawnServer, type Child, type Send } from './latency.js';
import { createHttpClient, fixed, percentile, ratio, verdict } from './support.js';

interface Figures {
  p50: number;
  p99: number;
  cpuMs: number;
}

export interface TelemetryFigures {
  iterations: number;
  off: Figures;
  metrics: Figures;
  tracing: Figures;
  /** Spans the sink received (proof that tracing was on). */
  spansExported: number;
}

/** The target: p50 with metrics on (tracing off) ≤ 1.05× everything off. */
export const TELEMETRY_TARGET = 1.05;

/** An OTLP/HTTP endpoint that accepts span batches and counts the spans in them. */
async function startSink(): Promise<{ url: string; spans(): number; close(): Promise<void> }> {
  let spans = 0;
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      spans += (body.match(/"spanId"/g) ?? []).length;
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    spans: () => spans,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Sequential latencies of several systems, interleaved request by request, each round starting with the next system (no system always goes first). */
async function interleaved(sends: Send[], iterations: number, warmup: number): Promise<number[][]> {
  for (let i = 0; i < warmup; i++) for (const send of sends) expectOk(await send());
  const times = sends.map((): number[] => []);
  for (let i = 0; i < iterations; i++) {
    for (let j = 0; j < sends.length; j++) {
      const k = (i + j) % sends.length;
      const started = performance.now();
      expectOk(await sends[k]());
      times[k].push(performance.now() - started);
    }
  }
  return times;
}

export async function runTelemetry(opts: { iterations: number; warmup: number; env: Record<string, string> }): Promise<TelemetryFigures> {
  const sink = await startSink();
  const client = createHttpClient(4);
  const children: Child[] = [];
  try {
    const emulator = await spawnServer('emulator', undefined, {});
    children.push(emulator);
    const gateways = await Promise.all([
      spawnServer('gateway', emulator.url, opts.env, [], { METRICS_ON_MAIN_PORT: 'false' }),
      spawnServer('gateway', emulator.url, opts.env, [], { METRICS_ON_MAIN_PORT: 'true' }),
      spawnServer('gateway', emulator.url, opts.env, [], { METRICS_ON_MAIN_PORT: 'false', OTEL_EXPORTER_OTLP_ENDPOINT: sink.url }),
    ]);
    children.push(...gateways);
    const body = JSON.stringify({ query: PAGE_QUERY });
    const sends = gateways.map(
      (g): Send =>
        () =>
          client.send(`${g.url}/graphql`, { method: 'POST', body, headers: { 'content-type': 'application/json', accept: 'application/json' } }),
    );

    await interleaved(sends, 0, opts.warmup);
    const before = await Promise.all(gateways.map((g) => g.cpuMs()));
    const times = await interleaved(sends, opts.iterations, 0);
    const after = await Promise.all(gateways.map((g) => g.cpuMs()));
    // Metrics really were collected, and only where on.
    const scraped = await client.send(`${gateways[1].url}/metrics`, { method: 'GET' });
    if (scraped.status !== 200 || !scraped.body.includes('gateway_graphql_operation_duration_seconds_count')) throw new Error('the metrics gateway served no metrics');
    if ((await client.send(`${gateways[0].url}/metrics`, { method: 'GET' })).status !== 404) throw new Error('the gateway with metrics off served /metrics');
    const [off, metrics, tracing] = times.map((t, k) => ({ p50: percentile(t, 0.5), p99: percentile(t, 0.99), cpuMs: (after[k] - before[k]) / opts.iterations }));
    // Stopping the tracing gateway flushes its last batch.
    await gateways[2].stop();
    return { iterations: opts.iterations, off, metrics, tracing, spansExported: sink.spans() };
  } finally {
    client.close();
    await Promise.all(children.map((c) => c.stop()));
    await sink.close();
  }
}

export function telemetryRows(f: TelemetryFigures): string[][] {
  const row = (name: string, x: Figures) => [name, fixed(x.p50), fixed(x.p99), fixed(x.cpuMs)];
  const ratios = (name: string, x: Figures) => [name, ratio(x.p50 / f.off.p50), ratio(x.p99 / f.off.p99), ratio(x.cpuMs / f.off.cpuMs)];
  const p50 = f.metrics.p50 / f.off.p50;
  return [
    ['gateway', 'p50 ms', 'p99 ms', 'CPU ms/req'],
    row('metrics and tracing off', f.off),
    row('metrics on, tracing off', f.metrics),
    row(`tracing on (OTLP/HTTP, ${f.spansExported} spans exported), metrics off`, f.tracing),
    ratios('metrics / off', f.metrics),
    ratios('tracing / off', f.tracing),
    [`target metrics p50 ≤ ${TELEMETRY_TARGET}×`, ratio(p50), verdict(p50 <= TELEMETRY_TARGET), ''],
  ];
}
