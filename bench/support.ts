import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus } from 'node:os';

/** Where a benchmark ran: printed with every table and written into BENCHMARKS.md. */
export interface Machine {
  cores: number;
  cpuModel: string;
  node: string;
  date: string;
  /** 1-minute load average when the bench started: other processes share the cores. */
  load: number;
}

export function machine(): Machine {
  let cpuModel = cpus()[0]?.model ?? 'unknown';
  try {
    cpuModel = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpuModel;
  } catch {
    // Not Linux: os.cpus() already named it.
  }
  const [load = 0] = readLoadAverage();
  return { cores: cpus().length, cpuModel, node: process.version, date: new Date().toISOString(), load };
}

function readLoadAverage(): number[] {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);
  } catch {
    return [];
  }
}

/** The value below which `p` (0..1) of the samples fall (nearest rank). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

/** A fixed-width text table: the first row is the header. */
export function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

/** The same rows as a Markdown table. */
export function markdownTable(rows: readonly (readonly string[])[]): string {
  const line = (r: readonly string[]) => `| ${r.join(' | ')} |`;
  // Figures (numbers, ratios, PASS/MISS) align right; text columns left.
  const figure = (cell: string) => cell === '' || /^(-?[\d.,]+\s?(×|ms|KB)?|n\/a|PASS|MISS|ERROR)$/.test(cell);
  const align = rows[0].map((_, i) => (rows.slice(1).every((r) => figure(r[i] ?? '')) ? '---:' : '---'));
  return [line(rows[0]), line(align), ...rows.slice(1).map(line)].join('\n');
}

export const fixed = (value: number, digits = 2): string => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
export const ratio = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(2)}×` : 'n/a');
export const verdict = (ok: boolean): string => (ok ? 'PASS' : 'MISS');

export interface HttpResult {
  status: number;
  body: string;
}

/**
 * A small keep-alive HTTP client for the load loops: node:http with a pooled agent
 * costs the bench process less than fetch, and the cost is the same for both systems measured.
 */
export function createHttpClient(maxSockets: number, localAddress?: string) {
  // localAddress: another loopback address (127.0.0.2…) is another client to the gateway's per-address limits.
  const agent = new Agent({ keepAlive: true, maxSockets, localAddress });
  return {
    send(url: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}): Promise<HttpResult> {
      return new Promise((resolve, reject) => {
        const req = request(url, { method: init.method ?? 'GET', headers: init.headers, agent }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        });
        req.on('error', reject);
        req.end(init.body);
      });
    },
    close: () => agent.destroy(),
  };
}

/** Resolves after `ms`; used to pace phases, never to wait for a result. */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
