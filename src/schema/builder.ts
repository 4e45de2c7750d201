import SchemaBuilder from '@pothos/core';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import RelayPlugin from '@pothos/plugin-relay';
import ErrorsPlugin from '@pothos/plugin-errors';
import ScopeDocsPlugin from './plugins/scope-docs.js';
import OpenEnumsPlugin from './plugins/open-enums.js';
import StripeViewsPlugin from './plugins/views.js';
import type { Context } from '../context.js';
import { SCOPES, type Scope } from '../auth/principal.js';
import { quoteId, typeNameForId } from '../stripe/ids.js';
import { forbiddenError } from './forbidden.js';
import { userError } from '../stripe/errors.js';

/**
 * The one SchemaBuilder. Fields are non-null unless marked `nullable: true`,
 * so nullability in the schema follows Stripe's types. Relay node ids are
 * Stripe's own ids (globally unique, typed by prefix), so ids pasted from the
 * dashboard work with `node(id:)`.
 */
export const builder = new SchemaBuilder<{
  Context: Context;
  AuthScopes: Record<Scope, boolean>;
  DefaultFieldNullability: false;
  Scalars: {
    /** Unix seconds on the Stripe side, ISO-8601 on the wire. */
    DateTime: { Input: number; Output: number };
    /** Stripe metadata: a flat object of string values. */
    Metadata: { Input: Record<string, string | null>; Output: Record<string, string> };
    /** Three-letter ISO currency code, lowercase as Stripe sends it. */
    Currency: { Input: string; Output: string };
    /** An arbitrary JSON value, for the few Stripe hashes whose keys are open-ended. */
    JSON: { Input: unknown; Output: unknown };
  };
}>({
  // Scope checks first, so a refused field runs nothing else (its documented place in the plugin list).
  // Views last: Pothos applies the last plugin's resolver wrapper innermost, so every other plugin's
  // wrapper (scope checks) still runs around a field the view answers.
  plugins: [ScopeAuthPlugin, ScopeDocsPlugin, ErrorsPlugin, RelayPlugin, OpenEnumsPlugin, StripeViewsPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    // Subscriptions are checked once, when they start, not on every event.
    authorizeOnSubscribe: true,
    authScopes: (ctx) => Object.fromEntries(SCOPES.map((scope) => [scope, ctx.principal.scopes.has(scope)])) as Record<Scope, boolean>,
    unauthorizedError: (_parent, ctx, info, result) => forbiddenError(ctx, info, result),
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    encodeGlobalID: (_typename, id) => String(id),
    decodeGlobalID: (globalID) => {
      const typename = typeNameForId(globalID);
      if (!typename) {
        throw userError(
          'BAD_USER_INPUT',
          `No type has ids like ${quoteId(globalID)}: expected a Stripe id such as po_…, re_…, tr_…, trr_…:tr_…, obp_…, fa_…, trxn_…, txn_…, ch_… or pi_….`,
        );
      }
      return { typename, id: globalID };
    },
    // Descriptions for what the relay plugin generates (the schema describes every type, field and argument).
    nodeTypeOptions: { description: 'An object that can be fetched by its id with `node(id:)`. Ids are Stripe’s own ids.' },
    idFieldOptions: { description: 'The object’s Stripe id, as shown in the Stripe dashboard.' },
    nodeQueryOptions: {
      description: 'Any object by its Stripe id (po_…, re_…, tr_…, obp_…, fa_…, trxn_…, txn_…, ch_…, pi_…, or trr_…:tr_… for a reversal).',
      args: { id: { description: 'A Stripe id; its prefix picks the type.' } },
    },
    nodesQueryOptions: {
      description: 'Several objects by their Stripe ids, in the order given; an entry is null (with an error) when its id cannot be loaded.',
      args: { ids: { description: 'Stripe ids; each prefix picks that entry’s type.' } },
    },
    pageInfoTypeOptions: { description: 'Where a page sits in a list, for fetching the next or previous page.' },
    hasNextPageFieldOptions: { description: 'True when more items follow this page (ask with `after: endCursor`).' },
    hasPreviousPageFieldOptions: { description: 'True when more items precede this page (ask with `before: startCursor`).' },
    startCursorFieldOptions: { description: 'The cursor of the first item on this page; null on an empty page.' },
    endCursorFieldOptions: { description: 'The cursor of the last item on this page; null on an empty page.' },
    edgesFieldOptions: { description: 'The items on this page, newest first, each with its cursor.' },
    pageInfoFieldOptions: { description: 'Cursors and whether more pages exist.' },
    nodeFieldOptions: { description: 'The item.' },
    cursorFieldOptions: { description: 'An opaque cursor for this item, to pass as `after` or `before`.' },
    firstArgOptions: { description: 'Return at most this many items (1–100) after `after`, or from the newest.' },
    afterArgOptions: { description: 'Return items older than the item with this cursor.' },
    lastArgOptions: { description: 'Return at most this many items (1–100) before `before`.' },
    beforeArgOptions: { description: 'Return items newer than the item with this cursor.' },
  },
  errors: {
    defaultTypes: [],
  },
});

builder.queryType({
  description: 'Read Stripe payouts, refunds, transfers, reversals and Treasury outbound payments. Every field needs the `read` scope.',
  authScopes: { read: true },
});
builder.mutationType({ description: 'Every write Stripe offers on these resources, safe to retry. Each field names the scope it needs.' });
builder.subscriptionType({
  description: 'Live status changes, fed by Stripe webhooks and by this gateway’s own mutations. Every field needs the `read` scope.',
  authScopes: { read: true },
});
