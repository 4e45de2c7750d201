import { graphql } from './gql';

/** What a payout row shows; the live feed asks for the same fields, so its events refresh the rows. */
export const PayoutRow = graphql(`
  fragment PayoutRow on Payout {
    id
    amount
    currency
    status
    method
    automatic
    created
    arrivalDate
    balanceTransaction {
      id
      net
    }
  }
`);

/** What a refund row shows; the live feed asks for the same fields. */
export const RefundRow = graphql(`
  fragment RefundRow on Refund {
    id
    amount
    currency
    status
    reason
    created
    chargeId
  }
`);

/** The typed failures of every mutation here: enough for a person to see why and what to do. */
export const UserErrorFields = graphql(`
  fragment UserErrorFields on UserError {
    code
    message
    # Each resource's state error types currentStatus with its own status enum: aliased, since
    # one selection cannot hold two fields of one name with different types.
    ... on PayoutInvalidStateError {
      payoutStatus: currentStatus
    }
    ... on RefundInvalidStateError {
      refundStatus: currentStatus
    }
    ... on NotFoundError {
      id
    }
    ... on AmountTooLargeError {
      maxAmount
    }
    ... on InvalidInputError {
      field
      issues {
        path
        message
      }
    }
  }
`);
