import { builder } from './builder.js';
import { stripeEnumFields, type StripeEnum } from './enums.js';
import { FinancialAccountStatus } from './financial-account.js';
import { OutboundPaymentStatus } from './outbound-payment.js';
import { PayoutStatus } from './payout.js';
import { RefundStatus } from './refund.js';

/**
 * Expected failures of a mutation. Each class is registered as a GraphQL object
 * type, so a mutation that lists it in `errors.types` returns it as a member of
 * its result union (`... on PayoutInvalidStateError { currentStatus }`) instead of a
 * top-level error. All of them implement the `UserError` interface, so a client
 * can also handle every failure with one `... on UserError { code message }`.
 */
export abstract class UserFacingError extends Error {
  /** A stable, machine-readable code (the same as extensions.code elsewhere in the API). */
  abstract readonly code: string;
  /** Stripe's request id when Stripe refused the write (for the audit line; not a schema field). */
  stripeRequestId?: string;
}

/** The object (or an object the input refers to) does not exist for this account. */
export class NotFoundError extends UserFacingError {
  readonly code = 'NOT_FOUND';
  constructor(
    message: string,
    readonly id: string,
  ) {
    super(message);
    this.name = 'NotFoundError';
  }
}

/**
 * The object's current state does not allow the requested transition. Abstract: each resource
 * throws its own subclass, so the state a client reads is typed as that resource's (see below).
 */
export abstract class InvalidStateError extends UserFacingError {
  readonly code = 'INVALID_STATE';
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** An InvalidStateError of a resource with a status: Stripe's status string when the change was refused (null when unknown). */
abstract class StatusStateError extends InvalidStateError {
  constructor(
    message: string,
    readonly currentStatus: string | null,
  ) {
    super(message);
  }
}

export class PayoutInvalidStateError extends StatusStateError {}
export class RefundInvalidStateError extends StatusStateError {}
export class OutboundPaymentInvalidStateError extends StatusStateError {}
export class FinancialAccountInvalidStateError extends StatusStateError {}

/** Transfers have no status: what decides their state is whether they are fully reversed. */
export class TransferInvalidStateError extends InvalidStateError {
  constructor(
    message: string,
    readonly reversed: boolean | null,
  ) {
    super(message);
  }
}

/** The amount is more than may still be moved (a transfer's unreversed remainder, a charge's unrefunded amount, the balance). */
export class AmountTooLargeError extends UserFacingError {
  readonly code = 'AMOUNT_TOO_LARGE';
  constructor(
    message: string,
    readonly maxAmount: number | null,
  ) {
    super(message);
    this.name = 'AmountTooLargeError';
  }
}

/** One problem with the input: where it is and what is wrong. */
export interface InputIssue {
  /** Path from the field's arguments, e.g. ['input', 'metadata', 'order_id']. */
  path: string[];
  message: string;
}

/** The input breaks a rule; nothing was sent to Stripe (or Stripe refused a parameter). */
export class InvalidInputError extends UserFacingError {
  readonly code = 'BAD_USER_INPUT';
  readonly issues: InputIssue[];
  constructor(issues: InputIssue[]) {
    super(issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    this.name = 'InvalidInputError';
    this.issues = issues;
  }
}

/** The idempotency key was already used with different input (or for a different object). */
export class IdempotencyConflictError extends UserFacingError {
  readonly code = 'IDEMPOTENCY_CONFLICT';
  constructor(
    message: string,
    readonly idempotencyKey: string | null,
  ) {
    super(message);
    this.name = 'IdempotencyConflictError';
  }
}

/** A test helper was called with a live-mode key. */
export class TestModeOnlyError extends UserFacingError {
  readonly code = 'TEST_MODE_ONLY';
  constructor(operation: string) {
    super(`${operation} is a test helper: it only works with a test-mode key (sk_test_/rk_test_), and this gateway uses a live key.`);
    this.name = 'TestModeOnlyError';
  }
}

/**
 * The description of a mutation's result union (`errors.union` of its field): the payload and
 * the listed error types form one union, `<Mutation>Result`, so a client switches on
 * `__typename` and a cache sees the payload's objects directly.
 */
export function resultDescription(mutation: string): string {
  return `What \`${mutation}\` returns: its payload on success, or one of the expected failures (all implement UserError).`;
}

const UserErrorInterface = builder.interfaceRef<UserFacingError>('UserError').implement({
  description: 'An expected failure of a mutation: the client can show `message` and switch on `code` or `__typename`.',
  fields: (t) => ({
    message: t.exposeString('message', { description: 'What went wrong, in words a person can act on.' }),
    code: t.exposeString('code', {
      description:
        'Stable machine-readable code: NOT_FOUND, INVALID_STATE, AMOUNT_TOO_LARGE, BAD_USER_INPUT, IDEMPOTENCY_CONFLICT or TEST_MODE_ONLY.',
    }),
  }),
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  description: 'The object named by the input (or one it refers to) does not exist for this account.',
  interfaces: [UserErrorInterface],
  fields: (t) => ({
    id: t.exposeString('id', { description: 'The id that was not found.' }),
  }),
});

const InvalidStateErrorInterface = builder.interfaceRef<InvalidStateError>('InvalidStateError').implement({
  description:
    "The object's current state does not allow this change (e.g. canceling a payout that is already paid). Each resource has its own " +
    'type with the state typed as on the object (PayoutInvalidStateError.currentStatus is a PayoutStatus, to compare with Payout.status).',
  interfaces: [UserErrorInterface],
  fields: (t) => ({
    message: t.exposeString('message', { description: 'What went wrong, in words a person can act on.' }),
    code: t.exposeString('code', { description: 'Always INVALID_STATE.' }),
  }),
});

/** Registers one resource's InvalidStateError type, its `currentStatus` typed as that resource's status enum. */
function statusStateErrorType(errorClass: new (message: string, status: string | null) => StatusStateError, name: string, resource: string, status: StripeEnum): void {
  builder.objectType(errorClass, {
    name,
    description: `The ${resource}'s current state does not allow this change; \`currentStatus\` says what it is now.`,
    interfaces: [UserErrorInterface, InvalidStateErrorInterface],
    fields: (t) => ({
      ...stripeEnumFields(t, {
        name: 'currentStatus',
        type: status,
        key: 'currentStatus',
        nullable: true,
        description: `The ${resource}'s status when the change was refused (compare it with its \`status\`); null when there is no ${resource} yet or it could not be read.`,
      }),
    }),
  });
}

statusStateErrorType(PayoutInvalidStateError, 'PayoutInvalidStateError', 'payout', PayoutStatus);
statusStateErrorType(RefundInvalidStateError, 'RefundInvalidStateError', 'refund', RefundStatus);
statusStateErrorType(OutboundPaymentInvalidStateError, 'OutboundPaymentInvalidStateError', 'outbound payment', OutboundPaymentStatus);
statusStateErrorType(FinancialAccountInvalidStateError, 'FinancialAccountInvalidStateError', 'financial account', FinancialAccountStatus);

builder.objectType(TransferInvalidStateError, {
  name: 'TransferInvalidStateError',
  description: "The transfer's current state does not allow this change (transfers have no status: a fully reversed one takes no more reversals).",
  interfaces: [UserErrorInterface, InvalidStateErrorInterface],
  fields: (t) => ({
    reversed: t.exposeBoolean('reversed', {
      nullable: true,
      description: 'Whether the transfer was fully reversed when the change was refused; null when it could not be read.',
    }),
  }),
});

builder.objectType(AmountTooLargeError, {
  name: 'AmountTooLargeError',
  description: 'The amount is more than may still be moved: the unreversed remainder of a transfer, the unrefunded amount of a charge, or the available balance.',
  interfaces: [UserErrorInterface],
  fields: (t) => ({
    maxAmount: t.exposeInt('maxAmount', {
      nullable: true,
      description: 'The largest amount (minor units) that would be accepted now, when known.',
    }),
  }),
});

const InputIssueRef = builder.objectRef<InputIssue>('InputIssue').implement({
  description: 'One rule the input breaks.',
  fields: (t) => ({
    path: t.exposeStringList('path', { description: "Path to the offending value from the mutation's arguments, e.g. [\"input\", \"amount\"]." }),
    message: t.exposeString('message', { description: 'What the value must look like.' }),
  }),
});

builder.objectType(InvalidInputError, {
  name: 'InvalidInputError',
  description: 'The input breaks a rule (checked before anything is sent to Stripe), or Stripe refused a parameter.',
  interfaces: [UserErrorInterface],
  fields: (t) => ({
    field: t.string({
      description: 'Dotted path of the first offending value, e.g. "input.metadata".',
      resolve: (err) => err.issues[0]?.path.join('.') ?? 'input',
    }),
    issues: t.field({ type: [InputIssueRef], description: 'Every problem found.', resolve: (err) => err.issues }),
  }),
});

builder.objectType(IdempotencyConflictError, {
  name: 'IdempotencyConflictError',
  description:
    'The idempotency key was already used with different input. Send the same input to get the first result again, or use a new key for a new operation.',
  interfaces: [UserErrorInterface],
  fields: (t) => ({
    idempotencyKey: t.exposeString('idempotencyKey', { nullable: true, description: 'The key the client sent.' }),
  }),
});

builder.objectType(TestModeOnlyError, {
  name: 'TestModeOnlyError',
  description: 'Test helpers only exist in test mode; this gateway runs with a live-mode key, so nothing was sent to Stripe.',
  interfaces: [UserErrorInterface],
});
