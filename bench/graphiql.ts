/**
 * What compression and caching save: the bytes of GraphiQL's first load and of a reload, with
 * brotli, gzip and neither, and a page of 100 payouts compressed or not, with the CPU time
 * compression costs the gateway process per request. Emulator and gateway are forked processes
 * (bench/server.ts); this process is the client, over node:http, which neither asks for nor
 * decodes compression by itself, so every byte counted is a byte on the wire.
 */
import { Agent, request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { getIntrospectionQuery } from 'graphql';
import { PAGE_QUERY, spawnServer, type Child } from './latency.js';
import { fixed, percentile, ratio, verdict } from './support.js';

type Coding = 'br' | 'gzip' | 'identity';
const CODINGS: readonly Coding[] = ['br', 'gzip', 'identity'];

/** The target for GraphiQL's first load, compressed. */
export const FIRST_LOAD_TARGET_BYTES = 2_500_000;

interface Fetched {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  /** Status line, headers and body as received. */
  wireBytes: number;
}

function fetchRaw(agent: Agent, url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: init.method ?? 'GET', headers: init.headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        // "HTTP/1.1 200 OK\r\n", "name: value\r\n" per header, "\r\n".
        let headerBytes = `HTTP/1.1 ${res.statusCode} ${res.statusMessage}\r\n`.length + 2;
        for (let i = 0; i < res.rawHeaders.length; i += 2) headerBytes += res.rawHeaders[i].length + res.rawHeaders[i + 1].length + 4;
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, wireBytes: headerBytes + body.length });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

export interface LoadFigures {
  coding: Coding;
  /** Page, every file it names, and the introspection query GraphiQL sends on start. */
  firstLoadBytes: number;
  /** Of which the introspection response. */
  introspectionBytes: number;
  /** The first load against a freshly started gateway (files compressed on demand), then once they are kept. */
  coldMs: number;
  warmMs: number;
  /** A browser reload: the files come from its cache; the page (which GraphiQL's POSTs to the same URL evict) and the introspection travel again. */
  reloadBytes: number;
  /** A revalidation of the page alone: 304. */
  revalidationBytes: number;
}

export interface PageFigures {
  coding: Coding;
  bytes: number;
  p50: number;
  cpuMs: number;
}

export interface GraphiQLFigures {
  loads: LoadFigures[];
  page: PageFigures[];
  iterations: number;
}

/** The request header for a coding; none for identity (what a client that accepts nothing sends). */
const acceptEncoding = (coding: Coding): Record<string, string> => (coding === 'identity' ? {} : { 'accept-encoding': coding });

const INTROSPECTION = JSON.stringify({ query: getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }) });

/** One GraphiQL load as a browser makes it: the page, the files it names (the start-up script names the workers), the introspection. */
async function loadGraphiQL(agent: Agent, base: string, coding: Coding): Promise<{ bytes: number; introspection: number; pageEtag: string; ms: number }> {
  const encoding = acceptEncoding(coding);
  const decode = (f: Fetched) => {
    const e = f.headers['content-encoding'];
    return (e === 'br' ? brotliDecompressSync(f.body) : e === 'gzip' ? gunzipSync(f.body) : f.body).toString('utf8');
  };
  const started = performance.now();
  const page = await fetchRaw(agent, `${base}/graphql`, { headers: { accept: 'text/html', ...encoding } });
  if (page.status !== 200) throw new Error(`GraphiQL's page answered ${page.status}`);
  const html = decode(page);
  const linked = [...html.matchAll(/(?:href|src)="([^"]+)"/g)].map((m) => new URL(m[1], `${base}/graphql`).href);
  const start = linked.find((u) => /\/start\.[0-9a-f]+\.js$/.test(u));
  if (!start) throw new Error('GraphiQL’s page names no start-up script');
  const files = await Promise.all(linked.map((u) => fetchRaw(agent, u, { headers: encoding })));
  const startScript = decode(files[linked.indexOf(start)]);
  const workers = Object.values(JSON.parse(/var names = (\{[^}]*\})/.exec(startScript)?.[1] ?? '{}') as Record<string, string>);
  files.push(...(await Promise.all(workers.map((n) => fetchRaw(agent, new URL(n, start).href, { headers: encoding })))));
  const introspection = await fetchRaw(agent, `${base}/graphql`, { method: 'POST', body: INTROSPECTION, headers: { 'content-type': 'application/json', ...encoding } });
  const ms = performance.now() - started;
  for (const f of [...files, introspection]) if (f.status !== 200) throw new Error(`a GraphiQL file answered ${f.status}`);
  const bytes = [page, ...files, introspection].reduce((sum, f) => sum + f.wireBytes, 0);
  return { bytes, introspection: introspection.wireBytes, pageEtag: String(page.headers.etag), ms };
}

export async function runGraphiQL(opts: { iterations: number; env: Record<string, string> }): Promise<GraphiQLFigures> {
  const agent = new Agent({ keepAlive: true, maxSockets: 6 });
  const children: Child[] = [];
  try {
    const emulator = await spawnServer('emulator', undefined, {});
    children.push(emulator);
    const loads: LoadFigures[] = [];
    for (const coding of CODINGS) {
      // A gateway of its own per coding, so that the first load is cold (nothing compressed yet).
      const gateway = await spawnServer('gateway', emulator.url, opts.env);
      children.push(gateway);
      const cold = await loadGraphiQL(agent, gateway.url, coding);
      const warm = await loadGraphiQL(agent, gateway.url, coding);
      const encoding = acceptEncoding(coding);
      const revalidation = await fetchRaw(agent, `${gateway.url}/graphql`, { headers: { accept: 'text/html', 'if-none-match': warm.pageEtag, ...encoding } });
      if (revalidation.status !== 304) throw new Error(`revalidating GraphiQL's page answered ${revalidation.status}`);
      const page = await fetchRaw(agent, `${gateway.url}/graphql`, { headers: { accept: 'text/html', ...encoding } });
      loads.push({
        coding,
        firstLoadBytes: warm.bytes,
        introspectionBytes: warm.introspection,
        coldMs: cold.ms,
        warmMs: warm.ms,
        reloadBytes: page.wireBytes + warm.introspection,
        revalidationBytes: revalidation.wireBytes,
      });
    }

    // The page of 100 through the last gateway: blocks of each coding in turn, CPU read around each block.
    const gateway = children[children.length - 1];
    const body = JSON.stringify({ query: PAGE_QUERY });
    const send = (coding: Coding) =>
      fetchRaw(agent, `${gateway.url}/graphql`, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json', accept: 'application/json', ...acceptEncoding(coding) },
      });
    const rounds = 4;
    const perBlock = Math.max(5, Math.ceil(opts.iterations / rounds));
    const times = new Map<Coding, number[]>(CODINGS.map((c) => [c, []]));
    const cpu = new Map<Coding, number>(CODINGS.map((c) => [c, 0]));
    const bytes = new Map<Coding, number>();
    for (const c of CODINGS) {
      const res = await send(c);
      if (res.status !== 200 || (c !== 'identity' && res.headers['content-encoding'] !== c)) throw new Error(`page of 100 with ${c}: HTTP ${res.status}, ${String(res.headers['content-encoding'])}`);
      bytes.set(c, res.body.length);
      for (let i = 0; i < 10; i++) await send(c);
    }
    for (let round = 0; round < rounds; round++) {
      for (const c of CODINGS) {
        const before = await gateway.cpuMs();
        for (let i = 0; i < perBlock; i++) {
          const started = performance.now();
          await send(c);
          times.get(c)!.push(performance.now() - started);
        }
        cpu.set(c, cpu.get(c)! + (await gateway.cpuMs()) - before);
      }
    }
    const page = CODINGS.map((c) => ({ coding: c, bytes: bytes.get(c)!, p50: percentile(times.get(c)!, 0.5), cpuMs: cpu.get(c)! / (rounds * perBlock) }));
    return { loads, page, iterations: rounds * perBlock };
  } finally {
    agent.destroy();
    await Promise.all(children.map((c) => c.stop()));
  }
}

const kb = (bytes: number) => fixed(bytes / 1024, 1);

export function graphiqlLoadRows(f: GraphiQLFigures): string[][] {
  return [
    ['GraphiQL, Accept-Encoding', 'first load KB', 'of which introspection KB', 'cold load ms', 'warm load ms', 'reload KB', 'page 304 bytes'],
    ...f.loads.map((l) => [l.coding, kb(l.firstLoadBytes), kb(l.introspectionBytes), fixed(l.coldMs, 0), fixed(l.warmMs, 0), kb(l.reloadBytes), String(l.revalidationBytes)]),
  ];
}

export function graphiqlPageRows(f: GraphiQLFigures): string[][] {
  const plain = f.page.find((p) => p.coding === 'identity')!;
  return [
    ['page of 100, Accept-Encoding', 'body KB', 'p50 ms', 'CPU ms/req', 'CPU ÷ identity'],
    ...f.page.map((p) => [p.coding, kb(p.bytes), fixed(p.p50), fixed(p.cpuMs), ratio(p.cpuMs / plain.cpuMs)]),
  ];
}

export function graphiqlTargetRows(f: GraphiQLFigures): string[][] {
  return [
    ['target', 'measured', 'result'],
    ...f.loads
      .filter((l) => l.coding !== 'identity')
      .map((l) => [`GraphiQL first load ≤ 2.5 MB with ${l.coding}`, `${fixed(l.firstLoadBytes / 1e6)} MB`, verdict(l.firstLoadBytes <= FIRST_LOAD_TARGET_BYTES)]),
  ];
}
