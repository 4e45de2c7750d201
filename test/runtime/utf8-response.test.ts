import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../harness.js';

describe('responses over HTTP', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ transport: 'loopback', emulator: { seed: 'demo' } });
  });
  afterAll(async () => {
    await h?.close();
  });

  const query = (id: string) => JSON.stringify({ query: `{ payout(id: "${id}") { id metadata } }` });
  const post = (body: string) => h.fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body });

  it('sends non-ASCII text as UTF-8 with a Content-Length in bytes, and an ASCII page unchanged', async () => {
    const page = await h.gql<{ payouts: { edges: { node: { id: string } }[] } }>(`{ payouts(first: 2) { edges { node { id } } } }`);
    const [plain, fancy] = page.data!.payouts.edges.map((e) => e.node.id);
    const metadata = { city: 'Zürich', note: 'Überweisung — 東京 💸' };
    const update = await h.gql(
      `mutation($id: ID!, $metadata: Metadata!) { updatePayout(input: { payoutId: $id, metadata: $metadata }) { __typename } }`,
      { id: fancy, metadata },
    );
    expect(update.data).toEqual({ updatePayout: { __typename: 'UpdatePayoutPayload' } });

    for (const [id, expected] of [[fancy, metadata], [plain, undefined]] as const) {
      const res = await post(query(id));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(Number(res.headers.get('content-length'))).toBe(bytes.length);
      const body = JSON.parse(bytes.toString('utf8')) as { data: { payout: { id: string; metadata: Record<string, string> } } };
      expect(body.data.payout.id).toBe(id);
      if (expected) expect(body.data.payout.metadata).toEqual(expected);
    }
  });
});
