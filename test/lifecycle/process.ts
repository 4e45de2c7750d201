import { spawn, type ChildProcess } from 'node:child_process';
import { expect } from 'vitest';
import { pageOf, query, request, until } from './http.js';

/** A gateway process as `npm start` / `npm run start:prod` runs it, in emulator mode on free ports. */
export interface GatewayProcess {
  readonly child: ChildProcess;
  /** Gateway base URL, from the banner. */
  readonly url: string;
  /** The embedded emulator's base URL, from the banner (its admin API sets faults). */
  readonly emulatorUrl: string;
  /** performance.now() when the banner arrived: the gateway was ready. */
  readonly readyAt: number;
  /** Everything the process wrote. */
  output(): string;
  /** Resolves with the exit code. */
  readonly exited: Promise<number | null>;
}

/** The banner line that says where the gateway listens. */
const BANNER = /GraphQL \+ GraphiQL\s+(\S+)\/graphql/;

/**
 * Starts `command` (`node …` runs this very Node; `npm …` npm from PATH) in `cwd` with a clean
 * environment (no NODE_ENV: production mode is main.ts' default; nothing of the test runner's own
 * but PATH) plus `env`.
 */
export async function startGatewayProcess(command: readonly ['node' | 'npm', ...string[]], cwd: string, env: Record<string, string> = {}): Promise<GatewayProcess> {
  const [executable, ...args] = command;
  const child = spawn(executable === 'node' ? process.execPath : executable, args, {
    cwd,
    env: { PATH: process.env.PATH, PORT: '0', EMULATOR_PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let readyAt: number | undefined;
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
    if (readyAt === undefined && BANNER.test(output)) readyAt = performance.now();
  });
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let exitedEarly = false;
  void exited.then(() => (exitedEarly = true));
  await until(() => exitedEarly || readyAt !== undefined, 60_000, 'the banner');
  const url = BANNER.exec(output)?.[1];
  const emulatorUrl = /Upstream\s+emulator at (\S+)/.exec(output)?.[1];
  if (!url || !emulatorUrl || readyAt === undefined) throw new Error(`the gateway did not start:\n${output}`);
  return { child, url, emulatorUrl, readyAt, output: () => output, exited };
}

/** SIGTERM, and the process' exit (at once if it has already exited). */
export async function stopGatewayProcess(gateway: GatewayProcess | undefined): Promise<void> {
  if (!gateway) return;
  gateway.child.kill('SIGTERM');
  await gateway.exited;
}

/**
 * What a rolling deploy does to an instance: 5 requests in flight (the emulator made slow), SIGTERM.
 * Every request completes, and the process exits 0.
 */
export async function expectCleanExitWithRequestsInFlight(gateway: GatewayProcess): Promise<void> {
  const admin = (path: string, body?: unknown) =>
    request(`${gateway.emulatorUrl}/_emulator/${path}`, body === undefined ? {} : { body: JSON.stringify(body) });
  const { mark } = JSON.parse((await admin('requests/mark', {})).body) as { mark: number };
  await admin('faults', [{ route: 'GET /v1/payouts', latencyMs: 1_000 }]);
  const inFlight = [1, 2, 3, 4, 5].map((n) => query(gateway.url, pageOf(n)));
  await until(async () => {
    const log = JSON.parse((await admin(`requests?since=${mark}`)).body) as { byRoute: Record<string, number> };
    return (log.byRoute['GET /v1/payouts'] ?? 0) >= 5;
  }, 20_000, '5 upstream calls in flight');

  gateway.child.kill('SIGTERM');
  const answers = await Promise.all(inFlight);
  for (const answer of answers) {
    expect(answer.status).toBe(200);
    const body = JSON.parse(answer.body) as { data?: { payouts: { edges: unknown[] } }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data!.payouts.edges.length).toBeGreaterThan(0);
  }
  expect(await gateway.exited).toBe(0);
  expect(gateway.output()).toContain('"inFlight":5');
}
