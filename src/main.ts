/**
 * `npm start`: the only reader of process.env. Without STRIPE_SECRET_KEY it runs the
 * emulator (seeded with demo data) in this process and points the gateway at it.
 */
// First: sets NODE_ENV before graphql loads (see the module).
import './production-mode.js';
import { loadConfig, secretsOf, type Config } from './config.js';
import { createGateway } from './gateway.js';
import { createLogger } from './server/logger.js';
import { createEmulator, type Emulator } from './emulator/index.js';
import { SEED_DAYS } from './emulator/seed.js';

let loaded: Config;
try {
  loaded = loadConfig(process.env);
} catch (err) {
  // A configuration mistake is the operator's to fix: say which variable, without a stack trace.
  process.stderr.write(`${(err as Error).message}\n`);
  process.exit(1);
}
const log = createLogger(loaded.logLevel, undefined, secretsOf(loaded));
// The last safety net: no request may stop the process. Each transport already masks what a
// request throws; a rejection that still escapes (a bug) is logged rather than fatal.
process.on('unhandledRejection', (err: unknown) => log.error({ err }, 'unhandled rejection (the request it came from has failed)'));

let emulator: Emulator | undefined;
let config: Config = loaded;
if (loaded.mode === 'emulator') {
  // The demo seed spreads 90 days of history by moving the clock on; starting 90 days back makes it end today.
  const startTime = Math.floor(Date.now() / 1000) - SEED_DAYS * 86_400;
  // STRIPE_ACCOUNT must exist in the emulator, or it refuses every request made as that account.
  const accounts = loaded.stripeAccount ? [loaded.stripeAccount] : [];
  emulator = createEmulator({ seed: 'demo', startTime, realtimeSpeed: loaded.emulatorSpeed || undefined, accounts });
  await emulator.ready;
  const { url } = await emulator.listen(loaded.emulatorPort, loaded.host);
  config = Object.freeze({ ...loaded, stripeApiBase: url });
}

const gateway = createGateway(config, { logger: log });
const { url, metricsUrl } = await gateway.start();
// Once the gateway has registered its webhook endpoint, so subscribers see the traffic's events.
if (emulator && config.emulatorTraffic) emulator.startTraffic();

const upstream = emulator
  ? `emulator at ${emulator.url} (demo data, clock ×${config.emulatorSpeed}, ${trafficLine(config)})`
  : config.stripeApiBase
    ? `Stripe-compatible server at ${config.stripeApiBase} (${config.live ? 'live' : 'test'} key)`
    : `Stripe (${config.live ? 'live' : 'test'} mode)${config.stripeAccount ? ` as ${config.stripeAccount}` : ''}`;
const access = gateway.authenticator.open
  ? emulator
    ? 'no auth: demo data only (configure JWT_JWKS_URL or API_KEYS_FILE to require credentials)'
    : 'no auth (AUTH_DISABLED=true): anyone who reaches the port can use the Stripe key'
  : gateway.authenticator.describe();
const origins = config.corsOrigins.length ? config.corsOrigins.join(', ') : 'none (same origin only)';
const { trustedOnly, byHash } = config.persistedDocuments;
const documents = trustedOnly
  ? `trusted only: the ${byHash.size} documents of TRUSTED_DOCUMENTS, sent by id (GraphiQL off)`
  : `any (${byHash.size} known by id; set TRUSTED_DOCUMENTS to run only a manifest's)`;
log.info({ url: `${url}/graphql`, upstream, access, corsOrigins: config.corsOrigins, documents }, 'gateway ready');
process.stdout.write(
  [
    '',
    '  Stripe GraphQL gateway',
    `  ${trustedOnly ? 'GraphQL           ' : 'GraphQL + GraphiQL'}  ${url}/graphql`,
    `  Health              ${url}/healthz (liveness), ${url}/readyz (readiness)`,
    `  Metrics             ${metricsUrl ?? (config.metrics.onMainPort ? `${url}/metrics` : 'not served (set METRICS_PORT)')}`,
    `  Traces              ${config.tracing ? `OTLP/HTTP to ${config.tracing.endpoint} as ${config.tracing.serviceName}` : 'off (set OTEL_EXPORTER_OTLP_ENDPOINT)'}`,
    `  Upstream            ${upstream}`,
    `  Access              ${access}`,
    `  Browser origins     ${origins}`,
    `  Documents           ${documents}`,
    emulator ? '  No STRIPE_SECRET_KEY set: using the built-in emulator with demo data.' : '',
    '',
  ].join('\n') + '\n',
);

/** What the demo traffic will do, for the banner. */
function trafficLine(c: Config): string {
  if (!c.emulatorTraffic) return 'no demo traffic (EMULATOR_TRAFFIC=0)';
  const interval = c.emulatorTrafficIntervalMs;
  return interval === null ? 'demo traffic: one step, then one per 10 minutes the frozen clock is advanced' : `demo traffic: new payouts, outbound payments and refunds every ${Math.round(interval / 1000)} s`;
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    // The gateway drains first: requests in flight still need the embedded emulator.
    void (async () => {
      await gateway.stop();
      await emulator?.close();
    })().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
