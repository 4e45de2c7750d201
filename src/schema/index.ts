// The schema: side-effect imports of every type file (each adds its types and
// root fields to the one builder), then the built schema. Printing it is
// scripts/print-schema.ts's job, never a side effect of importing this module.
import './scalars.js';
import './inputs.js';
import './balance-transaction.js';
import './external-account.js';
import './payout.js';
import './charge.js';
import './payment-intent.js';
import './refund.js';
import './transfer.js';
import './financial-account.js';
import './treasury-transaction.js';
import './outbound-payment.js';
import './payout.mutations.js';
import './refund.mutations.js';
import './transfer.mutations.js';
import './financial-account.mutations.js';
import './outbound-payment.mutations.js';
import './payout.subscriptions.js';
import './refund.subscriptions.js';
import './transfer.subscriptions.js';
import './outbound-payment.subscriptions.js';
import { isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import type { Context } from '../context.js';
import { builder } from './builder.js';

type NodeIdResolver = (parent: unknown, args: object, ctx: Context, info: unknown) => unknown;

/**
 * Pothos' relay plugin wraps every node's `id` in an async resolver (an id could come from a
 * promise), so each id costs an async call, a promise and a microtask: 200 for a page of 100
 * payouts with their balance transactions. Our ids are plain reads and encode as themselves
 * (builder.ts: encodeGlobalID is String(id)), so each node type's `id` field calls its own
 * `id.resolve` directly; the relay wrapper stays as the fallback for anything that is not a string.
 */
function resolveNodeIdsDirectly(built: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(built.getTypeMap())) {
    if (!isObjectType(type) || !type.getInterfaces().some((i) => i.name === 'Node')) continue;
    const resolveId = (type.extensions.pothosOptions as { id?: { resolve?: NodeIdResolver } } | undefined)?.id?.resolve;
    const field = type.getFields().id;
    const wrapped = field?.resolve;
    if (!resolveId || !wrapped) continue;
    field.resolve = ((parent, args, ctx, info) => {
      const id = resolveId(parent, args, ctx, info);
      return typeof id === 'string' ? id : wrapped(parent, args, ctx, info);
    }) satisfies GraphQLFieldResolver<unknown, Context>;
  }
  return built;
}

export const schema = resolveNodeIdsDirectly(builder.toSchema());
