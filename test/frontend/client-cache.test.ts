import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Client, fetchExchange, gql } from '@urql/core';
import { cacheExchange, type CacheExchangeOpts } from '@urql/exchange-graphcache';
import { createHarness, type Harness } from '../harness.js';
import { emulatorStripe } from '../subscriptions/clients.js';

/** The committed artifacts, as a frontend would import them. */
const introspection = JSON.parse(readFileSync(new URL('../../schema.introspection.json', import.meta.url), 'utf8')) as CacheExchangeOpts['schema'];
const possibleTypes = JSON.parse(readFileSync(new URL('../../possible-types.json', import.meta.url), 'utf8')) as CacheExchangeOpts['possibleTypes'];

const PAYOUT = gql`
  query Payout($id: ID!) { payout(id: $id) { id status amount } }
`;

// A union result matched through an interface its members implement (UserError): what needs the schema.
const CANCEL = gql`
  mutation Cancel($id: ID!) {
    cancelPayout(input: { payoutId: $id }) {
      __typename
      ... on CancelPayoutPayload { payout { id status } }
      ... on UserError { code message }
    }
  }
`;

type PayoutData = { payout: { id: string; status: string } };
type CancelData = { cancelPayout: { __typename: string; code?: string; payout?: { id: string; status: string } } };

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ transport: 'loopback' });
});
afterAll(async () => h?.close());

describe('urql graphcache with the committed schema artifacts', () => {
  for (const [name, opts] of [
    ['schema.introspection.json (schema)', { schema: introspection }],
    ['possible-types.json (possibleTypes)', { possibleTypes }],
  ] as const) {
    it(`${name}: a mutation's union result updates the cached payout, and its typed error matches \`... on UserError\` without guessing`, async () => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      try {
        const client = new Client({ url: `${h.url}/graphql`, exchanges: [cacheExchange(opts), fetchExchange] });
        const { id } = await emulatorStripe(h.emulator).payouts.create({ amount: 2500, currency: 'usd', method: 'standard' });

        const before = await client.query(PAYOUT, { id }).toPromise();
        expect((before.data as PayoutData).payout.status).toBe('PENDING');

        const canceled = await client.mutation(CANCEL, { id }).toPromise();
        expect((canceled.data as CancelData).cancelPayout.__typename).toBe('CancelPayoutPayload');
        // The cache now holds the new status: read without a request.
        const cached = await client.query(PAYOUT, { id }, { requestPolicy: 'cache-only' }).toPromise();
        expect((cached.data as PayoutData).payout.status).toBe('CANCELED');

        const refused = await client.mutation(CANCEL, { id }).toPromise();
        expect((refused.data as CancelData).cancelPayout).toMatchObject({ __typename: 'PayoutInvalidStateError', code: 'INVALID_STATE' });
        // Without the schema or possible types graphcache guesses fragment matches, and says so.
        expect(warn.mock.calls.map((call) => String(call[0])).filter((m) => /heuristic/i.test(m))).toEqual([]);
      } finally {
        warn.mockRestore();
      }
    });
  }
});
