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
import { builder } from './builder.js';
import { GATEWAY_DIRECTIVES } from './directives.js';

export const schema = builder.toSchema({ directives: [...GATEWAY_DIRECTIVES] });
