import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Stripe from 'stripe';
import type { Client } from 'graphql-ws';
import { Redis } from 'ioredis';
import { loadConfig } from '../../src/config.js';
import { createGateway, type Gateway } from '../../src/gateway.js';
import { createLogger } from '../../src/server/logger.js';
import { createEmulator, type Emulator } from '../../src/emulator/index.js';
import { emulatorStripe, wsClient, wsSubscribe, type WsSubscription } from './clients.js';
import { startTestRedis, type TestRedis } from './redis.js';

// Connect tenancy of live events: three gateways on one emulator, acting as the platform, as
// acct_A and as acct_B. Each registers a platform and a Connect webhook endpoint, so every
// gateway receives every connected account's events; a subscriber must still see only its own account's.

const ACCT_A = 'acct_1SubscriberAccountA';
const ACCT_B = 'acct_1SubscriberAccountB';
const EVENTS = /* GraphQL */ `subscription { payoutEvents { eventId type payout { id status } } }`;
const WATCH = /* GraphQL */ `subscription($id: ID!) { payoutUpdated(id: $id) { eventId payout { id status } } }`;

type Tenant = 'platform' | 'A' | 'B';
interface Instance {
  gateway: Gateway;
  url: string;
  client: Client;
}
type PayoutEvent = { payoutEvents?: { eventId: string; type: string; payout: { id: string; status: string } } };

let redis: TestRedis;
let redisClient: Redis;
const channelPrefixes: string[] = [];

beforeAll(async () => {
  redis = await startTestRedis();
  redisClient = new Redis(redis.url);
});

afterAll(async () => {
  for (const prefix of channelPrefixes) {
    const keys = await redisClient.keys(`${prefix}*`);
    if (keys.length) await redisClient.del(...keys);
  }
  await redisClient?.quit();
  await redis?.stop();
});

describe.each([
  ['the in-memory pubsub', false],
  ['Redis (instances sharing pubsub and dedupe)', true],
])('subscribers of different Stripe accounts over %s', (_name, viaRedis) => {
  let emulator: Emulator;
  let stripe: Stripe;
  const instances = {} as Record<Tenant, Instance>;
  const subscriptions: WsSubscription[] = [];

  beforeAll(async () => {
    emulator = createEmulator({ accounts: [ACCT_A, ACCT_B] });
    const { url: emulatorUrl } = await emulator.listen(0, '127.0.0.1');
    stripe = emulatorStripe(emulator);
    const channelPrefix = `test-accounts-${randomUUID()}:`;
    if (viaRedis) channelPrefixes.push(channelPrefix);
    for (const [tenant, account] of [['platform', undefined], ['A', ACCT_A], ['B', ACCT_B]] as const) {
      const config = loadConfig({
        PORT: '0',
        STRIPE_API_BASE: emulatorUrl,
        STRIPE_MAX_NETWORK_RETRIES: '0',
        LOG_LEVEL: 'silent',
        ...(account ? { STRIPE_ACCOUNT: account } : {}),
        ...(viaRedis ? { REDIS_URL: redis.url } : {}),
      });
      const gateway = createGateway(config, { logger: createLogger('silent'), pubsub: { channelPrefix } });
      const { url } = await gateway.start();
      instances[tenant] = { gateway, url, client: wsClient(url) };
    }
  });

  afterAll(async () => {
    for (const sub of subscriptions) sub.unsubscribe();
    for (const { client, gateway } of Object.values(instances)) {
      await client.dispose();
      await gateway.stop();
    }
    await emulator?.close();
  });

  /** Subscribes on a tenant's gateway and waits until the server (and Redis) holds the subscription. */
  async function subscribe(tenant: Tenant, query: string, variables: Record<string, unknown> = {}): Promise<WsSubscription> {
    const { gateway, client } = instances[tenant];
    const before = gateway.live.stats().subscribers;
    const sub = wsSubscribe(client, query, variables);
    subscriptions.push(sub);
    for (let i = 0; i < 250 && gateway.live.stats().subscribers === before && !sub.inbox.completed; i++) await new Promise((r) => setTimeout(r, 20));
    if (viaRedis) await new Promise((r) => setTimeout(r, 100)); // Redis SUBSCRIBE is acknowledged asynchronously
    return sub;
  }

  /** Every webhook delivered to every gateway, and a moment for them to publish what they would. */
  async function settled(): Promise<void> {
    await emulator.webhooks.idle();
    await new Promise((r) => setTimeout(r, 200));
  }

  const payoutIdsOf = (sub: WsSubscription) => sub.inbox.results.map((r) => (r.data as PayoutEvent).payoutEvents?.payout.id);

  it("a change in account A reaches A's subscriber only: never the platform's, never B's", async () => {
    const [onPlatform, onA, onB] = [await subscribe('platform', EVENTS), await subscribe('A', EVENTS), await subscribe('B', EVENTS)];

    const inA = await stripe.payouts.create({ amount: 101, currency: 'usd' }, { stripeAccount: ACCT_A });
    const inPlatform = await stripe.payouts.create({ amount: 102, currency: 'usd' });
    const inB = await stripe.payouts.create({ amount: 103, currency: 'usd' }, { stripeAccount: ACCT_B });
    await onA.inbox.find((r) => (r.data as PayoutEvent).payoutEvents?.payout.id === inA.id);
    await onPlatform.inbox.find((r) => (r.data as PayoutEvent).payoutEvents?.payout.id === inPlatform.id);
    await onB.inbox.find((r) => (r.data as PayoutEvent).payoutEvents?.payout.id === inB.id);
    await settled();

    // Every gateway received A's and B's events (through its Connect endpoint), yet each subscriber saw its own account's once.
    expect(payoutIdsOf(onA)).toEqual([inA.id]);
    expect(payoutIdsOf(onPlatform)).toEqual([inPlatform.id]);
    expect(payoutIdsOf(onB)).toEqual([inB.id]);
    for (const sub of [onA, onPlatform, onB]) {
      expect(sub.inbox.results.map((r) => [r.errors, (r.data as PayoutEvent).payoutEvents?.type])).toEqual([[undefined, 'payout.created']]);
      sub.unsubscribe();
    }
  });

  it("a mutation made as account A reaches A's subscriber once, and never the platform's or B's", async () => {
    const [onPlatform, onA, onB] = [await subscribe('platform', EVENTS), await subscribe('A', EVENTS), await subscribe('B', EVENTS)];

    const res = await fetch(`${instances.A.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `mutation { createPayout(input: { amount: 204, currency: "usd" }) { ... on CreatePayoutPayload { payout { id } } } }` }),
    });
    const created = ((await res.json()) as { data: { createPayout: { payout: { id: string } } } }).data.createPayout.payout.id;
    // It lives in A: the platform can't read it.
    await expect(stripe.payouts.retrieve(created)).rejects.toMatchObject({ statusCode: 404 });
    await onA.inbox.find((r) => (r.data as PayoutEvent).payoutEvents?.payout.id === created);
    await settled();

    // The gateway's own announcement and Stripe's webhook for it (received by all three gateways): one delivery, to A only.
    expect(payoutIdsOf(onA)).toEqual([created]);
    expect(payoutIdsOf(onPlatform)).toEqual([]);
    expect(payoutIdsOf(onB)).toEqual([]);
    for (const sub of [onA, onPlatform, onB]) sub.unsubscribe();
  });

  it("a per-object subscription follows its own account's object; another account can't subscribe to it", async () => {
    const inA = await stripe.payouts.create({ amount: 305, currency: 'usd' }, { stripeAccount: ACCT_A });
    await emulator.webhooks.idle();
    const watch = await subscribe('A', WATCH, { id: inA.id });
    const fromPlatform = await subscribe('platform', WATCH, { id: inA.id });
    await fromPlatform.inbox.waitFor(1);
    expect(fromPlatform.inbox.results[0].errors?.[0].extensions?.code).toBe('NOT_FOUND');

    await stripe.payouts.cancel(inA.id, {}, { stripeAccount: ACCT_A });
    const r = await watch.inbox.find((x) => (x.data as { payoutUpdated?: { payout: { status: string } } }).payoutUpdated?.payout.status === 'CANCELED');
    expect(r.errors).toBeUndefined();
    watch.unsubscribe();
  });
});
