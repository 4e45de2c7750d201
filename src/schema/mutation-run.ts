import type Stripe from 'stripe';
import type { GraphQLResolveInfo } from 'graphql';
import type { z } from 'zod';
import type { Context } from '../context.js';
import { audited } from './mutation-audit.js';
import { parseInput } from './mutation-input.js';
import { stripeWrite, type WriteSubject } from './stripe-write.js';
import { TestModeOnlyError } from './user-errors.js';

/** A zod schema that checks a mutation's `input` and yields `Input`. */
export type Rules<Input> = z.ZodType<Input, z.ZodTypeDef, unknown>;

/** The mutation's Stripe write (see stripeWrite), made under the input's idempotency key; `subject` makes refusals precise. */
export type Write = <T>(call: (options: Stripe.RequestOptions) => Promise<T>, subject?: WriteSubject) => Promise<T>;

/** What a mutation does with its checked input. */
export type MutationBody<Input, Payload> = (input: Input, write: Write) => Promise<Payload>;

/**
 * The body of every mutation's resolver: checks `input` against `rules` (InvalidInputError,
 * before anything is sent to Stripe), then runs `body` with the checked input and a `write`
 * bound to this mutation (the field, `info.fieldName`) and the input's idempotency key. Writes
 * the mutation's audit line whatever happens.
 */
export function runMutation<Input extends { idempotencyKey?: string }, Payload extends object>(
  ctx: Context,
  info: GraphQLResolveInfo,
  input: object,
  rules: Rules<Input>,
  body: MutationBody<Input, Payload>,
): Promise<Payload> {
  return run(ctx, info.fieldName, input, rules, body, { testHelper: false });
}

/**
 * runMutation for a Stripe test helper (the `test_helpers` scope): under a live key it is refused
 * with TestModeOnlyError before anything else, input checks included, and nothing is sent.
 */
export function runTestHelper<Input extends { idempotencyKey?: string }, Payload extends object>(
  ctx: Context,
  info: GraphQLResolveInfo,
  input: object,
  rules: Rules<Input>,
  body: MutationBody<Input, Payload>,
): Promise<Payload> {
  return run(ctx, info.fieldName, input, rules, body, { testHelper: true });
}

function run<Input extends { idempotencyKey?: string }, Payload extends object>(
  ctx: Context,
  mutation: string,
  input: object,
  rules: Rules<Input>,
  body: MutationBody<Input, Payload>,
  opts: { testHelper: boolean },
): Promise<Payload> {
  return audited(ctx, mutation, input as Record<string, unknown>, async () => {
    if (opts.testHelper && ctx.config.live) throw new TestModeOnlyError(mutation);
    const checked = parseInput(rules, input);
    const write: Write = (call, subject) => stripeWrite(ctx, { mutation, idempotencyKey: checked.idempotencyKey, subject }, call);
    return body(checked, write);
  });
}
