import type { GraphiQLOptions } from 'graphql-yoga';
import type { Config } from '../config.js';

/** One GraphiQL tab: a document of named operations and the variables they take. */
export interface ExampleTab {
  readonly query: string;
  /** JSON; ids are random, so where one is needed it says which list operation to copy it from. */
  readonly variables?: string;
}

/** Reads over the demo data; the first operation runs without any input and the lists show ids to paste. */
const READS = /* GraphQL */ `# Welcome! The tabs above hold example operations:
#   Reads · Cancel a payout · Outbound payments · Live.
# Run one with ▶ (or put the cursor in it, Ctrl-Enter).
# Ids are random: copy one from a list into Variables.

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

# One payout by id: "id" from RecentPayouts.
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
        nickname
        status
      }
    }
  }
}

# ... and the outbound payments of one of them:
# "financialAccount" from FinancialAccounts.
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

# Any object by its Stripe id (po_, re_, tr_, obp_ …): "id".
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

/** A mutation on a pending object, with the typed errors a client switches on. */
const CANCEL_PAYOUT = /* GraphQL */ `# Cancel a payout while it is still PENDING.
# 1. Run PendingPayouts and copy an id into Variables ("payoutId").
# 2. Run CancelPayout: the payout comes back CANCELED, with the balance
#    transaction that returned the money.
# 3. Run it again: a PayoutInvalidStateError, whose currentStatus is a
#    PayoutStatus (CANCELED), comparable with Payout.status.
# Every mutation returns a union: switch on __typename.

query PendingPayouts {
  payouts(first: 5, status: PENDING) {
    edges {
      node {
        id
        amount
        status
        arrivalDate
      }
    }
  }
}

mutation CancelPayout($payoutId: ID!) {
  cancelPayout(input: { payoutId: $payoutId }) {
    __typename
    ... on CancelPayoutPayload {
      payout {
        id
        status
        failureBalanceTransaction {
          type
          amount
        }
      }
    }
    ... on PayoutInvalidStateError {
      message
      currentStatus
    }
    ... on NotFoundError {
      message
      id
    }
    ... on InvalidInputError {
      message
      issues {
        path
        message
      }
    }
    ... on UserError {
      code
      message
    }
  }
}
`;

/** Test helpers that move an outbound payment on, and their typed errors. */
const OUTBOUND_PAYMENTS = /* GraphQL */ `# Outbound payments still PROCESSING, and moving one on.
# 1. Run PaymentAccounts; copy an id into "financialAccount".
# 2. Run ProcessingPayments; copy an id into "id".
# 3. Run PostOutboundPayment (a test helper: POSTED at once), or, while
#    it is still cancelable, CancelOutboundPayment. Either again: an
#    OutboundPaymentInvalidStateError with currentStatus POSTED or CANCELED.

query PaymentAccounts {
  financialAccounts(first: 5) {
    edges {
      node {
        id
        nickname
        status
      }
    }
  }
}

query ProcessingPayments($financialAccount: ID!) {
  outboundPayments(financialAccount: $financialAccount, first: 5, status: PROCESSING) {
    edges {
      node {
        id
        amount
        status
        cancelable
        expectedArrivalDate
      }
    }
  }
}

mutation PostOutboundPayment($id: ID!) {
  postOutboundPayment(input: { outboundPaymentId: $id }) {
    __typename
    ... on PostOutboundPaymentPayload {
      outboundPayment {
        id
        status
        statusTransitions {
          postedAt
        }
      }
    }
    ... on OutboundPaymentInvalidStateError {
      message
      currentStatus
    }
    ... on UserError {
      code
      message
    }
  }
}

mutation CancelOutboundPayment($id: ID!) {
  cancelOutboundPayment(input: { outboundPaymentId: $id }) {
    __typename
    ... on CancelOutboundPaymentPayload {
      outboundPayment {
        id
        status
        cancelable
      }
    }
    ... on OutboundPaymentInvalidStateError {
      message
      currentStatus
    }
    ... on UserError {
      code
      message
    }
  }
}
`;

/** Subscriptions; `liveNote` says where their events come from with this configuration. */
const live = (liveNote: string) => /* GraphQL */ `# Live status: every change as it happens, until you stop it (■).
${liveNote}

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

# "financialAccount" from FinancialAccounts (Reads tab).
subscription LiveOutboundPayments($financialAccount: ID!) {
  outboundPaymentEvents(financialAccount: $financialAccount) {
    type
    occurredAt
    outboundPayment {
      id
      status
      amount
    }
  }
}
`;

const comment = (text: string) => text.replace(/^/gm, '# ');

/** Where live events come from: the embedded emulator's demo traffic, or Stripe. */
function liveNote(config: Config): string {
  if (config.mode !== 'emulator') {
    return comment("Events come from Stripe's webhooks (POST /webhooks/stripe) and from this\ngateway's own mutations.");
  }
  if (!config.emulatorTraffic) {
    return comment(
      `The demo emulator makes no traffic of its own (EMULATOR_TRAFFIC=0): events come from\nyour mutations and the demo data's next transitions (its clock runs ×${config.emulatorSpeed}).`,
    );
  }
  const interval = config.emulatorTrafficIntervalMs;
  if (interval === null) {
    return comment('The demo emulator\'s clock is frozen (EMULATOR_SPEED=0): events come from your\nmutations, and from its objects as POST /_emulator/clock/advance moves the clock.');
  }
  const every = Math.round(interval / 1000);
  return comment(
    `The demo emulator makes new payouts, outbound payments and refunds every\n${every} s and its clock (×${config.emulatorSpeed}) moves them on (instant payouts are\npaid 30 emulated minutes later): an event comes within ${every} s.`,
  );
}

const variables = (value: Record<string, string>) => JSON.stringify(value, null, 2);

/** The tabs GraphiQL opens with (ids are never hard-coded: the lists show real ones to paste). */
export function exampleTabs(config: Config): ExampleTab[] {
  return [
    { query: READS, variables: variables({ id: 'po_… from RecentPayouts', financialAccount: 'fa_… from FinancialAccounts' }) },
    { query: CANCEL_PAYOUT, variables: variables({ payoutId: 'po_… from PendingPayouts' }) },
    { query: OUTBOUND_PAYMENTS, variables: variables({ financialAccount: 'fa_… from PaymentAccounts', id: 'obp_… from ProcessingPayments' }) },
    { query: live(liveNote(config)), variables: variables({ financialAccount: 'fa_… from FinancialAccounts' }) },
  ];
}

/** Where a token goes, shown in the Headers tab when the gateway asks for one. */
export const AUTH_HEADERS_EXAMPLE = JSON.stringify({ Authorization: 'Bearer <token>' }, null, 2);

/**
 * Yoga's GraphiQL options, plus the `query` and `variables` its GraphiQL component also takes
 * (passed on to GraphiQL as its initial ones) though its type does not list them.
 */
export type GatewayGraphiQLOptions = GraphiQLOptions & { query?: string; variables?: string };

/**
 * GraphiQL's options for this configuration: the example tabs, and when authentication is
 * required, the Headers tab open with where the token goes (the open demo needs no header).
 * The first tab's variables (and headers, which yoga makes GraphiQL's defaultHeaders) are also
 * given at the top level: GraphiQL opens the first of `defaultTabs` without them
 * (graphql/graphiql#3392). On later visits the page gives the tab the user left instead
 * (graphiql-assets.ts).
 */
export function graphiqlOptions(config: Config): GatewayGraphiQLOptions {
  const headers = config.auth.open ? undefined : AUTH_HEADERS_EXAMPLE;
  const tabs = exampleTabs(config);
  return {
    title: 'Stripe GraphQL gateway',
    defaultTabs: tabs.map((tab) => ({ ...tab, headers })),
    variables: tabs[0].variables,
    ...(headers ? { headers, defaultEditorToolsVisibility: 'headers' as const } : { defaultEditorToolsVisibility: 'variables' as const }),
  };
}
