import SchemaBuilder from '@pothos/core';
import RelayPlugin from '@pothos/plugin-relay';
import ErrorsPlugin from '@pothos/plugin-errors';
import type { Context } from '../context.js';
import { typeNameForId } from '../stripe/ids.js';

/**
 * The one SchemaBuilder. Fields are non-null unless marked `nullable: true`,
 * so nullability in the schema follows Stripe's types. Relay node ids are
 * Stripe's own ids (globally unique, typed by prefix), so ids pasted from the
 * dashboard work with `node(id:)`.
 */
export const builder = new SchemaBuilder<{
  Context: Context;
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
  plugins: [ErrorsPlugin, RelayPlugin],
  defaultFieldNullability: false,
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    encodeGlobalID: (_typename, id) => String(id),
    decodeGlobalID: (globalID) => ({ typename: typeNameForId(globalID), id: globalID }),
  },
  errors: {
    defaultTypes: [],
  },
});

builder.queryType({ description: 'Read Stripe payouts, refunds, transfers, reversals and Treasury outbound payments.' });
builder.mutationType({ description: 'Every write Stripe offers on these resources, safe to retry.' });
builder.subscriptionType({ description: 'Live status changes, fed by Stripe webhooks and by this gateway’s own mutations.' });
