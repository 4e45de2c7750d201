import { builder } from './builder.js';
import { OutboundPaymentRef, OutboundPaymentStatus } from './outbound-payment.js';
import { assertIdOf } from './node.js';
import { assertExists, objectEventType, statusFilter, subscribeToList, subscribeToObject } from './subscriptions.js';

export const OutboundPaymentEventRef = objectEventType({
  name: 'OutboundPaymentEvent',
  field: 'outboundPayment',
  type: OutboundPaymentRef,
  description:
    'A Treasury outbound payment changed: created, posted, failed, canceled, returned, or its expected arrival date or tracking details changed. Sent when Stripe reports it or when this gateway changed it.',
  fieldDescription: 'The outbound payment as of this event, with nested fields read fresh for each event.',
});

builder.subscriptionFields((t) => ({
  outboundPaymentUpdated: t.field({
    type: OutboundPaymentEventRef,
    description: 'Every change of one outbound payment, e.g. PROCESSING → POSTED. Fails with NOT_FOUND if it does not exist.',
    args: { id: t.arg.id({ required: true, description: 'The outbound payment’s id (obp_…).' }) },
    subscribe: (_root, args, ctx) => subscribeToObject(ctx, 'outboundPayment', String(args.id)),
    resolve: (change) => change,
  }),
  outboundPaymentEvents: t.field({
    type: OutboundPaymentEventRef,
    description:
      'Changes of the outbound payments of one financial account, optionally only those whose new status is in `status`. Fails with NOT_FOUND if the financial account does not exist.',
    args: {
      financialAccount: t.arg.id({ required: true, description: 'The financial account (fa_…) the payments are sent from.' }),
      status: t.arg({
        type: [OutboundPaymentStatus.ref],
        required: false,
        description: 'Only payments now in one of these statuses; UNRECOGNIZED matches statuses newer than this schema.',
      }),
    },
    subscribe: async (_root, args, ctx) => {
      const financialAccount = String(args.financialAccount);
      assertIdOf('FinancialAccount', financialAccount, 'financialAccount');
      await assertExists(ctx, 'financialAccount', financialAccount);
      const wanted = statusFilter(OutboundPaymentStatus, args.status);
      return subscribeToList(ctx, 'outboundPayment', (payment) => payment.financial_account === financialAccount && wanted(payment.status));
    },
    resolve: (change) => change,
  }),
}));
