/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Whether a balance transaction’s funds can be used yet. */
export type BalanceTransactionStatus =
  /** The funds are in the available balance. */
  | 'AVAILABLE'
  /** The funds are pending and become available on `availableOn`. */
  | 'PENDING'
  /** A value Stripe sent that this schema does not list yet; the sibling `…Raw` field has Stripe's string. */
  | 'UNRECOGNIZED';

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

/** When a PaymentIntent’s funds are captured. */
export type CaptureMethod =
  /** Captured as soon as the customer authorizes the payment. */
  | 'AUTOMATIC'
  /** Captured automatically, asynchronously after authorization. */
  | 'AUTOMATIC_ASYNC'
  /** Authorized now, captured later by you. */
  | 'MANUAL'
  /** A value Stripe sent that this schema does not list yet; the sibling `…Raw` field has Stripe's string. */
  | 'UNRECOGNIZED';

/** The outcome of a charge. */
export type ChargeStatus =
  /** The payment failed (see `failureCode`). */
  | 'FAILED'
  /** The payment is still processing (some payment methods settle later). */
  | 'PENDING'
  /** The payment went through. */
  | 'SUCCEEDED'
  /** A value Stripe sent that this schema does not list yet; the sibling `…Raw` field has Stripe's string. */
  | 'UNRECOGNIZED';

/** Where a PaymentIntent is in its life cycle. */
export type PaymentIntentStatus =
  /** Canceled; no further payment will be attempted. */
  | 'CANCELED'
  /** The payment is processing. */
  | 'PROCESSING'
  /** The customer must act (e.g. 3-D Secure). */
  | 'REQUIRES_ACTION'
  /** Authorized; waiting to be captured. */
  | 'REQUIRES_CAPTURE'
  /** Waiting to be confirmed. */
  | 'REQUIRES_CONFIRMATION'
  /** Waiting for a payment method (or the last attempt failed). */
  | 'REQUIRES_PAYMENT_METHOD'
  /** Paid. */
  | 'SUCCEEDED'
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

/** What kind of destination a payout goes to. */
export type PayoutType =
  /** A bank account. */
  | 'BANK_ACCOUNT'
  /** A debit card. */
  | 'CARD'
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

/** Whether a payout has a bank trace id. */
export type TraceIdStatus =
  /** Not known yet: the payout is not final, or the bank has not reported it (can take up to 10 days after arrival). */
  | 'PENDING'
  /** The bank gave a trace id; it is in `value`. */
  | 'SUPPORTED'
  /** A value Stripe sent that this schema does not list yet; the sibling `…Raw` field has Stripe's string. */
  | 'UNRECOGNIZED'
  /** This bank or network does not give trace ids. */
  | 'UNSUPPORTED';

export type PayoutEventsSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type PayoutEventsSubscription = { payoutEvents: { __typename: 'PayoutEvent', eventId: string, type: string, occurredAt: string, payout: { __typename: 'Payout', id: string, amount: number, currency: string, status: PayoutStatus, method: PayoutSpeed, automatic: boolean, created: string, arrivalDate: string, balanceTransaction: { __typename: 'BalanceTransaction', id: string, net: number } | null } } };

export type RefundEventsSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type RefundEventsSubscription = { refundEvents: { __typename: 'RefundEvent', eventId: string, type: string, occurredAt: string, refund: { __typename: 'Refund', id: string, amount: number, currency: string, status: RefundStatus | null, reason: RefundReason | null, created: string, chargeId: string | null } } };

export type PayoutRowFragment = { __typename: 'Payout', id: string, amount: number, currency: string, status: PayoutStatus, method: PayoutSpeed, automatic: boolean, created: string, arrivalDate: string, balanceTransaction: { __typename: 'BalanceTransaction', id: string, net: number } | null };

export type RefundRowFragment = { __typename: 'Refund', id: string, amount: number, currency: string, status: RefundStatus | null, reason: RefundReason | null, created: string, chargeId: string | null };

type UserErrorFields_AmountTooLargeError_Fragment = { __typename: 'AmountTooLargeError', maxAmount: number | null, code: string, message: string };

type UserErrorFields_FinancialAccountInvalidStateError_Fragment = { __typename: 'FinancialAccountInvalidStateError', code: string, message: string };

type UserErrorFields_IdempotencyConflictError_Fragment = { __typename: 'IdempotencyConflictError', code: string, message: string };

type UserErrorFields_InvalidInputError_Fragment = { __typename: 'InvalidInputError', field: string, code: string, message: string, issues: Array<{ __typename: 'InputIssue', path: Array<string>, message: string }> };

type UserErrorFields_NotFoundError_Fragment = { __typename: 'NotFoundError', id: string, code: string, message: string };

type UserErrorFields_OutboundPaymentInvalidStateError_Fragment = { __typename: 'OutboundPaymentInvalidStateError', code: string, message: string };

type UserErrorFields_PayoutInvalidStateError_Fragment = { __typename: 'PayoutInvalidStateError', code: string, message: string, payoutStatus: PayoutStatus | null };

type UserErrorFields_RefundInvalidStateError_Fragment = { __typename: 'RefundInvalidStateError', code: string, message: string, refundStatus: RefundStatus | null };

type UserErrorFields_TestModeOnlyError_Fragment = { __typename: 'TestModeOnlyError', code: string, message: string };

type UserErrorFields_TransferInvalidStateError_Fragment = { __typename: 'TransferInvalidStateError', code: string, message: string };

export type UserErrorFieldsFragment =
  | UserErrorFields_AmountTooLargeError_Fragment
  | UserErrorFields_FinancialAccountInvalidStateError_Fragment
  | UserErrorFields_IdempotencyConflictError_Fragment
  | UserErrorFields_InvalidInputError_Fragment
  | UserErrorFields_NotFoundError_Fragment
  | UserErrorFields_OutboundPaymentInvalidStateError_Fragment
  | UserErrorFields_PayoutInvalidStateError_Fragment
  | UserErrorFields_RefundInvalidStateError_Fragment
  | UserErrorFields_TestModeOnlyError_Fragment
  | UserErrorFields_TransferInvalidStateError_Fragment
;

export type PayoutQueryVariables = Exact<{
  id: string | number;
}>;


export type PayoutQuery = { __typename: 'Query', payout: { __typename: 'Payout', type: PayoutType, sourceType: PayoutSourceType, description: string | null, statementDescriptor: string | null, failureMessage: string | null, metadata: Record<string, string> | null, id: string, amount: number, currency: string, status: PayoutStatus, method: PayoutSpeed, automatic: boolean, created: string, arrivalDate: string, destination:
      | { __typename: 'BankAccount', id: string, bankName: string | null, last4: string }
      | { __typename: 'Card', id: string, brand: string, last4: string }
      | { __typename: 'DeletedExternalAccount', id: string }
     | null, traceId: { __typename: 'PayoutTraceId', status: TraceIdStatus, value: string | null } | null, balanceTransaction: { __typename: 'BalanceTransaction', id: string, type: BalanceTransactionType, amount: number, fee: number, net: number, status: BalanceTransactionStatus, availableOn: string, reportingCategory: string } | null, failureBalanceTransaction: { __typename: 'BalanceTransaction', id: string, type: BalanceTransactionType, amount: number } | null, originalPayout: { __typename: 'Payout', id: string, amount: number, currency: string, status: PayoutStatus } | null, reversedBy: { __typename: 'Payout', id: string, amount: number, currency: string, status: PayoutStatus } | null } | null };

export type CancelPayoutMutationVariables = Exact<{
  id: string | number;
}>;


export type CancelPayoutMutation = { __typename: 'Mutation', cancelPayout:
    | { __typename: 'CancelPayoutPayload', payout: { __typename: 'Payout', id: string, amount: number, currency: string, status: PayoutStatus, method: PayoutSpeed, automatic: boolean, created: string, arrivalDate: string, failureBalanceTransaction: { __typename: 'BalanceTransaction', id: string, type: BalanceTransactionType, amount: number } | null, balanceTransaction: { __typename: 'BalanceTransaction', id: string, net: number } | null } }
    | { __typename: 'IdempotencyConflictError', code: string, message: string }
    | { __typename: 'InvalidInputError', field: string, code: string, message: string, issues: Array<{ __typename: 'InputIssue', path: Array<string>, message: string }> }
    | { __typename: 'NotFoundError', id: string, code: string, message: string }
    | { __typename: 'PayoutInvalidStateError', code: string, message: string, payoutStatus: PayoutStatus | null }
   };

export type ReversePayoutMutationVariables = Exact<{
  id: string | number;
}>;


export type ReversePayoutMutation = { __typename: 'Mutation', reversePayout:
    | { __typename: 'IdempotencyConflictError', code: string, message: string }
    | { __typename: 'InvalidInputError', field: string, code: string, message: string, issues: Array<{ __typename: 'InputIssue', path: Array<string>, message: string }> }
    | { __typename: 'NotFoundError', id: string, code: string, message: string }
    | { __typename: 'PayoutInvalidStateError', code: string, message: string, payoutStatus: PayoutStatus | null }
    | { __typename: 'ReversePayoutPayload', payout: { __typename: 'Payout', id: string, reversedBy: { __typename: 'Payout', id: string, amount: number, currency: string, status: PayoutStatus } | null }, reversal: { __typename: 'Payout', id: string, amount: number, currency: string, status: PayoutStatus, method: PayoutSpeed, automatic: boolean, created: string, arrivalDate: string, originalPayout: { __typename: 'Payout', id: string } | null, balanceTransaction: { __typename: 'BalanceTransaction', id: string, net: number } | null } }
   };

export type PayoutsPageQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type PayoutsPageQuery = { __typename: 'Query', payouts: { __typename: 'PayoutConnection', edges: Array<{ __typename: 'PayoutEdge', cursor: string, node: { __typename: 'Payout', id: string, amount: number, currency: string, status: PayoutStatus, method: PayoutSpeed, automatic: boolean, created: string, arrivalDate: string, balanceTransaction: { __typename: 'BalanceTransaction', id: string, net: number } | null } }>, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } } };

export type CreatePayoutMutationVariables = Exact<{
  amount: number;
  currency: string;
}>;


export type CreatePayoutMutation = { __typename: 'Mutation', createPayout:
    | { __typename: 'AmountTooLargeError', maxAmount: number | null, code: string, message: string }
    | { __typename: 'CreatePayoutPayload', payout: { __typename: 'Payout', id: string, amount: number, currency: string, status: PayoutStatus, method: PayoutSpeed, automatic: boolean, created: string, arrivalDate: string, balanceTransaction: { __typename: 'BalanceTransaction', id: string, net: number } | null } }
    | { __typename: 'IdempotencyConflictError', code: string, message: string }
    | { __typename: 'InvalidInputError', field: string, code: string, message: string, issues: Array<{ __typename: 'InputIssue', path: Array<string>, message: string }> }
    | { __typename: 'NotFoundError', id: string, code: string, message: string }
    | { __typename: 'PayoutInvalidStateError', code: string, message: string, payoutStatus: PayoutStatus | null }
   };

export type RefundQueryVariables = Exact<{
  id: string | number;
}>;


export type RefundQuery = { __typename: 'Query', refund: { __typename: 'Refund', description: string | null, failureReason: RefundFailureReason | null, instructionsEmail: string | null, receiptNumber: string | null, metadata: Record<string, string> | null, id: string, amount: number, currency: string, status: RefundStatus | null, reason: RefundReason | null, created: string, chargeId: string | null, balanceTransaction: { __typename: 'BalanceTransaction', id: string, type: BalanceTransactionType, amount: number, fee: number, net: number, status: BalanceTransactionStatus } | null, charge: { __typename: 'Charge', id: string, amount: number, amountCaptured: number, amountRefunded: number, status: ChargeStatus, paid: boolean, refunded: boolean, disputed: boolean, description: string | null, balanceTransaction: { __typename: 'BalanceTransaction', id: string, fee: number, net: number } | null } | null, paymentIntent: { __typename: 'PaymentIntent', id: string, amount: number, amountReceived: number, status: PaymentIntentStatus, captureMethod: CaptureMethod, paymentMethodTypes: Array<string>, created: string } | null } | null };

export type CancelRefundMutationVariables = Exact<{
  id: string | number;
}>;


export type CancelRefundMutation = { __typename: 'Mutation', cancelRefund:
    | { __typename: 'CancelRefundPayload', refund: { __typename: 'Refund', failureReason: RefundFailureReason | null, id: string, amount: number, currency: string, status: RefundStatus | null, reason: RefundReason | null, created: string, chargeId: string | null } }
    | { __typename: 'IdempotencyConflictError', code: string, message: string }
    | { __typename: 'InvalidInputError', field: string, code: string, message: string, issues: Array<{ __typename: 'InputIssue', path: Array<string>, message: string }> }
    | { __typename: 'NotFoundError', id: string, code: string, message: string }
    | { __typename: 'RefundInvalidStateError', code: string, message: string, refundStatus: RefundStatus | null }
   };

export type RefundsPageQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type RefundsPageQuery = { __typename: 'Query', refunds: { __typename: 'RefundConnection', edges: Array<{ __typename: 'RefundEdge', cursor: string, node: { __typename: 'Refund', id: string, amount: number, currency: string, status: RefundStatus | null, reason: RefundReason | null, created: string, chargeId: string | null } }>, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } } };

export const PayoutRowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PayoutRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Payout"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"automatic"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"arrivalDate"}},{"kind":"Field","name":{"kind":"Name","value":"balanceTransaction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"net"}}]}}]}}]} as unknown as DocumentNode<PayoutRowFragment, unknown>;
export const RefundRowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefundRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Refund"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"chargeId"}}]}}]} as unknown as DocumentNode<RefundRowFragment, unknown>;
export const UserErrorFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PayoutInvalidStateError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","alias":{"kind":"Name","value":"payoutStatus"},"name":{"kind":"Name","value":"currentStatus"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RefundInvalidStateError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","alias":{"kind":"Name","value":"refundStatus"},"name":{"kind":"Name","value":"currentStatus"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NotFoundError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AmountTooLargeError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"maxAmount"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidInputError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<UserErrorFieldsFragment, unknown>;
export const PayoutEventsDocument = {"__meta__":{"hash":"sha256:715a0062642b60250b28363f67399595f665d8619ee8ace9203b41dc6a10f12a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"PayoutEvents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"payoutEvents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"payout"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"PayoutRow"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PayoutRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Payout"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"automatic"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"arrivalDate"}},{"kind":"Field","name":{"kind":"Name","value":"balanceTransaction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"net"}}]}}]}}]} as unknown as DocumentNode<PayoutEventsSubscription, PayoutEventsSubscriptionVariables>;
export const RefundEventsDocument = {"__meta__":{"hash":"sha256:d225453ff1053937a9d7fce1f869071780b0cc8e2ba01fdd3e8cb2ad04b88bbd"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"RefundEvents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refundEvents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"refund"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefundRow"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefundRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Refund"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"chargeId"}}]}}]} as unknown as DocumentNode<RefundEventsSubscription, RefundEventsSubscriptionVariables>;
export const PayoutDocument = {"__meta__":{"hash":"sha256:eb5bc199d567f26831d391b236ba412267365cf27768c90824d6fafc1403c328"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Payout"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"payout"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"PayoutRow"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"sourceType"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"statementDescriptor"}},{"kind":"Field","name":{"kind":"Name","value":"failureMessage"}},{"kind":"Field","name":{"kind":"Name","value":"metadata"}},{"kind":"Field","name":{"kind":"Name","value":"destination"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BankAccount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"bankName"}},{"kind":"Field","name":{"kind":"Name","value":"last4"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Card"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"brand"}},{"kind":"Field","name":{"kind":"Name","value":"last4"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeletedExternalAccount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"traceId"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"balanceTransaction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"fee"}},{"kind":"Field","name":{"kind":"Name","value":"net"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"availableOn"}},{"kind":"Field","name":{"kind":"Name","value":"reportingCategory"}}]}},{"kind":"Field","name":{"kind":"Name","value":"failureBalanceTransaction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"originalPayout"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reversedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PayoutRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Payout"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"automatic"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"arrivalDate"}},{"kind":"Field","name":{"kind":"Name","value":"balanceTransaction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"net"}}]}}]}}]} as unknown as DocumentNode<PayoutQuery, PayoutQueryVariables>;
export const CancelPayoutDocument = {"__meta__":{"hash":"sha256:3194b37f8c8310610c463affa8191d9b59d9161a3bb9859d04332e1cfae54776"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelPayout"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"cancelPayout"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"payoutId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CancelPayoutPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"payout"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"PayoutRow"}},{"kind":"Field","name":{"kind":"Name","value":"failureBalanceTransaction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PayoutRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Payout"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"automatic"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"arrivalDate"}},{"kind":"Field","name":{"kind":"Name","value":"balanceTransaction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"net"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PayoutInvalidStateError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","alias":{"kind":"Name","value":"payoutStatus"},"name":{"kind":"Name","value":"currentStatus"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RefundInvalidStateError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","alias":{"kind":"Name","value":"refundStatus"},"name":{"kind":"Name","value":"currentStatus"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NotFoundError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AmountTooLargeError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"maxAmount"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidInputError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<CancelPayoutMutation, CancelPayoutMutationVariables>;
export const ReversePayoutDocument = {"__meta__":{"hash":"sha256:50c4b96e0de9b87aecfe626b36778caa448dc76ee35e5e88ce4faa4f8790a499"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReversePayout"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"reversePayout"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"payoutId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReversePayoutPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"payout"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reversedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"reversal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"PayoutRow"}},{"kind":"Field","name":{"kind":"Name","value":"originalPayout"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PayoutRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Payout"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"automatic"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"arrivalDate"}},{"kind":"Field","name":{"kind":"Name","value":"balanceTransaction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"net"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PayoutInvalidStateError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","alias":{"kind":"Name","value":"payoutStatus"},"name":{"kind":"Name","value":"currentStatus"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RefundInvalidStateError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","alias":{"kind":"Name","value":"refundStatus"},"name":{"kind":"Name","value":"currentStatus"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NotFoundError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AmountTooLargeError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"maxAmount"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidInputError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ReversePayoutMutation, ReversePayoutMutationVariables>;
export const PayoutsPageDocument = {"__meta__":{"hash":"sha256:3beed195e0290fad4733fac2adca75484b9731f118bc2e0f3d792410a0cacaf8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PayoutsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"last"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"before"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"payouts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"Variable","name":{"kind":"Name","value":"last"}}},{"kind":"Argument","name":{"kind":"Name","value":"before"},"value":{"kind":"Variable","name":{"kind":"Name","value":"before"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"PayoutRow"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PayoutRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Payout"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"automatic"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"arrivalDate"}},{"kind":"Field","name":{"kind":"Name","value":"balanceTransaction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"net"}}]}}]}}]} as unknown as DocumentNode<PayoutsPageQuery, PayoutsPageQueryVariables>;
export const CreatePayoutDocument = {"__meta__":{"hash":"sha256:6270864e97c65ac4b09b80987a5e86f3e005e7eda026d6f7dcfe4f5bb541157a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreatePayout"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"amount"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"currency"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Currency"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"createPayout"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"amount"},"value":{"kind":"Variable","name":{"kind":"Name","value":"amount"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"currency"},"value":{"kind":"Variable","name":{"kind":"Name","value":"currency"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CreatePayoutPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"payout"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"PayoutRow"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PayoutRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Payout"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"automatic"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"arrivalDate"}},{"kind":"Field","name":{"kind":"Name","value":"balanceTransaction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"net"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PayoutInvalidStateError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","alias":{"kind":"Name","value":"payoutStatus"},"name":{"kind":"Name","value":"currentStatus"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RefundInvalidStateError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","alias":{"kind":"Name","value":"refundStatus"},"name":{"kind":"Name","value":"currentStatus"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NotFoundError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AmountTooLargeError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"maxAmount"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidInputError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<CreatePayoutMutation, CreatePayoutMutationVariables>;
export const RefundDocument = {"__meta__":{"hash":"sha256:20012ff2ba10e2765d82a4ffee7a9dd3a2e4c98306e06afdbffa29bdf61c5916"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Refund"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"refund"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefundRow"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}},{"kind":"Field","name":{"kind":"Name","value":"instructionsEmail"}},{"kind":"Field","name":{"kind":"Name","value":"receiptNumber"}},{"kind":"Field","name":{"kind":"Name","value":"metadata"}},{"kind":"Field","name":{"kind":"Name","value":"balanceTransaction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"fee"}},{"kind":"Field","name":{"kind":"Name","value":"net"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"charge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"amountCaptured"}},{"kind":"Field","name":{"kind":"Name","value":"amountRefunded"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"paid"}},{"kind":"Field","name":{"kind":"Name","value":"refunded"}},{"kind":"Field","name":{"kind":"Name","value":"disputed"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"balanceTransaction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fee"}},{"kind":"Field","name":{"kind":"Name","value":"net"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"paymentIntent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"amountReceived"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"captureMethod"}},{"kind":"Field","name":{"kind":"Name","value":"paymentMethodTypes"}},{"kind":"Field","name":{"kind":"Name","value":"created"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefundRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Refund"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"chargeId"}}]}}]} as unknown as DocumentNode<RefundQuery, RefundQueryVariables>;
export const CancelRefundDocument = {"__meta__":{"hash":"sha256:f19b714532b96094adc55b7a50af18c65b5bc736d19d6ff385f3973539b5f6d6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelRefund"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"cancelRefund"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"refundId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CancelRefundPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"refund"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefundRow"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefundRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Refund"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"chargeId"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PayoutInvalidStateError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","alias":{"kind":"Name","value":"payoutStatus"},"name":{"kind":"Name","value":"currentStatus"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RefundInvalidStateError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","alias":{"kind":"Name","value":"refundStatus"},"name":{"kind":"Name","value":"currentStatus"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NotFoundError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AmountTooLargeError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"maxAmount"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidInputError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<CancelRefundMutation, CancelRefundMutationVariables>;
export const RefundsPageDocument = {"__meta__":{"hash":"sha256:034d38f5d30208491fb6563239e309901e3ac87dfe5435775f30b66da9700d49"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RefundsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"last"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"before"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"refunds"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"Variable","name":{"kind":"Name","value":"last"}}},{"kind":"Argument","name":{"kind":"Name","value":"before"},"value":{"kind":"Variable","name":{"kind":"Name","value":"before"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefundRow"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefundRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Refund"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"chargeId"}}]}}]} as unknown as DocumentNode<RefundsPageQuery, RefundsPageQueryVariables>;