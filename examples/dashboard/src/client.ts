import { Client, fetchExchange, subscriptionExchange, type Exchange } from 'urql';
import { cacheExchange, type Cache } from '@urql/exchange-graphcache';
import { relayPagination } from '@urql/exchange-graphcache/extras';
import { persistedExchange } from '@urql/exchange-persisted';
import { createClient as createWsClient } from 'graphql-ws';
// The gateway's own client artifact (npm run schema): graphcache needs the unions and interfaces.
import schema from '../../../schema.introspection.json';
import { graphqlPath, sendDocumentHashes } from './settings';

/** Objects without an `id` live inside their parent in the cache (connections, edges and PageInfo already do). */
const embedded = () => null;

/**
 * A payout list page's cursors are only valid for the list as it was: a new payout (created here,
 * or the new payout a reversal makes) drops every cached page of Query.payouts, and the visible
 * page is fetched again. Status changes never do this: they update the Payout entity in place.
 */
function dropPayoutPages(cache: Cache): void {
  for (const field of cache.inspectFields('Query')) {
    if (field.fieldName === 'payouts') cache.invalidate('Query', field.fieldKey);
  }
}

/** The codegen client preset puts `__meta__.hash` ("sha256:<hex>") on every document; APQ wants the hex. */
function documentHash(document: { __meta__?: Record<string, unknown> }): Promise<string | undefined> {
  const hash = document.__meta__?.hash;
  return Promise.resolve(typeof hash === 'string' ? hash.replace(/^sha256:/, '') : undefined);
}

/**
 * urql with graphcache: a normalized cache that knows the schema (so the mutation result unions
 * and the UserError interface resolve without guessing), relayPagination merging the pages of
 * `payouts` and `refunds`, and graphql-ws carrying subscriptions whose objects land in the same
 * cache: a payout's status badge changes wherever it is shown, with no refetch.
 */
export function createDashboardClient(): Client {
  const { origin } = window.location;
  const ws = createWsClient({ url: `${origin.replace(/^http/, 'ws')}${graphqlPath}` });
  const exchanges: Exchange[] = [
    cacheExchange({
      schema,
      keys: {
        PayoutEvent: embedded,
        RefundEvent: embedded,
        PayoutTraceId: embedded,
        FeeDetail: embedded,
        CreatePayoutPayload: embedded,
        CancelPayoutPayload: embedded,
        ReversePayoutPayload: embedded,
        CancelRefundPayload: embedded,
        AmountTooLargeError: embedded,
        IdempotencyConflictError: embedded,
        InvalidInputError: embedded,
        PayoutInvalidStateError: embedded,
        RefundInvalidStateError: embedded,
        NotFoundError: embedded,
      },
      resolvers: {
        Query: { payouts: relayPagination(), refunds: relayPagination() },
      },
      updates: {
        Mutation: {
          createPayout: (_result, _args, cache) => dropPayoutPages(cache),
          reversePayout: (_result, _args, cache) => dropPayoutPages(cache),
        },
      },
    }),
  ];
  if (sendDocumentHashes) {
    exchanges.push(
      persistedExchange({
        enforcePersistedQueries: true,
        enableForMutation: true,
        enableForSubscriptions: true,
        generateHash: (_query, document) => documentHash(document as { __meta__?: Record<string, unknown> }),
      }),
    );
  }
  exchanges.push(
    subscriptionExchange({
      forwardSubscription: (request) => ({
        subscribe: (sink) => ({ unsubscribe: ws.subscribe({ ...request, query: request.query ?? '' }, sink) }),
      }),
    }),
    fetchExchange,
  );
  return new Client({ url: `${origin}${graphqlPath}`, exchanges });
}
