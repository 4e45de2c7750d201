import type { GraphiQLOptions } from 'graphql-yoga';

/**
 * What a first-time user sees in GraphiQL: several named operations over the demo data.
 * Ids are never hard-coded: the list operations show real ids to paste into the
 * by-id operations' variables. The first operation runs without any input.
 */
export const EXAMPLE_QUERIES = /* GraphQL */ `# Welcome! Run an operation with ▶
# (or put the cursor in it, Ctrl-Enter).
# By-id operations take ids from the lists:
# paste one into Variables, e.g. { "id": "po_…" }.

# Payouts with the balance transaction each moved
# (one Stripe call for the whole page).
query RecentPayouts {
  payouts(first: 5) {
    edges {
      node {
        id
        amount
        currency
        status
        arrivalDate
        balanceTransaction {
          id
          fee
          net
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}

# One payout by id: { "id": "po_…" } from RecentPayouts.
query PayoutById($id: ID!) {
  payout(id: $id) {
    id
    amount
    currency
    status
    description
    created
    arrivalDate
    balanceTransaction {
      fee
      net
      type
    }
  }
}

# Refunds with the charge each one refunds.
query RecentRefunds {
  refunds(first: 5) {
    edges {
      node {
        id
        amount
        currency
        status
        reason
        charge {
          id
          amount
          amountRefunded
        }
      }
    }
  }
}

# Treasury financial accounts ...
query FinancialAccounts {
  financialAccounts(first: 5) {
    edges {
      node {
        id
        status
      }
    }
  }
}

# ... and the outbound payments of one of them:
# { "financialAccount": "fa_…" }
query OutboundPayments($financialAccount: ID!) {
  outboundPayments(financialAccount: $financialAccount, first: 5) {
    edges {
      node {
        id
        amount
        currency
        status
        expectedArrivalDate
      }
    }
  }
}

# Live status: every payout change as it happens. The demo clock runs
# 60× real time, so pending payouts move on within minutes. Stop with ■.
subscription LivePayouts {
  payoutEvents {
    type
    occurredAt
    payout {
      id
      status
      amount
      arrivalDate
    }
  }
}

# Any object by its Stripe id (po_, re_, tr_, obp_ …):
# { "id": "…" }
query NodeById($id: ID!) {
  node(id: $id) {
    __typename
    id
    ... on Payout {
      amount
      payoutStatus: status
    }
    ... on Refund {
      amount
      refundStatus: status
    }
  }
}
`;

export const graphiqlOptions: GraphiQLOptions = {
  title: 'Stripe GraphQL gateway',
  defaultQuery: EXAMPLE_QUERIES,
};
