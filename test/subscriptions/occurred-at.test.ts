import { describe, expect, it } from 'vitest';
import { createHarness } from '../harness.js';

/** 2026-01-01T00:00:00Z: the emulator's clock, far from the machine's, so a date taken from the wrong clock shows. */
const START = 1_767_225_600;

describe("a gateway mutation's event is dated by the upstream's clock, like Stripe's own events", () => {
  for (const transport of ['in-process', 'loopback'] as const) {
    it(`occurredAt is the time the emulator made the change (SDK over ${transport})`, async () => {
      const h = await createHarness({ transport, emulator: { startTime: START } });
      try {
        const res = await h.fetch('/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
          body: JSON.stringify({ query: 'subscription { payoutEvents { eventId type occurredAt payout { id created } } }' }),
        });
        const events = res.body!.pipeThrough(new TextDecoderStream()).getReader();
        await h.emulator.advance(3600);
        const made = await h.gql<{ createPayout: { payout: { id: string } } }>('mutation { createPayout(input: { amount: 500, currency: "usd" }) { ... on CreatePayoutPayload { payout { id } } } }');
        let text = '';
        while (!/^data: /m.test(text)) text += (await events.read()).value ?? '';
        await events.cancel();
        const event = (JSON.parse(/^data: (.*)$/m.exec(text)![1]) as { data: { payoutEvents: { eventId: string; occurredAt: string; payout: { id: string; created: string } } } }).data.payoutEvents;
        expect(event.payout.id).toBe(made.data!.createPayout.payout.id);
        expect(event.eventId).toMatch(/^gw_/);
        expect(event.occurredAt).toBe(new Date((START + 3600) * 1000).toISOString());
        expect(event.occurredAt).toBe(event.payout.created);
      } finally {
        await h.close();
      }
    });
  }
});
