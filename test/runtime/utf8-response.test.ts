import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../harness.js';
import { utf8Bytes } from '../../src/server/utf8-response.js';

describe('utf8Bytes', () => {
  it.each([
    ['ASCII', '{"data":{"payout":{"id":"po_123","amount":500}}}'],
    ['Latin-1 letters', 'Zürich café'],
    ['other BMP characters', 'Überweisung — 東京'],
    ['astral characters (surrogate pairs)', 'paid 💸 ✓'],
    ['a lone surrogate', 'broken \uD800 pair'],
    ['the empty string', ''],
  ])('gives the same bytes as a UTF-8 encoder for %s', (_name, text) => {
    expect(utf8Bytes(text).equals(Buffer.from(text, 'utf8'))).toBe(true);
  });
});

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
