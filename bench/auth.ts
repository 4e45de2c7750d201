/**
 * What authentication costs per request: the page-of-100 query through a gateway that verifies a
 * JWT (against a JWKS served on loopback by this process) versus the same gateway open, in
 * separate processes against one emulator, requests interleaved so both see the same noise.
 * Verified tokens are cached until they expire, so the steady state pays a map lookup.
 */
import { AUDIENCE, authEnv, startIssuer } from '../test/auth/issuer.js';
import { PAGE_QUERY, expectOk, sequential, spawnServer, type Child, type Send } from './latency.js';
import { createHttpClient, fixed, percentile, ratio, verdict } from './support.js';

export interface AuthFigures {
  iterations: number;
  open: { p50: number; p99: number; cpuMs: number };
  jwt: { p50: number; p99: number; cpuMs: number };
}

/** The target: p50 with a verified token ≤ 1.05× open. */
export const AUTH_TARGET = 1.05;

export async function runAuth(opts: { iterations: number; warmup: number; env: Record<string, string> }): Promise<AuthFigures> {
  const issuer = await startIssuer();
  const client = createHttpClient(4);
  const children: Child[] = [];
  try {
    const emulator = await spawnServer('emulator', undefined, {});
    children.push(emulator);
    const [open, jwt] = await Promise.all([
      // Metrics off in both: an open gateway would serve (and collect) them by default, a closed one not.
      spawnServer('gateway', emulator.url, opts.env, [], { METRICS_ON_MAIN_PORT: 'false' }),
      spawnServer('gateway', emulator.url, opts.env, [], authEnv(issuer, { JWT_JWKS_COOLDOWN_S: '30' })),
    ]);
    children.push(open, jwt);
    const token = await issuer.token({ scope: 'read' }, { expiresInS: 3600 });
    const body = JSON.stringify({ query: PAGE_QUERY });
    const post = (url: string, headers: Record<string, string> = {}): Send => () =>
      client.send(`${url}/graphql`, { method: 'POST', body, headers: { 'content-type': 'application/json', accept: 'application/json', ...headers } });
    const viaOpen = post(open.url);
    const viaJwt = post(jwt.url, { authorization: `Bearer ${token}` });
    // The token really is checked: without it, the JWT gateway refuses.
    if ((await post(jwt.url)()).status !== 401) throw new Error(`the ${AUDIENCE} gateway did not refuse a request without a token`);
    expectOk(await viaJwt());

    await sequential(viaOpen, viaJwt, 0, opts.warmup);
    const before = await Promise.all([open.cpuMs(), jwt.cpuMs()]);
    const [openTimes, jwtTimes] = await sequential(viaOpen, viaJwt, opts.iterations, 0);
    const after = await Promise.all([open.cpuMs(), jwt.cpuMs()]);
    return {
      iterations: opts.iterations,
      open: { p50: percentile(openTimes, 0.5), p99: percentile(openTimes, 0.99), cpuMs: (after[0] - before[0]) / opts.iterations },
      jwt: { p50: percentile(jwtTimes, 0.5), p99: percentile(jwtTimes, 0.99), cpuMs: (after[1] - before[1]) / opts.iterations },
    };
  } finally {
    client.close();
    await Promise.all(children.map((c) => c.stop()));
    await issuer.close();
  }
}

export function authRows(f: AuthFigures): string[][] {
  const p50 = f.jwt.p50 / f.open.p50;
  return [
    ['gateway', 'p50 ms', 'p99 ms', 'CPU ms/req'],
    ['open (no auth)', fixed(f.open.p50), fixed(f.open.p99), fixed(f.open.cpuMs)],
    ['JWT verified (cached)', fixed(f.jwt.p50), fixed(f.jwt.p99), fixed(f.jwt.cpuMs)],
    ['JWT / open', ratio(p50), ratio(f.jwt.p99 / f.open.p99), ratio(f.jwt.cpuMs / f.open.cpuMs)],
    [`target p50 ≤ ${AUTH_TARGET}×`, ratio(p50), verdict(p50 <= AUTH_TARGET), ''],
  ];
}
