import { builder } from './builder.js';
import { PayoutRef, PayoutStatus } from './payout.js';
import { objectEventType, statusFilter, subscribeToList, subscribeToObject } from './subscriptions.js';

export const PayoutEventRef = objectEventType({
  name: 'PayoutEvent',
  field: 'payout',
  type: PayoutRef,
  description:
    'A payout changed: created, updated, paid, failed, canceled or reconciled. Sent when Stripe reports it (webhook) or when this gateway changed it.',
  fieldDescription: 'The payout as of this event, with nested fields read fresh for each event.',
});

builder.subscriptionFields((t) => ({
  payoutUpdated: t.field({
    type: PayoutEventRef,
    description: 'Every change of one payout, e.g. PENDING → IN_TRANSIT → PAID. Fails with NOT_FOUND if the payout does not exist.',
    args: { id: t.arg.id({ required: true, description: 'The payout’s id (po_…).' }) },
    subscribe: (_root, args, ctx) => subscribeToObject(ctx, 'payout', String(args.id)),
    resolve: (change) => change,
  }),
  payoutEvents: t.field({
    type: PayoutEventRef,
    description: 'Changes of every payout, optionally only those whose new status is in `status`.',
    args: {
      status: t.arg({ type: [PayoutStatus.ref], required: false, description: 'Only payouts now in one of these statuses; UNRECOGNIZED matches statuses newer than this schema.' }),
    },
    subscribe: (_root, args, ctx) => {
      const wanted = statusFilter(PayoutStatus, args.status);
      return subscribeToList(ctx, 'payout', (payout) => wanted(payout.status));
    },
    resolve: (change) => change,
  }),
}));
