/**
 * Latency, throughput and CPU of the page-of-100 query through the gateway
 * versus the direct SDK call that fetches the same data, in one run against one
 * emulator. Emulator, gateway and direct server are separate processes
 * (bench/server.ts), so each one's CPU time is its own; this process is the client.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FromChild, Role, ToChild } from './server.js';
import { createHttpClient, fixed, percentile, ratio, table, verdict, type HttpResult } from './support.js';

/** Every payout field that costs no upstream call beyond the expanded balance transaction, and every balance transaction field. */
export const PAGE_QUERY = `{ payouts(first: 100) { edges { node {
  id amount applicationFeeAmount applicationFeeId arrivalDate automatic balanceTransactionId created currency description
  destinationId failureBalanceTransactionId failureCode failureCodeRaw failureMessage livemode metadata method methodRaw
  originalPayoutId payoutMethod reconciliationStatus reconciliationStatusRaw reversedById sourceType sourceTypeRaw
  statementDescriptor status statusRaw traceId { status value } type typeRaw
  balanceTransaction { id amount availableOn balanceType balanceTypeRaw created currency description exchangeRate fee
    feeDetails { amount application currency description type } net reportingCategory sourceId status statusRaw type typeRaw }
} } } }`;

export interface LatencyOptions {
  /** Upstream latencies the emulator adds to every request (faults), in ms. */
  upstreamMs: number[];
  /** Sequential requests per system, after warm-up, per upstream latency: [at 0 ms, at > 0 ms]. */
  iterations: [number, number];
  warmup: number;
  concurrency: number;
  /** Throughput window per system per round; two rounds, alternating systems. */
  loadMs: number;
  /** Environment for the gateway and direct processes: NODE_ENV=production, as `npm start` runs. */
  env: Record<string, string>;
  /** Writes a V8 CPU profile of the gateway process into this directory. */
  cpuProfileDir?: string;
}

export const DEFAULT_LATENCY_OPTIONS: LatencyOptions = {
  upstreamMs: [0, 50],
  iterations: [200, 80],
  warmup: 30,
  concurrency: 8,
  loadMs: 2500,
  env: { NODE_ENV: 'production' },
};

export interface SystemFigures {
  p50: number;
  p99: number;
  rps: number;
  /** CPU time (user + system) of the system's own process per request, over every measured request. */
  cpuMs: number;
  responseBytes: number;
}

export interface LatencyRun {
  upstreamMs: number;
  iterations: number;
  gateway: SystemFigures;
  direct: SystemFigures;
  /** CPU of the emulator process per upstream request: the same work for both systems. */
  emulatorCpuMs: number;
}

export interface LatencyReport {
  runs: LatencyRun[];
  options: LatencyOptions;
}

interface Child {
  url: string;
  cpuMs(): Promise<number>;
  stop(): Promise<void>;
}

const SERVER_SCRIPT = fileURLToPath(new URL('./server.ts', import.meta.url));
const START_TIMEOUT_MS = 90_000;

function spawnServer(role: Role, upstream: string | undefined, env: Record<string, string>, execArgv: string[] = []): Promise<Child> {
  const proc: ChildProcess = fork(SERVER_SCRIPT, upstream ? [role, upstream] : [role], {
    execArgv: ['--import', 'tsx', ...execArgv],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = <T>(pick: (m: FromChild) => T | undefined, timeoutMs: number): Promise<T> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => done(new Error(`bench ${role} process did not answer within ${timeoutMs} ms`)), timeoutMs);
      const onMessage = (m: FromChild) => {
        const value = pick(m);
        if (value !== undefined) done(undefined, value);
      };
      const onExit = (code: number | null) => done(new Error(`bench ${role} process exited (${code})`));
      const done = (err?: Error, value?: T) => {
        clearTimeout(timer);
        proc.off('message', onMessage);
        proc.off('exit', onExit);
        if (err) reject(err);
        else resolve(value as T);
      };
      proc.on('message', onMessage);
      proc.once('exit', onExit);
    });
  const ask = (message: ToChild) => proc.send(message);

  return next((m) => ('ready' in m ? m.url : undefined), START_TIMEOUT_MS).then(
    (url) => ({
      url,
      cpuMs: () => {
        const answer = next((m) => ('cpu' in m ? (m.cpu.user + m.cpu.system) / 1000 : undefined), 10_000);
        ask('cpu');
        return answer;
      },
      stop: () =>
        new Promise<void>((resolve) => {
          if (proc.exitCode !== null) return resolve();
          const killer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
          proc.once('exit', () => {
            clearTimeout(killer);
            resolve();
          });
          ask('stop');
        }),
    }),
    (err: unknown) => {
      proc.kill('SIGKILL');
      throw err;
    },
  );
}

type Send = () => Promise<HttpResult>;

/** Sequential latencies of two systems, interleaved request by request so that both see the same machine noise. */
async function sequential(a: Send, b: Send, iterations: number, warmup: number): Promise<[number[], number[]]> {
  for (let i = 0; i < warmup; i++) await Promise.all([a(), b()].map((p) => p.then(expectOk)));
  const times: [number[], number[]] = [[], []];
  for (let i = 0; i < iterations; i++) {
    for (const [k, send] of [a, b].entries()) {
      const started = performance.now();
      expectOk(await send());
      times[k].push(performance.now() - started);
    }
  }
  return times;
}

/** Requests completed by `concurrency` clients in `ms`. */
async function load(send: Send, concurrency: number, ms: number): Promise<number> {
  const deadline = performance.now() + ms;
  let done = 0;
  const worker = async () => {
    while (performance.now() < deadline) {
      expectOk(await send());
      done++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return done;
}

function expectOk(res: HttpResult): HttpResult {
  if (res.status !== 200) throw new Error(`bench request failed with HTTP ${res.status}: ${res.body.slice(0, 300)}`);
  return res;
}

/** Both systems must return the same 100 payouts before anything is timed. */
function checkSameData(gatewayBody: string, directBody: string): void {
  const gql = JSON.parse(gatewayBody) as { data?: { payouts: { edges: { node: { id: string; balanceTransaction: { id: string } | null } }[] } }; errors?: { message: string }[] };
  if (gql.errors?.length || !gql.data) throw new Error(`the gateway answered the bench query with errors: ${JSON.stringify(gql.errors)}`);
  const direct = JSON.parse(directBody) as { data: { id: string; balance_transaction: { id: string } | string | null }[] };
  const gatewayIds = gql.data.payouts.edges.map((e) => `${e.node.id}/${e.node.balanceTransaction?.id ?? ''}`);
  const directIds = direct.data.map((p) => `${p.id}/${typeof p.balance_transaction === 'object' ? (p.balance_transaction?.id ?? '') : ''}`);
  if (gatewayIds.length !== 100 || gatewayIds.join() !== directIds.join()) {
    throw new Error('the gateway and the direct call did not return the same 100 payouts with balance transactions');
  }
}

export async function runLatency(options: LatencyOptions = DEFAULT_LATENCY_OPTIONS): Promise<LatencyReport> {
  const emulator = await spawnServer('emulator', undefined, {});
  const children: Child[] = [emulator];
  const client = createHttpClient(options.concurrency);
  try {
    if (options.cpuProfileDir) mkdirSync(options.cpuProfileDir, { recursive: true });
    const profile = options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : [];
    const [gateway, direct] = await Promise.all([
      spawnServer('gateway', emulator.url, options.env, profile),
      spawnServer('direct', emulator.url, options.env),
    ]);
    children.push(gateway, direct);

    const body = JSON.stringify({ query: PAGE_QUERY });
    const viaGateway: Send = () =>
      client.send(`${gateway.url}/graphql`, { method: 'POST', body, headers: { 'content-type': 'application/json', accept: 'application/json' } });
    const viaDirect: Send = () => client.send(direct.url);
    const setUpstreamLatency = (ms: number) =>
      client.send(`${emulator.url}/_emulator/faults`, { method: ms ? 'POST' : 'DELETE', body: ms ? JSON.stringify([{ route: '*', latencyMs: ms }]) : '' });

    const [g0, d0] = [expectOk(await viaGateway()), expectOk(await viaDirect())];
    checkSameData(g0.body, d0.body);

    const runs: LatencyRun[] = [];
    for (const upstreamMs of options.upstreamMs) {
      expectOk(await setUpstreamLatency(upstreamMs));
      const iterations = upstreamMs === 0 ? options.iterations[0] : options.iterations[1];
      const cpu = async () => Promise.all([gateway.cpuMs(), direct.cpuMs(), emulator.cpuMs()]);

      await sequential(viaGateway, viaDirect, 0, options.warmup);
      const before = await cpu();
      const [gTimes, dTimes] = await sequential(viaGateway, viaDirect, iterations, 0);
      let [gCount, dCount] = [iterations, iterations];
      let [gRps, dRps] = [0, 0];
      for (let round = 0; round < 2; round++) {
        const g = await load(viaGateway, options.concurrency, options.loadMs);
        const d = await load(viaDirect, options.concurrency, options.loadMs);
        gCount += g;
        dCount += d;
        gRps += g / ((2 * options.loadMs) / 1000);
        dRps += d / ((2 * options.loadMs) / 1000);
      }
      const after = await cpu();
      runs.push({
        upstreamMs,
        iterations,
        gateway: { p50: percentile(gTimes, 0.5), p99: percentile(gTimes, 0.99), rps: gRps, cpuMs: (after[0] - before[0]) / gCount, responseBytes: g0.body.length },
        direct: { p50: percentile(dTimes, 0.5), p99: percentile(dTimes, 0.99), rps: dRps, cpuMs: (after[1] - before[1]) / dCount, responseBytes: d0.body.length },
        emulatorCpuMs: (after[2] - before[2]) / (gCount + dCount),
      });
    }
    return { runs, options };
  } finally {
    client.close();
    await Promise.all(children.map((c) => c.stop()));
  }
}

/** Latency targets from the issue: gateway p50 / direct p50. */
export const latencyTarget = (upstreamMs: number): number => (upstreamMs === 0 ? 1.3 : 1.05);
/** CPU target, from the gateway's performance brief: gateway CPU per request / direct. */
export const CPU_TARGET = 1.3;

export function latencyRows(report: LatencyReport): string[][] {
  const rows = [['upstream', 'system', 'p50 ms', 'p99 ms', 'req/s', 'CPU ms/req', 'body KB']];
  for (const run of report.runs) {
    for (const [name, f] of [['gateway', run.gateway], ['direct', run.direct]] as const) {
      rows.push([`${run.upstreamMs} ms`, name, fixed(f.p50), fixed(f.p99), fixed(f.rps, 0), fixed(f.cpuMs), fixed(f.responseBytes / 1024, 0)]);
    }
    rows.push([
      `${run.upstreamMs} ms`,
      'gateway/direct',
      ratio(run.gateway.p50 / run.direct.p50),
      ratio(run.gateway.p99 / run.direct.p99),
      ratio(run.direct.rps / run.gateway.rps),
      ratio(run.gateway.cpuMs / run.direct.cpuMs),
      '',
    ]);
  }
  return rows;
}

export function targetRows(report: LatencyReport): string[][] {
  const rows = [['target', 'measured', 'result']];
  for (const run of report.runs) {
    const latency = run.gateway.p50 / run.direct.p50;
    rows.push([`p50 latency ≤ ${latencyTarget(run.upstreamMs)}× direct at ${run.upstreamMs} ms upstream`, ratio(latency), verdict(latency <= latencyTarget(run.upstreamMs))]);
  }
  const first = report.runs[0];
  if (first) {
    const cpu = first.gateway.cpuMs / first.direct.cpuMs;
    rows.push([`CPU per request ≤ ${CPU_TARGET}× direct`, ratio(cpu), verdict(cpu <= CPU_TARGET)]);
  }
  return rows;
}

export function printLatency(report: LatencyReport): void {
  const o = report.options;
  console.log(
    `\nPage of 100 payouts + balance transactions: gateway vs direct SDK call (separate processes; ` +
      `sequential ${o.iterations.join('/')} iterations after ${o.warmup} warm-up; load: ${o.concurrency} clients, 2 × ${o.loadMs} ms per system)\n`,
  );
  console.log(table(latencyRows(report)));
  console.log(`\nemulator CPU per upstream request: ${report.runs.map((r) => `${fixed(r.emulatorCpuMs)} ms at ${r.upstreamMs} ms`).join(', ')}`);
  console.log('(req/s and CPU ratio columns: direct/gateway throughput, gateway/direct CPU)\n');
  console.log(table(targetRows(report)));
}
