import { builder } from './builder.js';
import { TransferRef } from './transfer.js';
import { objectEventType, subscribeToList, subscribeToObject } from './subscriptions.js';

export const TransferEventRef = objectEventType({
  name: 'TransferEvent',
  field: 'transfer',
  type: TransferRef,
  description:
    'A transfer changed: created, updated, or reversed (`transfer.reversed`, when a reversal was added; the transfer’s `reversals` then lists it). Sent when Stripe reports it or when this gateway changed it.',
  fieldDescription: 'The transfer as of this event, with its reversals and other nested fields read fresh for each event.',
});

builder.subscriptionFields((t) => ({
  transferUpdated: t.field({
    type: TransferEventRef,
    description: 'Every change of one transfer, including each reversal of it. Fails with NOT_FOUND if the transfer does not exist.',
    args: { id: t.arg.id({ required: true, description: 'The transfer’s id (tr_…).' }) },
    subscribe: (_root, args, ctx) => subscribeToObject(ctx, 'transfer', String(args.id)),
    resolve: (change) => change,
  }),
  transferEvents: t.field({
    type: TransferEventRef,
    description: 'Changes of every transfer, reversals included.',
    subscribe: (_root, _args, ctx) => subscribeToList(ctx, 'transfer', () => true),
    resolve: (change) => change,
  }),
}));
