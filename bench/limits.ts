/**
 * Document limits under attack: for each attack class of the Limits issue, how long the gateway
 * takes to refuse one attack, how many upstream calls it spends, and what a normal query's p50
 * latency becomes while an attacker sends that class back to back (ratio to the same query with
 * no attacker, in the same run). Emulator, gateway and attacker (bench/attacker.ts) are separate
 * processes; this process times the refusals and the normal queries. Every attack document is
 * unique (a trailing comment), so yoga's parse and validation caches never answer for it: the
 * worst case for the gateway.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { PAGE_QUERY, spawnServer, type Child } from './latency.js';
import { DEFAULT_REQUESTS_PER_S } from '../src/config.js';
import type { FromAttacker, ToAttacker } from './attacker.js';
import { createHttpClient, fixed, percentile, ratio, sleep, table, verdict, type HttpResult } from './support.js';
import { aliasedPages, fragmentExplosion, hugeTokenCount, transferNesting } from '../test/runtime/documents.js';

export interface LimitsOptions {
  /** Refusals timed per attack class, and normal queries timed per phase (quiet, under attack). */
  iterations: number;
  warmup: number;
}

export const DEFAULT_LIMITS_OPTIONS: LimitsOptions = { iterations: 100, warmup: 20 };
export const QUICK_LIMITS_OPTIONS: LimitsOptions = { iterations: 30, warmup: 5 };

export interface AttackFigures {
  name: string;
  bytes: number;
  /** The refusal's extensions.code (or what came back instead). */
  code: string;
  refusalP50: number;
  refusalP99: number;
  /** Upstream requests the emulator saw while the refusals were timed (no other request ran meanwhile). */
  upstreamCalls: number;
  quietP50: number;
  attackedP50: number;
  /** Attacks the attacker sent while the normal queries were timed. */
  attacksSent: number;
  /** Of those, answered 429 by the request-rate guard before being read. */
  rateLimited: number;
}

export interface LimitsReport {
  attacks: AttackFigures[];
  /** The normal query's p50 while a client sends `{ __typename }` back to back: the cheapest request there is. */
  reference: { quietP50: number; loadedP50: number; sent: number };
  options: LimitsOptions;
}

/** Targets from the Limits issue. */
export const REFUSAL_TARGET_MS = 100;
export const ATTACKED_LATENCY_TARGET = 1.5;

const ATTACKS: { name: string; document: (transferId: string) => string }[] = [
  { name: 'depth: transfer → reversals → transfer …, 300 levels', document: (t) => transferNesting(t, 300) },
  { name: 'depth: the same, 100 levels', document: (t) => transferNesting(t, 100) },
  {
    name: 'fragment explosion: 30 levels of doubling fragments',
    document: () => fragmentExplosion(30, 'Payout', 'id amount', (spread) => `{ payouts(first: 1) { edges { node { ${spread} } } } }`),
  },
  { name: 'aliases: 1,000 × payouts(first: 100)', document: () => aliasedPages(1_000) },
  { name: 'aliases: 101 × payouts(first: 100)', document: () => aliasedPages(101) },
  { name: 'cost: 26 × payouts(first: 100), within every document limit', document: () => aliasedPages(26) },
  { name: 'tokens: 15 KB, 7,500 tokens', document: () => hugeTokenCount(15_000) },
  { name: 'tokens: 500 KB, 250,000 tokens', document: () => hugeTokenCount(500_000) },
];

const JSON_HEADERS = { 'content-type': 'application/json', accept: 'application/json' };

export async function runLimits(options: LimitsOptions = DEFAULT_LIMITS_OPTIONS): Promise<LimitsReport> {
  const emulator = await spawnServer('emulator', undefined, {});
  const children: Child[] = [emulator];
  const normalClient = createHttpClient(1);
  const attackClient = createHttpClient(1);
  try {
    // Refusals are timed on a gateway without the request-rate guard (one client sends them back
    // to back); a normal client's latency under attack is measured on one with the default guard
    // (RATE_LIMIT_REQUESTS_PER_S), the attacker sending from another address, as deployed.
    const [gateway, guarded] = await Promise.all([
      spawnServer('gateway', emulator.url, { NODE_ENV: 'production' }),
      spawnServer('gateway', emulator.url, { NODE_ENV: 'production' }, [], { RATE_LIMIT_REQUESTS_PER_S: String(DEFAULT_REQUESTS_PER_S) }),
    ]);
    children.push(gateway, guarded);
    const post = (client: typeof normalClient, query: string) =>
      client.send(`${gateway.url}/graphql`, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify({ query }) });
    const normal = () =>
      normalClient
        .send(`${guarded.url}/graphql`, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify({ query: PAGE_QUERY }) })
        .then(expectStatus(200));
    const upstreamMark = async () => (JSON.parse((await normalClient.send(`${emulator.url}/_emulator/requests/mark`, { method: 'POST', body: '{}' })).body) as { mark: number }).mark;
    const upstreamSince = async (mark: number) =>
      (JSON.parse((await normalClient.send(`${emulator.url}/_emulator/requests?since=${mark}`)).body) as { total: number }).total;

    const transfers = JSON.parse((await post(normalClient, '{ transfers(first: 1) { edges { node { id } } } }')).body) as {
      data: { transfers: { edges: { node: { id: string } }[] } };
    };
    const transferId = transfers.data.transfers.edges[0].node.id;

    // The normal client is an app, not a load generator: it keeps under the request-rate guard.
    const timedNormal = async (count: number) => {
      const times: number[] = [];
      for (let i = 0; i < count; i++) {
        const started = performance.now();
        await normal();
        const took = performance.now() - started;
        times.push(took);
        await sleep(Math.max(0, NORMAL_INTERVAL_MS - took));
      }
      return times;
    };
    await timedNormal(options.warmup);

    const quiet = await timedNormal(options.iterations);
    const flood = await startAttacker(`${guarded.url}/graphql`, '{ __typename }', [200, 429]);
    const loaded = await timedNormal(options.iterations);
    const reference = { quietP50: percentile(quiet, 0.5), loadedP50: percentile(loaded, 0.5), sent: (await flood.stop()).sent };

    const attacks: AttackFigures[] = [];
    for (const attack of ATTACKS) {
      const base = attack.document(transferId);
      const [head, tail] = JSON.stringify({ query: `${base}\n# \u0000` }).split('\\u0000');
      let sent = 0;
      const refuse = () =>
        attackClient.send(`${gateway.url}/graphql`, { method: 'POST', headers: JSON_HEADERS, body: `${head}${sent++}${tail}` }).then(expectStatus(400));

      const first = await refuse();
      for (let i = 0; i < options.warmup; i++) await refuse();
      const mark = await upstreamMark();
      const refusals: number[] = [];
      for (let i = 0; i < options.iterations; i++) {
        const started = performance.now();
        await refuse();
        refusals.push(performance.now() - started);
      }
      const upstreamCalls = await upstreamSince(mark);

      const quiet = await timedNormal(options.iterations);
      const attacker = await startAttacker(`${guarded.url}/graphql`, base, [400, 413, 429]);
      const attacked = await timedNormal(options.iterations);
      const { sent: attacksSent, unexpected, rateLimited } = await attacker.stop();
      if (unexpected) throw new Error(`${unexpected} of ${attacksSent} attacks (${attack.name}) were not refused`);

      attacks.push({
        name: attack.name,
        bytes: Buffer.byteLength(base),
        code: (JSON.parse(first.body) as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions?.code ?? 'none',
        refusalP50: percentile(refusals, 0.5),
        refusalP99: percentile(refusals, 0.99),
        upstreamCalls,
        quietP50: percentile(quiet, 0.5),
        attackedP50: percentile(attacked, 0.5),
        attacksSent,
        rateLimited,
      });
    }
    return { attacks, reference, options };
  } finally {
    normalClient.close();
    attackClient.close();
    await Promise.all(children.map((c) => c.stop()));
  }
}

/** The timed client's pace: 40 requests a second at most, under the default guard's 50. */
const NORMAL_INTERVAL_MS = 25;

/** The attacker is another client than the timed one: another loopback address. */
const ATTACKER_ADDRESS = '127.0.0.2';
const ATTACKER_SCRIPT = fileURLToPath(new URL('./attacker.ts', import.meta.url));

/** Forks the attacker and resolves once it sends; stop() ends it and tells how many it sent. */
async function startAttacker(url: string, document: string, statuses: number[]): Promise<{ stop(): Promise<{ sent: number; unexpected: number; rateLimited: number }> }> {
  const proc = fork(ATTACKER_SCRIPT, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const next = <T>(pick: (m: FromAttacker) => T | undefined) =>
    new Promise<T>((resolve, reject) => {
      const onMessage = (m: FromAttacker) => {
        const value = pick(m);
        if (value === undefined) return;
        proc.off('message', onMessage);
        proc.off('exit', onExit);
        resolve(value);
      };
      const onExit = (code: number | null) => reject(new Error(`the attacker process exited (${code})`));
      proc.on('message', onMessage);
      proc.once('exit', onExit);
    });
  const started = next((m) => ('started' in m ? true : undefined));
  proc.send({ url, document, statuses, from: ATTACKER_ADDRESS } satisfies ToAttacker);
  await started;
  return {
    stop: () => {
      const report = next((m) => ('sent' in m ? m : undefined));
      proc.send('stop' satisfies ToAttacker);
      return report;
    },
  };
}

function expectStatus(status: number) {
  return (res: HttpResult): HttpResult => {
    if (res.status !== status) throw new Error(`expected HTTP ${status}, got ${res.status}: ${res.body.slice(0, 300)}`);
    return res;
  };
}

export function limitsRows(report: LimitsReport): string[][] {
  const rows = [['attack', 'KB', 'code', 'refusal p50 ms', 'p99 ms', 'upstream calls', 'normal p50 quiet', 'under attack', 'ratio', 'attacks meanwhile (429)']];
  for (const a of report.attacks) {
    rows.push([
      a.name,
      fixed(a.bytes / 1024, 1),
      a.code,
      fixed(a.refusalP50),
      fixed(a.refusalP99),
      String(a.upstreamCalls),
      fixed(a.quietP50),
      fixed(a.attackedP50),
      ratio(a.attackedP50 / a.quietP50),
      `${a.attacksSent} (${a.rateLimited})`,
    ]);
  }
  const r = report.reference;
  rows.push(['reference: `{ __typename }` back to back (not an attack)', '', '', '', '', '', fixed(r.quietP50), fixed(r.loadedP50), ratio(r.loadedP50 / r.quietP50), String(r.sent)]);
  return rows;
}

export function limitsTargetRows(report: LimitsReport): string[][] {
  const rows = [['target', 'measured', 'result']];
  for (const a of report.attacks) {
    rows.push([`${a.name}: refused in < ${REFUSAL_TARGET_MS} ms (p50), 0 upstream calls`, `${fixed(a.refusalP50)} ms, ${a.upstreamCalls}`, verdict(a.refusalP50 < REFUSAL_TARGET_MS && a.upstreamCalls === 0)]);
    const r = a.attackedP50 / a.quietP50;
    rows.push([`${a.name}: normal p50 under attack ≤ ${ATTACKED_LATENCY_TARGET}× quiet`, ratio(r), verdict(r <= ATTACKED_LATENCY_TARGET)]);
  }
  return rows;
}

export function printLimits(report: LimitsReport): void {
  console.log(
    `\nDocument limits under attack (${report.options.iterations} refusals and ${report.options.iterations} normal queries per phase; ` +
      'normal query: the page of 100 payouts with balance transactions; one attacker sending back to back)\n',
  );
  console.log(table(limitsRows(report)));
  console.log('');
  console.log(table(limitsTargetRows(report)));
}
