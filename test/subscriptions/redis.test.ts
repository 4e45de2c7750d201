import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createGateway, type Gateway } from '../../src/gateway.js';
import { createLogger } from '../../src/server/logger.js';
import { createEmulator, type Emulator } from '../../src/emulator/index.js';
import { emulatorStripe, pendingPayout, postWebhook, sseSubscribe, stripeEvent, wsClient, wsSubscribe } from './clients.js';
import { startTestRedis, type TestRedis } from './redis.js';

const SECRET = 'whsec_redis_test_secret';
const QUERY = `subscription($id: ID!) { payoutUpdated(id: $id) { eventId type payout { id status balanceTransaction { id } } } }`;

let redis: TestRedis;
let emulator: Emulator;
const gateways: { gateway: Gateway; url: string }[] = [];

beforeAll(async () => {
  redis = await startTestRedis();
  emulator = createEmulator({ seed: 'demo' });
  await emulator.ready;
  const { url: emulatorUrl } = await emulator.listen(0, '127.0.0.1');
  // One channel prefix per test run: other runs can share the Redis server.
  const channelPrefix = `test-${randomUUID()}:`;
  for (let i = 0; i < 2; i++) {
    const config = loadConfig({
      PORT: '0',
      STRIPE_API_BASE: emulatorUrl,
      STRIPE_MAX_NETWORK_RETRIES: '0',
      STRIPE_WEBHOOK_SECRET: SECRET,
      REDIS_URL: redis.url,
      LOG_LEVEL: 'silent',
    });
    const gateway = createGateway(config, { logger: createLogger('silent'), pubsub: { channelPrefix } });
    const { url } = await gateway.start();
    gateways.push({ gateway, url });
  }
});

afterAll(async () => {
  for (const { gateway } of gateways) await gateway.stop();
  await emulator?.close();
  await redis?.stop();
});

it('a webhook posted to instance A reaches a graphql-ws subscriber on B and an SSE subscriber on A', async () => {
  const [a, b] = gateways;
  const payout = await pendingPayout(emulatorStripe(emulator));

  const client = wsClient(b.url);
  const onB = wsSubscribe(client, QUERY, { id: payout.id });
  const onA = sseSubscribe(a.url, QUERY, { id: payout.id });
  await onA.opened;
  // Both subscriptions are registered (and subscribed to their Redis channel) once the listeners exist.
  for (let i = 0; i < 100 && (a.gateway.live.stats().subscribers < 1 || b.gateway.live.stats().subscribers < 1); i++) {
    await new Promise((r) => setTimeout(r, 20));
  }
  await new Promise((r) => setTimeout(r, 100)); // Redis SUBSCRIBE is acknowledged asynchronously

  const event = stripeEvent('payout.updated', { ...payout, description: 'across instances' }, emulator.clock.now() + 10);
  const res = await postWebhook(a.url, JSON.stringify(event), { secret: SECRET });
  expect(res.status).toBe(200);

  for (const inbox of [onB.inbox, onA.inbox]) {
    const r = await inbox.find((x) => (x.data as { payoutUpdated?: { eventId: string } }).payoutUpdated?.eventId === event.id);
    expect(r.data).toMatchObject({ payoutUpdated: { type: 'payout.updated', payout: { id: payout.id, status: 'PENDING' } } });
    expect((r.data as { payoutUpdated: { payout: { balanceTransaction: { id: string } } } }).payoutUpdated.payout.balanceTransaction.id).toMatch(/^txn_/);
  }

  // Stripe may redeliver to another instance: the shared gate in Redis publishes it once.
  const redelivered = await postWebhook(b.url, JSON.stringify(event), { secret: SECRET });
  expect(await redelivered.json()).toEqual({ received: true, outcome: 'duplicate' });

  onA.close();
  await client.dispose();
  for (const { gateway } of gateways) {
    for (let i = 0; i < 100 && gateway.live.stats().subscribers > 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(gateway.live.stats().subscribers).toBe(0);
  }
});
