/**
 * Subscription fan-out benchmark (`npx tsx bench/subscriptions.ts`).
 *
 * Measures, on loopback only, with bounded loops:
 * - how many concurrent graphql-ws subscribers one gateway holds (target 10,000), and the
 *   gateway process's resident memory per subscriber (target ≤ 20 KB);
 * - webhook-to-delivery latency p50/p99 at 1,000 subscribers (target p99 ≤ 50 ms), with the
 *   in-memory pubsub and through Redis;
 * - memory and listeners after 10,000 subscribe/disconnect cycles, against the baseline.
 *
 * The WebSocket clients run in a child process (this file with --clients), so the gateway's
 * process holds only its own end of each socket and its memory is measured alone.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import Stripe from 'stripe';
import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';
import { loadConfig } from '../src/config.js';
import { createGateway, type Gateway } from '../src/gateway.js';
import { createLogger } from '../src/server/logger.js';
import { createEmulator, type Emulator } from '../src/emulator/index.js';
import { redisAnswers } from '../test/subscriptions/redis.js';
import { NO_RATE_LIMIT } from '../test/harness.js';

export interface SubscriptionBenchFigures {
  subscribersHeld: number;
  /** Connections the client process could not open (e.g. reset under load). */
  connectFailures: number;
  subscribersTarget: number;
  rssPerSubscriberKB: number;
  heapPerSubscriberKB: number;
  latency: {
    transport: 'memory' | 'redis';
    subscribers: number;
    events: number;
    p50Ms: number;
    p99Ms: number;
    maxMs: number;
    /** Webhook posted → the gateway's last socket write of that event, per event: the gateway's own share. */
    lastWriteP50Ms: number;
    lastWriteMaxMs: number;
  }[];
  cycles: { cycles: number; listenersBefore: number; listenersAfter: number; wsClientsAfter: number; rssDeltaMB: number; heapDeltaMB: number };
}

export interface SubscriptionBenchOptions {
  subscribers?: number;
  latencySubscribers?: number;
  latencyEvents?: number;
  cycles?: number;
  /** Redis for the cross-instance figure; skipped when absent or not answering. */
  redisUrl?: string;
}

const SECRET = 'whsec_bench_subscriptions';
const QUERY = 'subscription($id: ID!) { payoutUpdated(id: $id) { eventId type payout { id status } } }';

// ── client side (child process) ────────────────────────────────────────────

type ToChild = { cmd: 'open'; url: string; count: number; payoutId: string } | { cmd: 'receipts' } | { cmd: 'close' };
type FromChild = { opened: number; failed: number } | { receipts: Record<string, number[]> } | { closed: true };

/** Connections opened at once: more would overflow the listen backlog and be reset. */
const WAVE = 500;

/** A graphql-ws client that connects now and stays quiet about failures (the bench counts them). */
function benchClient(url: string, onDone: (ok: boolean) => void): Client {
  const client = createClient({ url, webSocketImpl: WebSocket, retryAttempts: 0, lazy: false, keepAlive: 0, onNonLazyError: () => {} });
  let settled = false;
  const settle = (ok: boolean) => !settled && ((settled = true), onDone(ok));
  client.on('connected', () => settle(true));
  client.on('closed', () => settle(false));
  client.on('error', () => settle(false));
  return client;
}

async function runClients(): Promise<void> {
  let clients: Client[] = [];
  let receipts: Record<string, number[]> = {};
  const send = (m: FromChild) => process.send!(m);
  process.on('message', async (m: ToChild) => {
    if (m.cmd === 'open') {
      const ws = `${m.url.replace(/^http/, 'ws')}/graphql`;
      let failed = 0;
      for (let opened = 0; opened < m.count; opened += WAVE) {
        const size = Math.min(WAVE, m.count - opened);
        let done = 0;
        await new Promise<void>((resolve) => {
          for (let i = 0; i < size; i++) {
            const client = benchClient(ws, (ok) => {
              if (!ok) failed++;
              if (++done === size) resolve();
            });
            client.subscribe(
              { query: QUERY, variables: { id: m.payoutId } },
              {
                next: (r) => {
                  const at = performance.timeOrigin + performance.now();
                  const id = (r.data as { payoutUpdated?: { eventId: string } } | null)?.payoutUpdated?.eventId;
                  if (id) (receipts[id] ??= []).push(at);
                },
                error: () => {},
                complete: () => {},
              },
            );
            clients.push(client);
          }
        });
      }
      send({ opened: clients.length - failed, failed });
    } else if (m.cmd === 'receipts') {
      send({ receipts });
      receipts = {};
    } else if (m.cmd === 'close') {
      await Promise.all(clients.map((c) => c.dispose()));
      clients = [];
      send({ closed: true });
    }
  });
}

// ── gateway side ────────────────────────────────────────────────────────────

function startClientProcess(): { child: ChildProcess; ask<T extends FromChild>(m: ToChild): Promise<T> } {
  const child = fork(fileURLToPath(import.meta.url), ['--clients'], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  return {
    child,
    ask: (m) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => fail(new Error(`client process did not answer ${m.cmd} within 5 minutes`)), 300_000);
        const onExit = () => fail(new Error('client process exited'));
        const fail = (err: Error) => {
          clearTimeout(timer);
          child.off('exit', onExit);
          reject(err);
        };
        child.once('exit', onExit);
        child.once('message', (reply) => {
          clearTimeout(timer);
          child.off('exit', onExit);
          resolve(reply as never);
        });
        child.send(m);
      }),
  };
}

const gc: () => void = (() => {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();

function memory(): { rss: number; heap: number } {
  gc();
  gc();
  const m = process.memoryUsage();
  return { rss: m.rss, heap: m.heapUsed };
}

async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  return check();
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
}

async function startGateway(emulatorUrl: string, redisUrl?: string, channelPrefix?: string): Promise<{ gateway: Gateway; url: string }> {
  const config = loadConfig({
    PORT: '0',
    STRIPE_API_BASE: emulatorUrl,
    // A key (not emulator mode): the emulator does not also send its own webhooks to the gateway.
    STRIPE_SECRET_KEY: 'sk_test_bench',
    STRIPE_WEBHOOK_SECRET: SECRET,
    // The bench's clients carry no credential.
    AUTH_DISABLED: 'true',
    STRIPE_MAX_NETWORK_RETRIES: '0',
    LOG_LEVEL: 'silent',
    ...NO_RATE_LIMIT,
    ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
  });
  const gateway = createGateway(config, { logger: createLogger('silent'), pubsub: { channelPrefix } });
  const { url } = await gateway.start();
  return { gateway, url };
}

/** Pause between measured events, so each figure is one event's fan-out, not a queue behind the previous one. */
const EVENT_SPACING_MS = 250;
/** Unmeasured events first, so the figures are not those of cold (not yet optimised) code. */
const WARMUP_EVENTS = 3;

/**
 * The gateway's socket writes, counted in this process (the gateway runs here): the time of
 * an event's last write tells the gateway's fan-out apart from the clients' decoding, which
 * for 1,000 subscribers in one client process queues up behind itself.
 */
const socketWrites = { count: 0, lastAt: 0 };
let writesCounted = false;
function countSocketWrites(): void {
  if (writesCounted) return;
  writesCounted = true;
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (this: WebSocket, ...args: Parameters<WebSocket['send']>) {
    socketWrites.count++;
    socketWrites.lastAt = performance.timeOrigin + performance.now();
    return send.apply(this, args);
  } as WebSocket['send'];
}

interface LatencySample {
  /** Per delivery: webhook posted → a client's receipt, sorted. */
  deliveries: number[];
  /** Per event: webhook posted → the gateway's last socket write for it, sorted. */
  lastWrites: number[];
}

/** Posts signed webhooks for `payout` one after another and measures the ones after the warm-up. */
async function measureLatency(
  url: string,
  clients: ReturnType<typeof startClientProcess>,
  payout: Stripe.Payout,
  events: number,
  baseCreated: number,
  subscribers: number,
): Promise<LatencySample> {
  countSocketWrites();
  const sentAt = new Map<string, number>();
  const lastWrites: number[] = [];
  for (let i = -WARMUP_EVENTS; i < events; i++) {
    const event = { id: `evt_bench${randomUUID().replace(/-/g, '')}`, object: 'event', type: 'payout.updated', created: baseCreated + WARMUP_EVENTS + i, data: { object: payout }, livemode: false, pending_webhooks: 1, request: { id: null, idempotency_key: null }, api_version: Stripe.API_VERSION };
    const payload = JSON.stringify(event);
    const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET });
    const start = performance.timeOrigin + performance.now();
    if (i >= 0) sentAt.set(event.id, start);
    const writesBefore = socketWrites.count;
    const res = await fetch(`${url}/webhooks/stripe`, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': header }, body: payload });
    await res.arrayBuffer();
    await new Promise((r) => setTimeout(r, EVENT_SPACING_MS));
    if (i >= 0 && socketWrites.count - writesBefore >= subscribers) lastWrites.push(socketWrites.lastAt - start);
  }
  await new Promise((r) => setTimeout(r, 500));
  const { receipts } = await clients.ask<{ receipts: Record<string, number[]> }>({ cmd: 'receipts' });
  const deliveries: number[] = [];
  for (const [id, times] of Object.entries(receipts)) {
    const start = sentAt.get(id);
    if (start !== undefined) for (const t of times) deliveries.push(t - start);
  }
  return { deliveries: deliveries.sort((a, b) => a - b), lastWrites: lastWrites.sort((a, b) => a - b) };
}

/** One latency figure from a sample. */
function latencyFigure(transport: 'memory' | 'redis', subscribers: number, events: number, sample: LatencySample): SubscriptionBenchFigures['latency'][number] {
  const { deliveries, lastWrites } = sample;
  return {
    transport,
    subscribers,
    events,
    p50Ms: percentile(deliveries, 50),
    p99Ms: percentile(deliveries, 99),
    maxMs: deliveries.at(-1) ?? NaN,
    lastWriteP50Ms: percentile(lastWrites, 50),
    lastWriteMaxMs: lastWrites.at(-1) ?? NaN,
  };
}

export async function runSubscriptionBench(opts: SubscriptionBenchOptions = {}): Promise<SubscriptionBenchFigures> {
  const target = opts.subscribers ?? 10_000;
  const latencySubscribers = opts.latencySubscribers ?? 1_000;
  const latencyEvents = opts.latencyEvents ?? 20;
  const cycles = opts.cycles ?? 10_000;
  const redisUrl = opts.redisUrl ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

  const emulator: Emulator = createEmulator({ seed: 'demo' });
  await emulator.ready;
  const { url: emulatorUrl } = await emulator.listen(0, '127.0.0.1');
  const u = new URL(emulatorUrl);
  const stripe = new Stripe('sk_test_bench', { host: u.hostname, port: Number(u.port), protocol: 'http', maxNetworkRetries: 0 });
  const payout = await stripe.payouts.create({ amount: 500, currency: 'usd' });
  let created = emulator.clock.now() + 10;

  const { gateway, url } = await startGateway(emulatorUrl);
  const figures: SubscriptionBenchFigures = {
    subscribersHeld: 0,
    connectFailures: 0,
    subscribersTarget: target,
    rssPerSubscriberKB: NaN,
    heapPerSubscriberKB: NaN,
    latency: [],
    cycles: { cycles, listenersBefore: 0, listenersAfter: 0, wsClientsAfter: 0, rssDeltaMB: 0, heapDeltaMB: 0 },
  };
  // Each phase gets a client process of its own, and the latency phases run first: a figure
  // must not carry the heap of the 10,000 connections and cycles of the phases before it.
  let clients = startClientProcess();
  try {
    // Latency at 1,000 subscribers, in memory.
    await clients.ask({ cmd: 'open', url, count: latencySubscribers, payoutId: payout.id });
    await until(() => gateway.live.stats().subscribers >= latencySubscribers, 60_000);
    const memLat = await measureLatency(url, clients, payout, latencyEvents, created, latencySubscribers);
    created += latencyEvents + WARMUP_EVENTS;
    figures.latency.push(latencyFigure('memory', latencySubscribers, latencyEvents, memLat));
    await clients.ask({ cmd: 'close' });
    await until(() => gateway.live.stats().wsClients === 0, 30_000);
    clients.child.kill();

    // Latency through Redis: the webhook goes to instance A, the subscribers sit on instance B.
    if (await redisAnswers(redisUrl)) {
      const prefix = `bench-${randomUUID()}:`;
      const a = await startGateway(emulatorUrl, redisUrl, prefix);
      const b = await startGateway(emulatorUrl, redisUrl, prefix);
      try {
        clients = startClientProcess();
        await clients.ask({ cmd: 'open', url: b.url, count: latencySubscribers, payoutId: payout.id });
        await until(() => b.gateway.live.stats().subscribers >= latencySubscribers, 60_000);
        await new Promise((r) => setTimeout(r, 200));
        const redisLat = await measureLatency(a.url, clients, payout, latencyEvents, created, latencySubscribers);
        figures.latency.push(latencyFigure('redis', latencySubscribers, latencyEvents, redisLat));
        await clients.ask({ cmd: 'close' });
      } finally {
        clients.child.kill();
        await a.gateway.stop();
        await b.gateway.stop();
      }
    }

    // Capacity and memory per subscriber.
    clients = startClientProcess();
    const before = memory();
    const opened = await clients.ask<{ opened: number; failed: number }>({ cmd: 'open', url, count: target, payoutId: payout.id });
    figures.connectFailures = opened.failed;
    await until(() => gateway.live.stats().subscribers >= opened.opened, 120_000);
    figures.subscribersHeld = gateway.live.stats().subscribers;
    const held = memory();
    figures.rssPerSubscriberKB = (held.rss - before.rss) / 1024 / Math.max(1, figures.subscribersHeld);
    figures.heapPerSubscriberKB = (held.heap - before.heap) / 1024 / Math.max(1, figures.subscribersHeld);
    await clients.ask({ cmd: 'close' });
    await until(() => gateway.live.stats().wsClients === 0 && gateway.live.stats().subscribers === 0, 60_000);

    // Subscribe/disconnect cycles, in batches held in full before they leave.
    const base = memory();
    figures.cycles.listenersBefore = gateway.live.stats().subscribers;
    const batch = WAVE;
    for (let done = 0; done < cycles; done += batch) {
      const ws = `${url.replace(/^http/, 'ws')}/graphql`;
      const batchClients = Array.from({ length: Math.min(batch, cycles - done) }, () => {
        const c = benchClient(ws, () => {});
        c.subscribe({ query: QUERY, variables: { id: payout.id } }, { next: () => {}, error: () => {}, complete: () => {} });
        return c;
      });
      await until(() => gateway.live.stats().subscribers >= batchClients.length, 30_000);
      await Promise.all(batchClients.map((c) => c.dispose()));
      await until(() => gateway.live.stats().subscribers === 0 && gateway.live.stats().wsClients === 0, 30_000);
    }
    const after = memory();
    figures.cycles.listenersAfter = gateway.live.stats().subscribers;
    figures.cycles.wsClientsAfter = gateway.live.stats().wsClients;
    figures.cycles.rssDeltaMB = (after.rss - base.rss) / 2 ** 20;
    figures.cycles.heapDeltaMB = (after.heap - base.heap) / 2 ** 20;
  } finally {
    clients.child.kill();
    await gateway.stop();
  }

  await emulator.close();
  return figures;
}

/** The figures as table rows (measure, value, target), for BENCHMARKS.md. */
export function subscriptionBenchRows(f: SubscriptionBenchFigures): { measure: string; value: string; target: string }[] {
  const r = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : 'n/a');
  const c = f.cycles;
  return [
    { measure: 'concurrent graphql-ws subscribers held', value: `${f.subscribersHeld} (${f.connectFailures} connects failed)`, target: `${f.subscribersTarget}` },
    { measure: 'gateway RSS per subscriber', value: `${r(f.rssPerSubscriberKB)} KB (heap ${r(f.heapPerSubscriberKB)} KB)`, target: '≤ 20 KB' },
    ...f.latency.map((l) => ({
      measure: `webhook → delivery, ${l.transport}, ${l.subscribers} subscribers × ${l.events} events`,
      value: `p50 ${r(l.p50Ms)} ms, p99 ${r(l.p99Ms)} ms, max ${r(l.maxMs)} ms (gateway's last socket write: p50 ${r(l.lastWriteP50Ms)} ms, max ${r(l.lastWriteMaxMs)} ms)`,
      target: 'p99 ≤ 50 ms',
    })),
    {
      measure: `after ${c.cycles} subscribe/disconnect cycles`,
      value: `listeners ${c.listenersBefore} → ${c.listenersAfter}, ws clients ${c.wsClientsAfter}, RSS Δ ${r(c.rssDeltaMB)} MB, heap Δ ${r(c.heapDeltaMB)} MB`,
      target: 'back to baseline',
    },
  ];
}

/** What `npm run bench` runs: the figures as table rows. */
export default async function runForReport(): Promise<ReturnType<typeof subscriptionBenchRows>> {
  return subscriptionBenchRows(await runSubscriptionBench());
}

function printTable(f: SubscriptionBenchFigures): void {
  console.log('\nSubscription fan-out (loopback)');
  console.table(subscriptionBenchRows(f));
}

if (process.argv.includes('--clients')) {
  await runClients();
} else if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const figures = await runSubscriptionBench();
  printTable(figures);
  process.exit(0);
}
