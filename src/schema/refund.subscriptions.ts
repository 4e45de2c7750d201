import { builder } from './builder.js';
import { RefundRef, RefundStatus } from './refund.js';
import { objectEventType, statusFilter, subscribeToList, subscribeToObject } from './subscriptions.js';

export const RefundEventRef = objectEventType({
  name: 'RefundEvent',
  field: 'refund',
  type: RefundRef,
  description:
    'A refund changed: created, updated (e.g. PENDING → SUCCEEDED) or failed. Sent when Stripe reports it (refund.* and charge.refund.updated webhooks) or when this gateway changed it.',
  fieldDescription: 'The refund as of this event, with nested fields read fresh for each event.',
});

builder.subscriptionFields((t) => ({
  refundUpdated: t.field({
    type: RefundEventRef,
    description: 'Every change of one refund. Fails with NOT_FOUND if the refund does not exist.',
    args: { id: t.arg.id({ required: true, description: 'The refund’s id (re_… or pyr_…).' }) },
    subscribe: (_root, args, ctx) => subscribeToObject(ctx, 'refund', String(args.id)),
    resolve: (change) => change,
  }),
  refundEvents: t.field({
    type: RefundEventRef,
    description: 'Changes of every refund, optionally only those whose new status is in `status`.',
    args: {
      status: t.arg({ type: [RefundStatus.ref], required: false, description: 'Only refunds now in one of these statuses; UNRECOGNIZED matches statuses newer than this schema.' }),
    },
    subscribe: (_root, args, ctx) => {
      const wanted = statusFilter(RefundStatus, args.status);
      return subscribeToList(ctx, 'refund', (refund) => wanted(refund.status ?? ''));
    },
    resolve: (change) => change,
  }),
}));
