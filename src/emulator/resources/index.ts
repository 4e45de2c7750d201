import type { ExpandableMap, Route } from '../types.js';
import * as payouts from './payouts.js';
import * as balanceTransactions from './balance-transactions.js';
import * as externalAccounts from './external-accounts.js';
import * as events from './events.js';
import * as webhookEndpoints from './webhook-endpoints.js';
import * as refunds from './refunds.js';
import * as charges from './charges.js';
import * as paymentIntents from './payment-intents.js';
import * as transfers from './transfers.js';
import * as financialAccounts from './financial-accounts.js';
import * as outboundPayments from './outbound-payments.js';
import * as treasuryTransactions from './treasury-transactions.js';
import * as receivedCredits from './received-credits.js';

const modules = [
  payouts,
  balanceTransactions,
  externalAccounts,
  events,
  webhookEndpoints,
  refunds,
  charges,
  paymentIntents,
  transfers,
  financialAccounts,
  outboundPayments,
  treasuryTransactions,
  receivedCredits,
];

/** Every Stripe route the emulator serves. */
export const allRoutes: Route[] = modules.flatMap((m) => m.routes);

/** Expandable fields per object type, merged from every resource module. */
export const allExpandable: ExpandableMap = Object.assign({}, ...modules.map((m) => m.expandable));
