import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { createEventGate, createRedisEventGate, fingerprintOf, type EventGate, type Snapshot } from '../../src/events/dedupe.js';
import { startTestRedis, type TestRedis } from './redis.js';

let redis: TestRedis;
let client: Redis;
const prefixes: string[] = [];

beforeAll(async () => {
  redis = await startTestRedis();
  client = new Redis(redis.url);
});

afterAll(async () => {
  for (const prefix of prefixes) {
    const keys = await client.keys(`${prefix}*`);
    if (keys.length) await client.del(...keys);
  }
  await client?.quit();
  await redis?.stop();
});

const gates: [string, () => EventGate][] = [
  ['in memory', () => createEventGate()],
  [
    'in Redis',
    () => {
      // A prefix per gate: each test starts with an empty memory, and other runs may share the server.
      const prefix = `test-gate-${randomUUID()}:`;
      prefixes.push(prefix);
      return createRedisEventGate(client, prefix);
    },
  ],
];

const payout = (fields: Record<string, unknown> = {}) => ({ id: 'po_gate', object: 'payout', status: 'pending', amount: 100, metadata: {}, ...fields });
const snap = (object: { id: string }, account?: string): Snapshot => ({ account, objectId: object.id, fingerprint: fingerprintOf(object) });
const evt = (created: number) => ({ id: `evt_${randomUUID()}`, created });

describe.each(gates)('event gate %s', (_name, make) => {
  it("drops Stripe's event for a change the gateway already published, and the gateway's change after Stripe's", async () => {
    const gate = make();
    const canceled = payout({ status: 'canceled' });
    expect(await gate.admit(snap(canceled))).toBe('admit');
    const webhook = evt(2_000_000_000);
    expect(await gate.admit(snap(canceled), webhook)).toBe('duplicate');
    expect(await gate.admit(snap(canceled), evt(2_000_000_000))).toBe('duplicate'); // a second Stripe event type for the same change

    const tagged = payout({ status: 'canceled', metadata: { a: '1' } });
    expect(await gate.admit(snap(tagged), evt(2_000_000_001))).toBe('admit');
    expect(await gate.admit(snap(tagged))).toBe('duplicate');
    // A real change is published whoever reports it.
    expect(await gate.admit(snap(payout({ status: 'canceled', metadata: { a: '2' } })))).toBe('admit');
    expect(await gate.admit(snap(payout({ status: 'canceled', metadata: { a: '3' } })), evt(2_000_000_002))).toBe('admit');
  });

  it("passes Stripe's own events that carry one state (payout.updated, then payout.paid): clients switch on their type", async () => {
    const gate = make();
    const paid = payout({ status: 'paid' });
    expect(await gate.admit(snap(paid), evt(3_000))).toBe('admit');
    expect(await gate.admit(snap(paid), evt(3_000))).toBe('admit');
    // ...but the gateway never repeats a state Stripe already announced.
    expect(await gate.admit(snap(paid))).toBe('duplicate');
  });

  it('keeps one memory per object', async () => {
    const gate = make();
    expect(await gate.admit(snap(payout()))).toBe('admit');
    expect(await gate.admit(snap(payout({ id: 'po_other' })))).toBe('admit');
    expect(await gate.admit(snap(payout()))).toBe('duplicate');
  });

  it("keeps one memory per account: account A's changes of an object never hold back account B's", async () => {
    const gate = make();
    const object = payout({ status: 'paid' });
    // The same snapshot announced in A, then in B (and on the platform): each is news in its own account.
    expect(await gate.admit(snap(object, 'acct_A'))).toBe('admit');
    expect(await gate.admit(snap(object, 'acct_B'))).toBe('admit');
    expect(await gate.admit(snap(object))).toBe('admit');
    expect(await gate.admit(snap(object, 'acct_A'))).toBe('duplicate');
    // A newer Stripe event in A does not make an older one in B stale.
    expect(await gate.admit(snap(payout({ description: 'a' }), 'acct_A'), evt(2_000))).toBe('admit');
    expect(await gate.admit(snap(payout({ description: 'b' }), 'acct_B'), evt(1_000))).toBe('admit');
    expect(await gate.admit(snap(payout({ description: 'a-old' }), 'acct_A'), evt(1_500))).toBe('stale');
  });

  it("orders Stripe events by Stripe's time only: the gateway's own changes neither set nor meet it", async () => {
    const gate = make();
    // An emulator clock far behind real time: the gateway's change in between does not make later events stale.
    expect(await gate.admit(snap(payout({ description: 'a' })), evt(1_000))).toBe('admit');
    expect(await gate.admit(snap(payout({ description: 'b' })))).toBe('admit');
    expect(await gate.admit(snap(payout({ description: 'c' })), evt(1_001))).toBe('admit');
    // An older Stripe snapshot is still refused, and is not remembered as published.
    expect(await gate.admit(snap(payout({ description: 'old' })), evt(999))).toBe('stale');
    expect(await gate.admit(snap(payout({ description: 'old' })), evt(1_002))).toBe('admit');
  });

  it("a Stripe event found to be a duplicate snapshot still counts as seen: its id and its time", async () => {
    const gate = make();
    const object = payout({ status: 'paid' });
    expect(await gate.admit(snap(object))).toBe('admit');
    const event = evt(5_000);
    expect(await gate.admit(snap(object), event)).toBe('duplicate');
    // Redelivered after the object changed: still the same event, not news.
    expect(await gate.admit(snap(payout({ status: 'failed' })), event)).toBe('duplicate');
    expect(await gate.admit(snap(payout({ status: 'pending' })), evt(4_999))).toBe('stale');
  });
});

it('Redis keeps the published snapshot for as long as event ids', async () => {
  const prefix = `test-gate-${randomUUID()}:`;
  prefixes.push(prefix);
  const gate = createRedisEventGate(client, prefix);
  await gate.admit(snap(payout()));
  const ttl = await client.ttl(`${prefix}snap:platform:po_gate`);
  expect(ttl).toBeGreaterThan(3 * 24 * 3600 - 60);
  // And across gates on one Redis (two instances), a change is published once.
  expect(await createRedisEventGate(client, prefix).admit(snap(payout()), evt(1))).toBe('duplicate');
});
