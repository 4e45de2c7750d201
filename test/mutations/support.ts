/** Shared pieces of the mutation tests: a harness per file, fixtures made through the SDK, and typed-result helpers. */
import type Stripe from 'stripe';
import { expect } from 'vitest';
import { createHarness, type GqlResult, type Harness, type HarnessOptions } from '../harness.js';
import { inProcessStripe } from '../emulator/support.js';
import type { RequestCounts } from '../../src/emulator/request-log.js';

/** A fixed emulator start (2026-01-01T00:00:00Z), so arrival dates and ages are predictable. */
export const START = 1_767_225_600;
export const DAY = 24 * 3600;

export interface MutationHarness extends Harness {
  /** The SDK bound to the same emulator, for fixtures the gateway has no mutation for (charges, PaymentIntents). */
  readonly stripe: Stripe;
}

export async function mutationHarness(opts: HarnessOptions = {}): Promise<MutationHarness> {
  const h = await createHarness({ ...opts, emulator: { seed: 'none', startTime: START, ...opts.emulator } });
  return Object.assign(h, { stripe: inProcessStripe(h.emulator) });
}

/** Runs a mutation and returns its field's result, asserting there are no top-level errors. */
export async function mutate<T = Record<string, unknown>>(
  h: Harness,
  field: string,
  query: string,
  variables?: Record<string, unknown>,
): Promise<T & { __typename: string }> {
  const res: GqlResult<Record<string, unknown>> = await h.gql(query, variables);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data![field] as T & { __typename: string };
}

/** Like `mutate`, also counting the upstream requests it caused. */
export async function mutateCounting<T = Record<string, unknown>>(
  h: Harness,
  field: string,
  query: string,
  variables?: Record<string, unknown>,
): Promise<{ result: T & { __typename: string }; calls: RequestCounts }> {
  return h.upstreamCalls(() => mutate<T>(h, field, query, variables));
}

const ERROR_DETAILS = {
  NotFoundError: 'id',
  PayoutInvalidStateError: 'currentStatus',
  RefundInvalidStateError: 'currentStatus',
  OutboundPaymentInvalidStateError: 'currentStatus',
  FinancialAccountInvalidStateError: 'currentStatus',
  TransferInvalidStateError: 'reversed',
  AmountTooLargeError: 'maxAmount',
  InvalidInputError: 'field issues { path message }',
  IdempotencyConflictError: 'idempotencyKey',
  TestModeOnlyError: '__typename',
} as const;

/** Selections for a mutation's error results: every failure's code and message, plus the details of the listed types (all in its union). */
export function errorFields(...types: (keyof typeof ERROR_DETAILS)[]): string {
  const details = ['InvalidInputError' as const, ...types].map((t) => `... on ${t} { ${ERROR_DETAILS[t]} }`);
  return `... on UserError { code message } ${details.join(' ')}`;
}

/** Objects of one type in an account of the emulator's store. */
export function storedObjects<T = Record<string, unknown>>(h: Harness, objectType: string, account = '(platform)'): T[] {
  return (h.emulator.snapshot()[account]?.objects ?? []).filter((o) => o.object === objectType) as T[];
}

/** A captured card charge of `amount` cents, made through a confirmed PaymentIntent. */
export async function cardPayment(h: MutationHarness, amount = 5000): Promise<Stripe.PaymentIntent> {
  return h.stripe.paymentIntents.create({ amount, currency: 'usd', confirm: true, payment_method: 'pm_card_visa' });
}

/** A bank-transfer (customer_balance) payment, whose refunds wait in requires_action. */
export async function bankTransferPayment(h: MutationHarness, amount = 3000): Promise<Stripe.PaymentIntent> {
  return h.stripe.paymentIntents.create({
    amount,
    currency: 'usd',
    confirm: true,
    payment_method: 'pm_customer_balance',
    customer: 'cus_demo',
    receipt_email: 'jenny@example.com',
  });
}
