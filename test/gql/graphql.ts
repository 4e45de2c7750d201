/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** What moved money in a balance transaction. Those this gateway’s resources create are PAYOUT, PAYOUT_CANCEL, PAYOUT_FAILURE, REFUND, PAYMENT_REFUND, REFUND_FAILURE, PAYMENT_FAILURE_REFUND, TRANSFER and TRANSFER_REFUND. */
export type BalanceTransactionType =
  /** A manual or dispute-related adjustment to the balance. */
  | 'ADJUSTMENT'
  /** Funds advanced to the balance ahead of settlement. */
  | 'ADVANCE'
  /** The funding that repays an advance. */
  | 'ADVANCE_FUNDING'
  /** A repayment of anticipated funds. */
  | 'ANTICIPATION_REPAYMENT'
  /** A Connect application fee collected by the platform. */
  | 'APPLICATION_FEE'
  /** A refund of a Connect application fee. */
  | 'APPLICATION_FEE_REFUND'
  /** A card or other charge created through the Charges API. */
  | 'CHARGE'
  /** A Stripe Climate order purchase. */
  | 'CLIMATE_ORDER_PURCHASE'
  /** A refund of a Stripe Climate order. */
  | 'CLIMATE_ORDER_REFUND'
  /** A transfer collecting a negative balance from a connected account. */
  | 'CONNECT_COLLECTION_TRANSFER'
  /** A contribution (for example, Stripe Climate) taken from the balance. */
  | 'CONTRIBUTION'
  /** Funding added as Stripe fee credit. */
  | 'FEE_CREDIT_FUNDING'
  /** Money pulled in from an external account. */
  | 'INBOUND_TRANSFER'
  /** A reversed inbound transfer. */
  | 'INBOUND_TRANSFER_REVERSAL'
  /** Funds held for a Stripe Issuing authorization. */
  | 'ISSUING_AUTHORIZATION_HOLD'
  /** A released Stripe Issuing authorization hold. */
  | 'ISSUING_AUTHORIZATION_RELEASE'
  /** A Stripe Issuing dispute. */
  | 'ISSUING_DISPUTE'
  /** A provisional credit granted for a Stripe Issuing dispute. */
  | 'ISSUING_DISPUTE_PROVISIONAL_CREDIT'
  /** A reversed provisional credit for a Stripe Issuing dispute. */
  | 'ISSUING_DISPUTE_PROVISIONAL_CREDIT_REVERSAL'
  /** A captured Stripe Issuing card transaction. */
  | 'ISSUING_TRANSACTION'
  /** An outbound obligation payment. */
  | 'OBLIGATION_OUTBOUND'
  /** A reversed outbound obligation returning funds. */
  | 'OBLIGATION_REVERSAL_INBOUND'
  /** A payment made with a non-card payment method (or a destination payment on a connected account). */
  | 'PAYMENT'
  /** Funds returned to the balance because a payment refund failed. */
  | 'PAYMENT_FAILURE_REFUND'
  /** Funds held in reserve by a payment network. */
  | 'PAYMENT_NETWORK_RESERVE_HOLD'
  /** Funds released from a payment network reserve. */
  | 'PAYMENT_NETWORK_RESERVE_RELEASE'
  /** A refund of a non-card payment (or of a destination payment). */
  | 'PAYMENT_REFUND'
  /** A reversed payment. */
  | 'PAYMENT_REVERSAL'
  /** A payment not yet matched to its source. */
  | 'PAYMENT_UNRECONCILED'
  /** Money sent from the balance to a bank account or card (a payout). */
  | 'PAYOUT'
  /** Funds returned to the balance because a payout was canceled. */
  | 'PAYOUT_CANCEL'
  /** Funds returned to the balance because a payout failed. */
  | 'PAYOUT_FAILURE'
  /** Funds held back to keep a minimum balance after payouts. */
  | 'PAYOUT_MINIMUM_BALANCE_HOLD'
  /** A released minimum-balance hold. */
  | 'PAYOUT_MINIMUM_BALANCE_RELEASE'
  /** A refund of a card charge. */
  | 'REFUND'
  /** Funds returned to the balance because a card refund failed. */
  | 'REFUND_FAILURE'
  /** Funds reserved on the balance. */
  | 'RESERVED_FUNDS'
  /** Funds moved into a reserve. */
  | 'RESERVE_HOLD'
  /** Funds released from a reserve. */
  | 'RESERVE_RELEASE'
  /** A movement to or from a reserve. */
  | 'RESERVE_TRANSACTION'
  /** A payment debited from the Stripe balance. */
  | 'STRIPE_BALANCE_PAYMENT_DEBIT'
  /** A reversed Stripe balance payment debit. */
  | 'STRIPE_BALANCE_PAYMENT_DEBIT_REVERSAL'
  /** A Stripe fee charged to the balance. */
  | 'STRIPE_FEE'
  /** A Stripe currency-conversion fee. */
  | 'STRIPE_FX_FEE'
  /** A fee for Stripe Tax. */
  | 'TAX_FEE'
  /** Funds for Stripe Tax filings. */
  | 'TAX_FUND'
  /** Money added to the balance by a top-up. */
  | 'TOPUP'
  /** A reversed top-up. */
  | 'TOPUP_REVERSAL'
  /** Money sent to a connected account (a Connect transfer). */
  | 'TRANSFER'
  /** Funds returned because a transfer was canceled. */
  | 'TRANSFER_CANCEL'
  /** Funds returned because a transfer failed. */
  | 'TRANSFER_FAILURE'
  /** Funds returned to the platform by a transfer reversal. */
  | 'TRANSFER_REFUND'
  /** A value Stripe sent that this schema does not list yet; the sibling `…Raw` field has Stripe's string. */
  | 'UNRECOGNIZED';

/** Sends money from the Stripe balance to one of the account’s bank accounts or debit cards. */
export type CreatePayoutInput = {
  /** Amount in the smallest currency unit (e.g. 1100 = $11.00); a positive integer. */
  amount: number;
  /** Three-letter ISO currency code, e.g. "usd". */
  currency: string;
  /** An arbitrary string attached to the payout (≤1000 characters). */
  description?: string | null | undefined;
  /** The external account (ba_… or card_…) to pay out to; defaults to the default one for the currency. */
  destination?: string | number | null | undefined;
  /** Makes the mutation safe to retry (≤255 printable ASCII characters). Sending the same key again with the same input returns the first result instead of acting twice; the same key with different input is refused with IdempotencyConflictError. Keys are scoped to this mutation and expire after 24 hours at Stripe. Without a key the gateway makes one (a uuid) per call, so its own network retries never act twice. When a call fails with its outcome unknown (Stripe unreachable, 5xx, 429), the error carries the key used in `extensions.idempotencyKey`: send the same input with that key to learn the outcome; the change is never made twice. */
  idempotencyKey?: string | null | undefined;
  /** Key-value pairs to attach to the payout. At most 50 keys, key ≤40 characters without [ or ], value ≤500 characters. */
  metadata?: Record<string, string> | null | undefined;
  /** STANDARD (default) or INSTANT (debit cards only). */
  method?: PayoutSpeed | null | undefined;
  /** Which balance to draw from (CARD by default). */
  sourceType?: PayoutSourceType | null | undefined;
  /** Text on the recipient’s bank statement: ≤22 characters, none of < > \ ' " *. */
  statementDescriptor?: string | null | undefined;
};

/** Refunds a charge, in full or in part. Give exactly one of `chargeId` and `paymentIntentId`. */
export type CreateRefundInput = {
  /** Amount to refund in the smallest currency unit; defaults to everything not yet refunded. */
  amount?: number | null | undefined;
  /** The charge to refund (ch_… or py_…). Exclusive with paymentIntentId. */
  chargeId?: string | number | null | undefined;
  /** Makes the mutation safe to retry (≤255 printable ASCII characters). Sending the same key again with the same input returns the first result instead of acting twice; the same key with different input is refused with IdempotencyConflictError. Keys are scoped to this mutation and expire after 24 hours at Stripe. Without a key the gateway makes one (a uuid) per call, so its own network retries never act twice. When a call fails with its outcome unknown (Stripe unreachable, 5xx, 429), the error carries the key used in `extensions.idempotencyKey`: send the same input with that key to learn the outcome; the change is never made twice. */
  idempotencyKey?: string | null | undefined;
  /** For payment methods without native refunds: where Stripe emails the customer for their bank details. */
  instructionsEmail?: string | null | undefined;
  /** Key-value pairs to attach to the refund. At most 50 keys, key ≤40 characters without [ or ], value ≤500 characters. */
  metadata?: Record<string, string> | null | undefined;
  /** The PaymentIntent whose charge to refund (pi_…). Exclusive with chargeId. */
  paymentIntentId?: string | number | null | undefined;
  /** DUPLICATE, FRAUDULENT or REQUESTED_BY_CUSTOMER. */
  reason?: RefundReason | null | undefined;
  /** For a charge with an application fee: also refund the fee, pro rata. */
  refundApplicationFee?: boolean | null | undefined;
  /** For a destination charge: also reverse the transfer to the connected account, pro rata. */
  reverseTransfer?: boolean | null | undefined;
};

/** Moves money from the platform balance to a connected account (Connect). */
export type CreateTransferInput = {
  /** Amount in the smallest currency unit; a positive integer. */
  amount: number;
  /** Three-letter ISO currency code, e.g. "usd". */
  currency: string;
  /** An arbitrary string attached to the transfer (≤1000 characters). */
  description?: string | null | undefined;
  /** The connected account receiving the funds (acct_…). */
  destination: string | number;
  /** Makes the mutation safe to retry (≤255 printable ASCII characters). Sending the same key again with the same input returns the first result instead of acting twice; the same key with different input is refused with IdempotencyConflictError. Keys are scoped to this mutation and expire after 24 hours at Stripe. Without a key the gateway makes one (a uuid) per call, so its own network retries never act twice. When a call fails with its outcome unknown (Stripe unreachable, 5xx, 429), the error carries the key used in `extensions.idempotencyKey`: send the same input with that key to learn the outcome; the change is never made twice. */
  idempotencyKey?: string | null | undefined;
  /** Key-value pairs to attach to the transfer. At most 50 keys, key ≤40 characters without [ or ], value ≤500 characters. */
  metadata?: Record<string, string> | null | undefined;
  /** A charge (ch_…) whose funds this transfer is tied to; it waits for them to be available. */
  sourceTransaction?: string | number | null | undefined;
  /** Groups this transfer with related charges and transfers. */
  transferGroup?: string | null | undefined;
};

/** Whether a financial account is open. */
export type FinancialAccountStatus =
  /** Closed (see `statusDetails.closed.reasons`). */
  | 'CLOSED'
  /** Open: it can hold and move money. */
  | 'OPEN'
  /** A value Stripe sent that this schema does not list yet; the sibling `…Raw` field has Stripe's string. */
  | 'UNRECOGNIZED';

/** Where an outbound payment is in its life cycle. */
export type OutboundPaymentStatus =
  /** Canceled before it was sent; the funds went back to the cash balance. */
  | 'CANCELED'
  /** It failed before posting; the funds went back to the cash balance. */
  | 'FAILED'
  /** Sent: the funds left the financial account. */
  | 'POSTED'
  /** Created and on its way; it can be canceled while `cancelable` is true. */
  | 'PROCESSING'
  /** It posted, then the receiving bank sent it back (see `returnedDetails`). */
  | 'RETURNED'
  /** A value Stripe sent that this schema does not list yet; the sibling `…Raw` field has Stripe's string. */
  | 'UNRECOGNIZED';

/** Which part of the balance a payout draws from. */
export type PayoutSourceType =
  /** The balance from bank debits (e.g. ACH). */
  | 'BANK_ACCOUNT'
  /** The card payments balance (the usual one). */
  | 'CARD'
  /** The FPX (Malaysia) balance. */
  | 'FPX'
  /** A value Stripe sent that this schema does not list yet; the sibling `…Raw` field has Stripe's string. */
  | 'UNRECOGNIZED';

/** How fast a payout reaches its destination. */
export type PayoutSpeed =
  /** An Instant Payout, arriving within minutes (debit cards and some bank accounts). */
  | 'INSTANT'
  /** A standard payout, arriving on the usual schedule (typically 1–2 business days). */
  | 'STANDARD'
  /** A value Stripe sent that this schema does not list yet; the sibling `…Raw` field has Stripe's string. */
  | 'UNRECOGNIZED';

/** Where a payout is in its life cycle. */
export type PayoutStatus =
  /** Canceled before it was sent; the funds are back in the balance. */
  | 'CANCELED'
  /** The bank rejected it; see `failureCode` and `failureMessage`. The funds are back in the balance. */
  | 'FAILED'
  /** Submitted to the bank, on its way. */
  | 'IN_TRANSIT'
  /** Arrived, as far as Stripe knows. A payout can still fail after this (it then becomes FAILED). */
  | 'PAID'
  /** Created, not yet submitted to the bank. A manual payout can still be canceled. */
  | 'PENDING'
  /** A value Stripe sent that this schema does not list yet; the sibling `…Raw` field has Stripe's string. */
  | 'UNRECOGNIZED';

/** Why a refund failed. */
export type RefundFailureReason =
  /** The refunded charge was disputed while the refund was pending. */
  | 'CHARGE_FOR_PENDING_REFUND_DISPUTED'
  /** The card issuer or bank declined the refund. */
  | 'DECLINED'
  /** The card expired or was canceled. */
  | 'EXPIRED_OR_CANCELED_CARD'
  /** The balance could not cover the refund. */
  | 'INSUFFICIENT_FUNDS'
  /** The card was reported lost or stolen. */
  | 'LOST_OR_STOLEN_CARD'
  /** The refund was canceled at the merchant’s request. */
  | 'MERCHANT_REQUEST'
  /** Stripe does not know why (Stripe’s own `unknown` value). */
  | 'UNKNOWN'
  /** A value Stripe sent that this schema does not list yet; the sibling `…Raw` field has Stripe's string. */
  | 'UNRECOGNIZED';

/** Why a refund was made, as given when it was created. */
export type RefundReason =
  /** The charge was a duplicate. */
  | 'DUPLICATE'
  /** Stripe refunded an authorization that was never captured before it expired. */
  | 'EXPIRED_UNCAPTURED_CHARGE'
  /** The charge was fraudulent (this also helps Stripe’s fraud detection). */
  | 'FRAUDULENT'
  /** The customer asked for it. */
  | 'REQUESTED_BY_CUSTOMER'
  /** A value Stripe sent that this schema does not list yet; the sibling `…Raw` field has Stripe's string. */
  | 'UNRECOGNIZED';

/** Where a refund is in its life cycle. */
export type RefundStatus =
  /** Canceled before it completed. */
  | 'CANCELED'
  /** The refund failed (see `failureReason`); the amount is back in the balance. */
  | 'FAILED'
  /** Submitted, not final yet (see `pendingReason`). */
  | 'PENDING'
  /** The customer must act before the money can be returned (see `nextAction`); it can still be canceled. */
  | 'REQUIRES_ACTION'
  /** The money was returned. A refund can still fail after this (it then becomes FAILED). */
  | 'SUCCEEDED'
  /** A value Stripe sent that this schema does not list yet; the sibling `…Raw` field has Stripe's string. */
  | 'UNRECOGNIZED';

export type NodeByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type NodeByIdQuery = { node:
    | { __typename: 'BalanceTransaction', id: string }
    | { __typename: 'Charge', id: string }
    | { __typename: 'FinancialAccount', id: string }
    | { __typename: 'OutboundPayment', id: string }
    | { __typename: 'PaymentIntent', id: string }
    | { __typename: 'Payout', amount: number, id: string, payoutStatus: PayoutStatus }
    | { __typename: 'Refund', amount: number, id: string, refundStatus: RefundStatus | null }
    | { __typename: 'Transfer', id: string }
    | { __typename: 'TransferReversal', id: string }
    | { __typename: 'TreasuryTransaction', id: string }
   | null };

export type NodesByIdsQueryVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;


export type NodesByIdsQuery = { nodes: Array<
    | { __typename: 'BalanceTransaction', id: string }
    | { __typename: 'Charge', id: string }
    | { __typename: 'FinancialAccount', id: string }
    | { __typename: 'OutboundPayment', id: string }
    | { __typename: 'PaymentIntent', id: string }
    | { __typename: 'Payout', id: string }
    | { __typename: 'Refund', id: string }
    | { __typename: 'Transfer', id: string }
    | { __typename: 'TransferReversal', id: string }
    | { __typename: 'TreasuryTransaction', id: string }
   | null> };

export type OpenFinancialAccountMutationVariables = Exact<{ [key: string]: never; }>;


export type OpenFinancialAccountMutation = { createFinancialAccount:
    | { __typename: 'CreateFinancialAccountPayload', financialAccount: { id: string, status: FinancialAccountStatus } }
    | { __typename: 'FinancialAccountInvalidStateError', code: string, message: string }
    | { __typename: 'IdempotencyConflictError', code: string, message: string }
    | { __typename: 'InvalidInputError', code: string, message: string }
   };

export type FundFinancialAccountMutationVariables = Exact<{
  financialAccountId: string | number;
  amount: number;
}>;


export type FundFinancialAccountMutation = { createReceivedCredit:
    | { __typename: 'CreateReceivedCreditPayload', receivedCredit: { id: string, amount: number, status: string }, financialAccount: { id: string } }
    | { __typename: 'FinancialAccountInvalidStateError', code: string, message: string }
    | { __typename: 'IdempotencyConflictError', code: string, message: string }
    | { __typename: 'InvalidInputError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'TestModeOnlyError', code: string, message: string }
   };

export type PayToFinancialAccountMutationVariables = Exact<{
  from: string | number;
  to: string | number;
  amount: number;
}>;


export type PayToFinancialAccountMutation = { createOutboundPayment:
    | { __typename: 'AmountTooLargeError', code: string, message: string }
    | { __typename: 'CreateOutboundPaymentPayload', outboundPayment: { id: string, status: OutboundPaymentStatus, cancelable: boolean } }
    | { __typename: 'FinancialAccountInvalidStateError', code: string, message: string }
    | { __typename: 'IdempotencyConflictError', code: string, message: string }
    | { __typename: 'InvalidInputError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
   };

export type CancelOutboundPaymentMutationVariables = Exact<{
  id: string | number;
}>;


export type CancelOutboundPaymentMutation = { cancelOutboundPayment:
    | { __typename: 'CancelOutboundPaymentPayload', outboundPayment: { id: string, status: OutboundPaymentStatus, cancelable: boolean } }
    | { __typename: 'IdempotencyConflictError', code: string, message: string }
    | { __typename: 'InvalidInputError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'OutboundPaymentInvalidStateError', message: string, currentStatus: OutboundPaymentStatus | null, code: string }
   };

export type PostOutboundPaymentMutationVariables = Exact<{
  id: string | number;
}>;


export type PostOutboundPaymentMutation = { postOutboundPayment:
    | { __typename: 'IdempotencyConflictError', code: string, message: string }
    | { __typename: 'InvalidInputError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'OutboundPaymentInvalidStateError', code: string, message: string }
    | { __typename: 'PostOutboundPaymentPayload', outboundPayment: { id: string, status: OutboundPaymentStatus } }
    | { __typename: 'TestModeOnlyError', code: string, message: string }
   };

export type ReturnOutboundPaymentMutationVariables = Exact<{
  id: string | number;
}>;


export type ReturnOutboundPaymentMutation = { returnOutboundPayment:
    | { __typename: 'IdempotencyConflictError', code: string, message: string }
    | { __typename: 'InvalidInputError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'OutboundPaymentInvalidStateError', code: string, message: string }
    | { __typename: 'ReturnOutboundPaymentPayload', outboundPayment: { id: string, status: OutboundPaymentStatus } }
    | { __typename: 'TestModeOnlyError', code: string, message: string }
   };

export type TrackAchOutboundPaymentMutationVariables = Exact<{
  id: string | number;
  traceId: string;
}>;


export type TrackAchOutboundPaymentMutation = { updateOutboundPaymentTracking:
    | { __typename: 'IdempotencyConflictError', code: string, message: string }
    | { __typename: 'InvalidInputError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'OutboundPaymentInvalidStateError', message: string, currentStatus: OutboundPaymentStatus | null, code: string }
    | { __typename: 'TestModeOnlyError', code: string, message: string }
    | { __typename: 'UpdateOutboundPaymentTrackingPayload', outboundPayment: { id: string, status: OutboundPaymentStatus } }
   };

export type CreatePayoutMutationVariables = Exact<{
  input: CreatePayoutInput;
}>;


export type CreatePayoutMutation = { createPayout:
    | { __typename: 'AmountTooLargeError', message: string, maxAmount: number | null, code: string }
    | { __typename: 'CreatePayoutPayload', payout: { id: string, amount: number, currency: string, status: PayoutStatus, arrivalDate: string, automatic: boolean, metadata: Record<string, string> | null } }
    | { __typename: 'IdempotencyConflictError', code: string, message: string }
    | { __typename: 'InvalidInputError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'PayoutInvalidStateError', code: string, message: string }
   };

export type UpdatePayoutMetadataMutationVariables = Exact<{
  payoutId: string | number;
  metadata: Record<string, string>;
}>;


export type UpdatePayoutMetadataMutation = { updatePayout:
    | { __typename: 'IdempotencyConflictError', code: string, message: string }
    | { __typename: 'InvalidInputError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'UpdatePayoutPayload', payout: { id: string, metadata: Record<string, string> | null } }
   };

export type CancelPayoutMutationVariables = Exact<{
  payoutId: string | number;
  idempotencyKey?: string | null | undefined;
}>;


export type CancelPayoutMutation = { cancelPayout:
    | { __typename: 'CancelPayoutPayload', payout: { id: string, status: PayoutStatus, failureBalanceTransaction: { id: string, type: BalanceTransactionType, amount: number } | null } }
    | { __typename: 'IdempotencyConflictError', code: string, message: string }
    | { __typename: 'InvalidInputError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'PayoutInvalidStateError', message: string, currentStatus: PayoutStatus | null, code: string }
   };

export type ReversePayoutMutationVariables = Exact<{
  payoutId: string | number;
  metadata?: Record<string, string> | null | undefined;
}>;


export type ReversePayoutMutation = { reversePayout:
    | { __typename: 'IdempotencyConflictError', code: string, message: string }
    | { __typename: 'InvalidInputError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'PayoutInvalidStateError', message: string, currentStatus: PayoutStatus | null, code: string }
    | { __typename: 'ReversePayoutPayload', payout: { id: string, status: PayoutStatus, reversedBy: { id: string } | null }, reversal: { id: string, amount: number, status: PayoutStatus, originalPayoutId: string | null } }
   };

export type PayoutPageQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type PayoutPageQuery = { payouts: { edges: Array<{ cursor: string, node: { id: string, amount: number, currency: string, status: PayoutStatus, arrivalDate: string, balanceTransaction: { id: string, fee: number, net: number } | null } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } } };

export type PayoutByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type PayoutByIdQuery = { payout: { id: string, amount: number, currency: string, status: PayoutStatus, description: string | null, created: string, balanceTransaction: { id: string, fee: number, net: number } | null } | null };

export type CreateRefundMutationVariables = Exact<{
  input: CreateRefundInput;
}>;


export type CreateRefundMutation = { createRefund:
    | { __typename: 'AmountTooLargeError', message: string, maxAmount: number | null, code: string }
    | { __typename: 'CreateRefundPayload', refund: { id: string, amount: number, currency: string, status: RefundStatus | null, reason: RefundReason | null, chargeId: string | null } }
    | { __typename: 'IdempotencyConflictError', code: string, message: string }
    | { __typename: 'InvalidInputError', field: string, code: string, message: string, issues: Array<{ path: Array<string>, message: string }> }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'RefundInvalidStateError', code: string, message: string }
   };

export type UpdateRefundMetadataMutationVariables = Exact<{
  refundId: string | number;
  metadata: Record<string, string>;
}>;


export type UpdateRefundMetadataMutation = { updateRefund:
    | { __typename: 'IdempotencyConflictError', code: string, message: string }
    | { __typename: 'InvalidInputError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'UpdateRefundPayload', refund: { id: string, metadata: Record<string, string> | null } }
   };

export type CancelRefundMutationVariables = Exact<{
  refundId: string | number;
}>;


export type CancelRefundMutation = { cancelRefund:
    | { __typename: 'CancelRefundPayload', refund: { id: string, status: RefundStatus | null, failureReason: RefundFailureReason | null } }
    | { __typename: 'IdempotencyConflictError', code: string, message: string }
    | { __typename: 'InvalidInputError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'RefundInvalidStateError', message: string, currentStatus: RefundStatus | null, code: string }
   };

export type ExpireRefundMutationVariables = Exact<{
  refundId: string | number;
}>;


export type ExpireRefundMutation = { expireRefund:
    | { __typename: 'ExpireRefundPayload', refund: { id: string, status: RefundStatus | null, failureReason: RefundFailureReason | null } }
    | { __typename: 'IdempotencyConflictError', code: string, message: string }
    | { __typename: 'InvalidInputError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'RefundInvalidStateError', code: string, message: string }
    | { __typename: 'TestModeOnlyError', code: string, message: string }
   };

export type RefundPageQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type RefundPageQuery = { refunds: { edges: Array<{ node: { id: string, amount: number, currency: string, status: RefundStatus | null, reason: RefundReason | null, charge: { id: string, amount: number, amountRefunded: number } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type CreateTransferMutationVariables = Exact<{
  input: CreateTransferInput;
}>;


export type CreateTransferMutation = { createTransfer:
    | { __typename: 'AmountTooLargeError', code: string, message: string }
    | { __typename: 'CreateTransferPayload', transfer: { id: string, amount: number, amountReversed: number, reversed: boolean } }
    | { __typename: 'IdempotencyConflictError', code: string, message: string }
    | { __typename: 'InvalidInputError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'TransferInvalidStateError', code: string, message: string }
   };

export type UpdateTransferMutationVariables = Exact<{
  transferId: string | number;
  description?: string | null | undefined;
  metadata?: Record<string, string> | null | undefined;
}>;


export type UpdateTransferMutation = { updateTransfer:
    | { __typename: 'IdempotencyConflictError', code: string, message: string }
    | { __typename: 'InvalidInputError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'UpdateTransferPayload', transfer: { id: string, description: string | null, metadata: Record<string, string> } }
   };

export type ReverseTransferMutationVariables = Exact<{
  transferId: string | number;
  amount?: number | null | undefined;
  idempotencyKey?: string | null | undefined;
}>;


export type ReverseTransferMutation = { createTransferReversal:
    | { __typename: 'AmountTooLargeError', message: string, maxAmount: number | null, code: string }
    | { __typename: 'CreateTransferReversalPayload', reversal: { id: string, amount: number, currency: string }, transfer: { id: string, amount: number, amountReversed: number, reversed: boolean } }
    | { __typename: 'IdempotencyConflictError', code: string, message: string }
    | { __typename: 'InvalidInputError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'TransferInvalidStateError', code: string, message: string }
   };

export type UpdateTransferReversalMutationVariables = Exact<{
  reversalId: string | number;
  metadata: Record<string, string>;
}>;


export type UpdateTransferReversalMutation = { updateTransferReversal:
    | { __typename: 'IdempotencyConflictError', code: string, message: string }
    | { __typename: 'InvalidInputError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'UpdateTransferReversalPayload', reversal: { id: string, metadata: Record<string, string> | null } }
   };

export type FinancialAccountPageQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type FinancialAccountPageQuery = { financialAccounts: { edges: Array<{ node: { id: string, status: FinancialAccountStatus } }> } };

export type OutboundPaymentPageQueryVariables = Exact<{
  financialAccount: string | number;
  first?: number | null | undefined;
}>;


export type OutboundPaymentPageQuery = { outboundPayments: { edges: Array<{ node: { id: string, amount: number, currency: string, status: OutboundPaymentStatus, expectedArrivalDate: string } }> } };


export const NodeByIdDocument = {"__meta__":{"hash":"sha256:150d97d8fbb85451b48d8cab2dc50ed63db1f4001b62bd962154d976a8dda07d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NodeById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Payout"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","alias":{"kind":"Name","value":"payoutStatus"},"name":{"kind":"Name","value":"status"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Refund"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","alias":{"kind":"Name","value":"refundStatus"},"name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<NodeByIdQuery, NodeByIdQueryVariables>;
export const NodesByIdsDocument = {"__meta__":{"hash":"sha256:d420e249d2371453b74c30b894f79d533948cb4920ce5745731efb4b997784cd"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NodesByIds"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<NodesByIdsQuery, NodesByIdsQueryVariables>;
export const OpenFinancialAccountDocument = {"__meta__":{"hash":"sha256:36e08cf665448f5a0e7edf099e5fd79c263c0406041db7943b1b040f9b867b3b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OpenFinancialAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createFinancialAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"supportedCurrencies"},"value":{"kind":"ListValue","values":[{"kind":"StringValue","value":"usd","block":false}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CreateFinancialAccountPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"financialAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<OpenFinancialAccountMutation, OpenFinancialAccountMutationVariables>;
export const FundFinancialAccountDocument = {"__meta__":{"hash":"sha256:46a6c543447005842bfc53c88d17f6857f14450fb65a6eee11cc9e34926cf34f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"FundFinancialAccount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"financialAccountId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"amount"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createReceivedCredit"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"financialAccountId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"financialAccountId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"amount"},"value":{"kind":"Variable","name":{"kind":"Name","value":"amount"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"currency"},"value":{"kind":"StringValue","value":"usd","block":false}},{"kind":"ObjectField","name":{"kind":"Name","value":"network"},"value":{"kind":"EnumValue","value":"ACH"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CreateReceivedCreditPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"receivedCredit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"financialAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<FundFinancialAccountMutation, FundFinancialAccountMutationVariables>;
export const PayToFinancialAccountDocument = {"__meta__":{"hash":"sha256:9286a3d7186b5598eee82a537c926cf9e478b07178ef4fd8905e77996d1d3dbe"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PayToFinancialAccount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"amount"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createOutboundPayment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"financialAccountId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"amount"},"value":{"kind":"Variable","name":{"kind":"Name","value":"amount"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"currency"},"value":{"kind":"StringValue","value":"usd","block":false}},{"kind":"ObjectField","name":{"kind":"Name","value":"description"},"value":{"kind":"StringValue","value":"OutboundPayment to a 3rd party","block":false}},{"kind":"ObjectField","name":{"kind":"Name","value":"destination"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"type"},"value":{"kind":"EnumValue","value":"FINANCIAL_ACCOUNT"}},{"kind":"ObjectField","name":{"kind":"Name","value":"financialAccountId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CreateOutboundPaymentPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outboundPayment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"cancelable"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<PayToFinancialAccountMutation, PayToFinancialAccountMutationVariables>;
export const CancelOutboundPaymentDocument = {"__meta__":{"hash":"sha256:4d84eb18ee8dae072dcea112e5705b75b5944428a25ec986aa5106d143612405"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelOutboundPayment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelOutboundPayment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"outboundPaymentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CancelOutboundPaymentPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outboundPayment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"cancelable"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OutboundPaymentInvalidStateError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"currentStatus"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<CancelOutboundPaymentMutation, CancelOutboundPaymentMutationVariables>;
export const PostOutboundPaymentDocument = {"__meta__":{"hash":"sha256:902d4ff8051ceba788015795a889086249b6b9e53f8d4aaf8dd0e5ca76ff37f1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PostOutboundPayment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"postOutboundPayment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"outboundPaymentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PostOutboundPaymentPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outboundPayment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<PostOutboundPaymentMutation, PostOutboundPaymentMutationVariables>;
export const ReturnOutboundPaymentDocument = {"__meta__":{"hash":"sha256:39042adcb23d195b012f87012b0e80c7d36ca7d8ade22ce9c5d5a83b3dbbd98e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReturnOutboundPayment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"returnOutboundPayment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"outboundPaymentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"code"},"value":{"kind":"EnumValue","value":"ACCOUNT_CLOSED"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReturnOutboundPaymentPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outboundPayment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ReturnOutboundPaymentMutation, ReturnOutboundPaymentMutationVariables>;
export const TrackAchOutboundPaymentDocument = {"__meta__":{"hash":"sha256:dc9c1699eb18de9eda78dcdb085917c2783b33fc6b98aa6cd42edcc4ee5a4982"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TrackAchOutboundPayment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"traceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateOutboundPaymentTracking"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"outboundPaymentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"ach"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"traceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"traceId"}}}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateOutboundPaymentTrackingPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outboundPayment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OutboundPaymentInvalidStateError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"currentStatus"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<TrackAchOutboundPaymentMutation, TrackAchOutboundPaymentMutationVariables>;
export const CreatePayoutDocument = {"__meta__":{"hash":"sha256:f6283571e17efb75023c2d551129d46a51a5ae8a7261f7e93c5b168b527ade3e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreatePayout"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreatePayoutInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createPayout"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CreatePayoutPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"payout"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"arrivalDate"}},{"kind":"Field","name":{"kind":"Name","value":"automatic"}},{"kind":"Field","name":{"kind":"Name","value":"metadata"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AmountTooLargeError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"maxAmount"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<CreatePayoutMutation, CreatePayoutMutationVariables>;
export const UpdatePayoutMetadataDocument = {"__meta__":{"hash":"sha256:ac4d5213c3f622a3b6ea39093da492feb50943e718b0d8c933c772e46a8b73c6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdatePayoutMetadata"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"payoutId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"metadata"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Metadata"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updatePayout"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"payoutId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"payoutId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"metadata"},"value":{"kind":"Variable","name":{"kind":"Name","value":"metadata"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpdatePayoutPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"payout"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"metadata"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<UpdatePayoutMetadataMutation, UpdatePayoutMetadataMutationVariables>;
export const CancelPayoutDocument = {"__meta__":{"hash":"sha256:9f34581421287aacdeb7931d324f144017553f744f7651a62c2dc17e3262e5d2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelPayout"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"payoutId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelPayout"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"payoutId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"payoutId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CancelPayoutPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"payout"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"failureBalanceTransaction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PayoutInvalidStateError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"currentStatus"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<CancelPayoutMutation, CancelPayoutMutationVariables>;
export const ReversePayoutDocument = {"__meta__":{"hash":"sha256:3984b875021b6cff631a05f88b843f58b7b7d13dd25c3f9d7a2c7533879ad668"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReversePayout"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"payoutId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"metadata"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Metadata"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reversePayout"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"payoutId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"payoutId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"metadata"},"value":{"kind":"Variable","name":{"kind":"Name","value":"metadata"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReversePayoutPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"payout"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reversedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"reversal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"originalPayoutId"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PayoutInvalidStateError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"currentStatus"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ReversePayoutMutation, ReversePayoutMutationVariables>;
export const PayoutPageDocument = {"__meta__":{"hash":"sha256:5505d4902005e91922a73547554e7bb287e4a43547960337b4683316a2b9e197"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PayoutPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"last"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"before"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"payouts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"Variable","name":{"kind":"Name","value":"last"}}},{"kind":"Argument","name":{"kind":"Name","value":"before"},"value":{"kind":"Variable","name":{"kind":"Name","value":"before"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"arrivalDate"}},{"kind":"Field","name":{"kind":"Name","value":"balanceTransaction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fee"}},{"kind":"Field","name":{"kind":"Name","value":"net"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<PayoutPageQuery, PayoutPageQueryVariables>;
export const PayoutByIdDocument = {"__meta__":{"hash":"sha256:50c193eef2a4ce0077bc0bd173fbdca1350cd6fa4cb50dcf885193fddecc4eb3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PayoutById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"payout"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"balanceTransaction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fee"}},{"kind":"Field","name":{"kind":"Name","value":"net"}}]}}]}}]}}]} as unknown as DocumentNode<PayoutByIdQuery, PayoutByIdQueryVariables>;
export const CreateRefundDocument = {"__meta__":{"hash":"sha256:06e56c96283bddcaaaa8f3ec567891056e506d9411537071bd3bdea63572b5df"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateRefund"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateRefundInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createRefund"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CreateRefundPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refund"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"chargeId"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AmountTooLargeError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"maxAmount"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidInputError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<CreateRefundMutation, CreateRefundMutationVariables>;
export const UpdateRefundMetadataDocument = {"__meta__":{"hash":"sha256:d92e7450943f86ee69aae9dcdb544d65d62732dc6d0be5ac3c47f043e1835032"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateRefundMetadata"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"refundId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"metadata"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Metadata"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateRefund"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"refundId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"refundId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"metadata"},"value":{"kind":"Variable","name":{"kind":"Name","value":"metadata"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateRefundPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refund"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"metadata"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateRefundMetadataMutation, UpdateRefundMetadataMutationVariables>;
export const CancelRefundDocument = {"__meta__":{"hash":"sha256:37bbacd3469d676886a82f07221794b6396b3a948b562570fa233820806eec2f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelRefund"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"refundId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelRefund"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"refundId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"refundId"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CancelRefundPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refund"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RefundInvalidStateError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"currentStatus"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<CancelRefundMutation, CancelRefundMutationVariables>;
export const ExpireRefundDocument = {"__meta__":{"hash":"sha256:9d3734c4774a8ac12fcd2a7a5ddbed333ad39fae602d65a67c0dc11f4a87eed2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ExpireRefund"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"refundId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"expireRefund"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"refundId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"refundId"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ExpireRefundPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refund"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ExpireRefundMutation, ExpireRefundMutationVariables>;
export const RefundPageDocument = {"__meta__":{"hash":"sha256:aa81c851f065b70bc12d8d319b75388b514d04143e80abbeda667a6f2ad2bd67"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RefundPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refunds"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"charge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"amountRefunded"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<RefundPageQuery, RefundPageQueryVariables>;
export const CreateTransferDocument = {"__meta__":{"hash":"sha256:9c7d9525190fc0ff4fc1f2b04a895c8c4a83bb4c1b39a6984600328bf6e33e34"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateTransfer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateTransferInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createTransfer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CreateTransferPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transfer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"amountReversed"}},{"kind":"Field","name":{"kind":"Name","value":"reversed"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<CreateTransferMutation, CreateTransferMutationVariables>;
export const UpdateTransferDocument = {"__meta__":{"hash":"sha256:5b4a69fa3251ba418211d074d754e17834293ddadd3668e754f31e21310dd435"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateTransfer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"transferId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"description"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"metadata"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Metadata"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateTransfer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"transferId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"transferId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"description"},"value":{"kind":"Variable","name":{"kind":"Name","value":"description"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"metadata"},"value":{"kind":"Variable","name":{"kind":"Name","value":"metadata"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateTransferPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transfer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"metadata"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateTransferMutation, UpdateTransferMutationVariables>;
export const ReverseTransferDocument = {"__meta__":{"hash":"sha256:53fd415253c11c2274e6243ca25d208456019a86ebc63f0711816e14ac4cd0e3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReverseTransfer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"transferId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"amount"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createTransferReversal"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"transferId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"transferId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"amount"},"value":{"kind":"Variable","name":{"kind":"Name","value":"amount"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CreateTransferReversalPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reversal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"transfer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"amountReversed"}},{"kind":"Field","name":{"kind":"Name","value":"reversed"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AmountTooLargeError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"maxAmount"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ReverseTransferMutation, ReverseTransferMutationVariables>;
export const UpdateTransferReversalDocument = {"__meta__":{"hash":"sha256:2002f5438a90afa7b17f79e1a628fdce3c3aa19e32d6043327857ae7b1623836"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateTransferReversal"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reversalId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"metadata"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Metadata"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateTransferReversal"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"reversalId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reversalId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"metadata"},"value":{"kind":"Variable","name":{"kind":"Name","value":"metadata"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateTransferReversalPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reversal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"metadata"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateTransferReversalMutation, UpdateTransferReversalMutationVariables>;
export const FinancialAccountPageDocument = {"__meta__":{"hash":"sha256:07b86156a2e3e9c0ae76d55fcc1cbfdad58a76b3f2e938a6aa1b310c97d8bc71"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FinancialAccountPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"financialAccounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]} as unknown as DocumentNode<FinancialAccountPageQuery, FinancialAccountPageQueryVariables>;
export const OutboundPaymentPageDocument = {"__meta__":{"hash":"sha256:e5c4dd2d320f2b1835f41a5dc26bfff8725aac3f43ea29d2dfd61933c312719d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OutboundPaymentPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"financialAccount"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outboundPayments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"financialAccount"},"value":{"kind":"Variable","name":{"kind":"Name","value":"financialAccount"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"expectedArrivalDate"}}]}}]}}]}}]}}]} as unknown as DocumentNode<OutboundPaymentPageQuery, OutboundPaymentPageQueryVariables>;