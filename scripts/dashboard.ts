// `npm run dashboard`: the gateway on its embedded emulator (`npm start`, as a child process that
// reads this environment) and the sample dashboard's vite dev server, which proxies /graphql (HTTP
// and WebSocket) to it. Ctrl-C stops both.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createServer, type ViteDevServer } from 'vite';
import { dashboardConfig } from '../examples/dashboard/vite.config.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The banner line of src/main.ts that says where the gateway listens. */
const BANNER = /GraphQL(?: \+ GraphiQL)?\s+(http\S+)\/graphql/;

const gateway = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
let vite: ViteDevServer | undefined;

// Pass the gateway's output through; start vite once its banner gives the URL.
createInterface({ input: gateway.stdout }).on('line', (line) => {
  process.stdout.write(`${line}\n`);
  const url = BANNER.exec(line)?.[1];
  if (url && !vite) void startDashboard(url);
});

async function startDashboard(gatewayUrl: string): Promise<void> {
  vite = await createServer({ ...dashboardConfig(gatewayUrl), configFile: false });
  await vite.listen();
  process.stdout.write(`\n  Sample dashboard (proxying /graphql to ${gatewayUrl})\n`);
  vite.printUrls();
}

let stopping = false;
async function stop(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  await vite?.close();
  if (gateway.exitCode === null && gateway.signalCode === null) {
    gateway.kill('SIGTERM');
    await new Promise((resolve) => gateway.once('exit', resolve));
  }
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop(0));
// The gateway stopped on its own (a bad variable, a busy port): nothing to show without it.
gateway.once('exit', (code) => void stop(code ?? 1));
