import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Client } from 'graphql-ws';
import { createHarness, type Harness } from '../harness.js';
import { emulatorStripe, pendingPayout, wsClient, wsSubscribe } from './clients.js';

const CYCLES = 2_000;
const CONCURRENCY = 100;

let h: Harness;
let payoutId: string;

beforeAll(async () => {
  h = await createHarness({ transport: 'loopback' });
  payoutId = (await pendingPayout(emulatorStripe(h.emulator))).id;
});

afterAll(async () => {
  await h?.close();
});

async function settled(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
}

/**
 * One batch of cycles: every client connects and subscribes, the batch waits
 * until the server holds all of them, then they leave: half complete the
 * subscription first, the rest just drop the socket.
 */
async function batch(first: number, size: number): Promise<void> {
  const before = h.gateway.live.stats().subscribers;
  const clients: { client: Client; unsubscribe(): void }[] = [];
  for (let i = first; i < first + size; i++) {
    const client = wsClient(h.url);
    const sub =
      i % 2 === 0
        ? wsSubscribe(client, `subscription($id: ID!) { payoutUpdated(id: $id) { eventId } }`, { id: payoutId })
        : wsSubscribe(client, `subscription { payoutEvents(status: [PAID]) { eventId } }`);
    clients.push({ client, unsubscribe: sub.unsubscribe });
  }
  await settled(() => h.gateway.live.stats().subscribers === before + size);
  expect(h.gateway.live.stats().subscribers).toBe(before + size);
  await Promise.all(
    clients.map(async ({ client, unsubscribe }, k) => {
      if (k % 2 === 0) unsubscribe();
      await client.dispose();
    }),
  );
  await settled(() => h.gateway.live.stats().subscribers === before && h.gateway.live.stats().wsClients === 1);
}

it(`leaves no listener or socket behind after ${CYCLES} subscribe/disconnect cycles`, async () => {
  const baseline = h.gateway.live.stats();
  expect(baseline).toEqual({ subscribers: 0, listeners: 0, wsClients: 0 });

  // Some subscriptions stay open meanwhile, to show the counts really move.
  const holder = wsClient(h.url);
  const held = wsSubscribe(holder, `subscription { payoutEvents { eventId } }`);
  await settled(() => h.gateway.live.stats().subscribers === 1);
  expect(h.gateway.live.stats()).toEqual({ subscribers: 1, listeners: 1, wsClients: 1 });

  for (let first = 0; first < CYCLES; first += CONCURRENCY) await batch(first, CONCURRENCY);
  await settled(() => h.gateway.live.stats().subscribers === 1 && h.gateway.live.stats().wsClients === 1);
  expect(h.gateway.live.stats()).toEqual({ subscribers: 1, listeners: 1, wsClients: 1 });

  held.unsubscribe();
  await holder.dispose();
  await settled(() => h.gateway.live.stats().subscribers === 0 && h.gateway.live.stats().wsClients === 0);
  expect(h.gateway.live.stats()).toEqual(baseline);
}, 120_000);
