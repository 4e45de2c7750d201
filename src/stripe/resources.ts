import type Stripe from 'stripe';

/**
 * The Stripe resources the gateway reads, keyed by the name loaders and the
 * schema use, with the SDK type each one loads as.
 */
export interface ResourceTypes {
  payout: Stripe.Payout;
  refund: Stripe.Refund;
  transfer: Stripe.Transfer;
  transferReversal: Stripe.TransferReversal;
  outboundPayment: Stripe.Treasury.OutboundPayment;
  financialAccount: Stripe.Treasury.FinancialAccount;
  treasuryTransaction: Stripe.Treasury.Transaction;
  balanceTransaction: Stripe.BalanceTransaction;
  charge: Stripe.Charge;
  paymentIntent: Stripe.PaymentIntent;
}

export type ResourceKind = keyof ResourceTypes;
