import { afterAll, beforeAll, expect, it } from 'vitest';
import { createHarness, type Harness } from '../harness.js';
import { sseSubscribe } from './clients.js';

const MAX = 3;
type Refusal = { errors: { message: string; extensions: Record<string, unknown> }[] };
let h: Harness;

beforeAll(async () => {
  h = await createHarness({ transport: 'loopback', env: { MAX_SUBSCRIPTIONS_PER_CALLER: String(MAX) } });
});
afterAll(() => h?.close());

/**
 * A subscription asked for in a format no stream is sent in must not stay open: before the fix
 * yoga answered an empty 406 and each one held a live stream until the process ended, so a caller
 * could pile them up without limit by varying the query (or lock itself out of subscriptions).
 * Now it is refused before it subscribes, with a body that says which format to ask for.
 */
it('refuses a subscription it cannot deliver (406 NOT_ACCEPTABLE), so repeating it holds nothing and the caller can still subscribe', async () => {
  const query = encodeURIComponent('subscription { payoutEvents { eventId } }');
  const accepts = ['application/json', 'application/graphql-response+json', 'multipart/mixed', 'multipart/mixed; deferSpec=20220824'];
  for (let i = 0; i < 4 * MAX; i++) {
    const accept = accepts[i % accepts.length];
    const get = await fetch(`${h.url}/graphql?query=${query}`, { headers: { accept } });
    expect(get.status, accept).toBe(406);
    expect(((await get.json()) as Refusal).errors[0].extensions).toEqual({ code: 'NOT_ACCEPTABLE', acceptable: ['text/event-stream'] });
    const post = await fetch(`${h.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept },
      body: JSON.stringify({ query: 'subscription { refundEvents { eventId } }' }),
    });
    expect(post.status, accept).toBe(406);
    expect(((await post.json()) as Refusal).errors[0].message).toMatch(/subscription is sent in parts, as text\/event-stream, which .* ask for it in Accept\./);
  }
  expect(h.gateway.live.stats()).toMatchObject({ subscribers: 0, listeners: 0 });

  // The caller's subscription allowance is whole: MAX real subscriptions still start.
  const streams = Array.from({ length: MAX }, () => sseSubscribe(h.url, 'subscription { payoutEvents { eventId } }'));
  await Promise.all(streams.map((s) => s.opened));
  expect(h.gateway.live.stats().subscribers).toBe(MAX);
  for (const s of streams) s.close();
  expect((await h.gql('{ payouts(first: 1) { edges { node { id } } } }')).errors).toBeUndefined();
});
