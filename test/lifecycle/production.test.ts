import { execFile } from 'node:child_process';
import { builtinModules, createRequire } from 'node:module';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query, request } from './http.js';
import { expectCleanExitWithRequestsInFlight, startGatewayProcess, type GatewayProcess } from './process.js';

/**
 * The production start: `npm run build` (tsc -p tsconfig.build.json) emits JavaScript that
 * `npm run start:prod` runs with plain node. The build here is made into a temporary directory laid
 * out as a deployment would be (package.json, node_modules, dist/), not beside the sources, so
 * nothing can quietly load a .ts file. `--noCheck` only skips type-checking (`npm test` type-checks
 * first): tsc emits the same JavaScript, in about a third of the time.
 */

const root = process.cwd();
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; scripts: Record<string, string> };
let app: string;

beforeAll(async () => {
  app = mkdtempSync(join(tmpdir(), 'gateway-build-'));
  copyFileSync(join(root, 'package.json'), join(app, 'package.json'));
  symlinkSync(realpathSync(join(root, 'node_modules')), join(app, 'node_modules'), 'dir');
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  await promisify(execFile)(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json'), '--noCheck', '--outDir', join(app, 'dist')]);
}, 180_000);

afterAll(() => {
  if (app) rmSync(app, { recursive: true, force: true });
});

/** Every file under `dir`, relative. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1));
}

describe('npm run build', () => {
  it('is the documented tsc build, run with node by start:prod', () => {
    expect(packageJson.scripts.build).toContain('tsc -p tsconfig.build.json');
    // exec: npm's SIGTERM reaches node itself, no shell between them (see drain.test.ts).
    expect(packageJson.scripts['start:prod']).toMatch(/^exec node (--\S+ )*dist\/main\.js$/);
  });

  it('emits JavaScript that imports no .ts file and no dev dependency', () => {
    const dist = join(app, 'dist');
    const files = filesUnder(dist).filter((file) => file.endsWith('.js'));
    expect(files).toContain('main.js');
    expect(files).toContain('emulator/main.js');
    const packages = new Set<string>();
    for (const file of files) {
      const code = readFileSync(join(dist, file), 'utf8');
      for (const [, specifier] of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]/g)) {
        expect(specifier, `${file} imports ${specifier}`).not.toMatch(/\.(?:ts|tsx|mts|cts)$/);
        if (specifier.startsWith('.')) continue;
        if (specifier.startsWith('node:') || builtinModules.includes(specifier)) continue;
        packages.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]);
      }
    }
    const notDependencies = [...packages].filter((name) => !(name in packageJson.dependencies));
    expect(notDependencies).toEqual([]);
    expect(packages.has('stripe')).toBe(true);
  });
});

describe('node dist/main.js (emulator mode)', () => {
  let gateway: GatewayProcess;
  beforeAll(async () => {
    gateway = await startGatewayProcess(['node', '--enable-source-maps', 'dist/main.js'], app);
  }, 90_000);
  afterAll(() => {
    if (gateway?.child.exitCode === null) gateway.child.kill('SIGKILL');
  });

  it('serves the demo data, /healthz and /readyz', async () => {
    const answer = await query(gateway.url, '{ payouts(first: 3) { edges { node { id status } } } }');
    expect(answer.status).toBe(200);
    expect((JSON.parse(answer.body) as { data: { payouts: { edges: unknown[] } } }).data.payouts.edges).toHaveLength(3);
    expect((await request(`${gateway.url}/healthz`)).status).toBe(200);
    const ready = await request(`${gateway.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.body)).toEqual({ ready: true, checks: { shutdown: 'ok', upstream: 'ok' } });
  });

  it('drains on SIGTERM: 5 of 5 requests in flight complete, then it exits 0', async () => {
    await expectCleanExitWithRequestsInFlight(gateway);
  }, 60_000);
});
