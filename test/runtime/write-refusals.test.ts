import { describe, expect, it } from 'vitest';
import Stripe from 'stripe';
import { classifyWriteRefusal, writeMayHaveHappened } from '../../src/stripe/errors.js';
import { idempotencyKeyFor, MAX_IDEMPOTENCY_KEY_LENGTH } from '../../src/stripe/idempotency.js';

/** An SDK error exactly as the SDK builds it from an HTTP status and an error body. */
function sdkError(statusCode: number, body: { type: string; message: string; code?: string; param?: string }) {
  return Stripe.errors.generateV1Error({ ...body, statusCode, requestId: 'req_abc123' } as Parameters<
    typeof Stripe.errors.generateV1Error
  >[0]);
}

const invalid = (message: string, extra: { code?: string; param?: string } = {}) =>
  sdkError(400, { type: 'invalid_request_error', message, ...extra });

describe('classifyWriteRefusal: what Stripe refused, from its type, code and status', () => {
  it.each([
    ['an idempotency_error', sdkError(400, { type: 'idempotency_error', message: 'Keys for idempotent requests…' }), { kind: 'idempotency_conflict' }],
    [
      'a missing object, naming the id from the message',
      sdkError(404, { type: 'invalid_request_error', code: 'resource_missing', param: 'id', message: "No such payout: 'po_1'" }),
      { kind: 'not_found', id: 'po_1' },
    ],
    [
      'a missing referenced object (400 resource_missing)',
      invalid("No such external account: 'ba_9'", { code: 'resource_missing', param: 'destination' }),
      { kind: 'not_found', id: 'ba_9' },
    ],
    ['charge_already_refunded (nothing left)', invalid('Charge ch_1 has already been refunded.', { code: 'charge_already_refunded' }), { kind: 'amount_too_large', limit: 'nothing_left' }],
    ['balance_insufficient', invalid('You have insufficient funds…', { code: 'balance_insufficient' }), { kind: 'amount_too_large', limit: 'funds' }],
    ['insufficient_funds', invalid('Financial account fa_1 has insufficient funds', { code: 'insufficient_funds', param: 'amount' }), { kind: 'amount_too_large', limit: 'funds' }],
    ['amount_too_large', invalid('Refund amount (9) is greater than …', { code: 'amount_too_large', param: 'amount' }), { kind: 'amount_too_large', limit: 'remainder' }],
    ['a parameter_ code', invalid('Invalid integer: abc', { code: 'parameter_invalid_integer', param: 'amount' }), { kind: 'invalid_parameter', param: 'amount' }],
    ['a state refusal in prose, without a code', invalid('Payouts can only be canceled while they are pending; this payout is paid.'), { kind: 'invalid_state' }],
  ])('%s', (_what, err, expected) => {
    expect(classifyWriteRefusal(err)).toEqual(expected);
  });

  it('reads a coded answer by its code, never by its wording', () => {
    // "greater than" in the message of an answer whose code says the amount is too SMALL.
    const tooSmall = invalid('Amount must be greater than or equal to 50 cents.', { code: 'amount_too_small', param: 'amount' });
    expect(classifyWriteRefusal(tooSmall)).not.toMatchObject({ kind: 'amount_too_large' });
  });

  it('falls back on the wording only where Stripe sends no code', () => {
    expect(classifyWriteRefusal(invalid('You cannot reverse more than the 300 left.', { param: 'amount' }))).toEqual({
      kind: 'amount_too_large',
      limit: 'remainder',
    });
    expect(classifyWriteRefusal(invalid('Invalid array', { param: 'expand' }))).toEqual({ kind: 'invalid_parameter', param: 'expand' });
    // The same param without that wording is the object's state speaking.
    expect(classifyWriteRefusal(invalid('Instant payouts can only be sent to a debit card.', { param: 'method' }))).toEqual({ kind: 'invalid_state' });
  });

  it.each([
    ['a 5xx', sdkError(500, { type: 'api_error', message: 'boom' })],
    ['a 429', sdkError(429, { type: 'invalid_request_error', code: 'rate_limit', message: 'slow down' })],
    ['a 409 lock timeout', sdkError(409, { type: 'invalid_request_error', code: 'lock_timeout', message: 'locked' })],
    ['a refused key', sdkError(401, { type: 'invalid_request_error', message: 'Invalid API Key provided' })],
  ])('leaves %s to the top-level error', (_what, err) => {
    expect(classifyWriteRefusal(err)).toBeNull();
  });
});

describe('writeMayHaveHappened: when the outcome of a failed write is unknown', () => {
  it('is true without an answer, on a 5xx, a 429 and a 409; false when Stripe refused this very request', () => {
    expect(writeMayHaveHappened(new Stripe.errors.StripeConnectionError({ message: 'socket hang up' }))).toBe(true);
    expect(writeMayHaveHappened(sdkError(503, { type: 'api_error', message: 'unavailable' }))).toBe(true);
    expect(writeMayHaveHappened(sdkError(429, { type: 'invalid_request_error', code: 'rate_limit', message: 'slow down' }))).toBe(true);
    expect(writeMayHaveHappened(sdkError(409, { type: 'invalid_request_error', code: 'lock_timeout', message: 'locked' }))).toBe(true);
    expect(writeMayHaveHappened(invalid('Payouts can only be canceled while they are pending.'))).toBe(false);
    expect(writeMayHaveHappened(sdkError(404, { type: 'invalid_request_error', code: 'resource_missing', message: "No such payout: 'po_1'" }))).toBe(false);
  });
});

describe('idempotencyKeyFor', () => {
  it('namespaces the client key by operation, so one key on two mutations never collides', () => {
    expect(idempotencyKeyFor('cancelPayout', 'order-42')).toBe('gql:cancelPayout:order-42');
    expect(idempotencyKeyFor('createRefund', 'order-42')).not.toBe(idempotencyKeyFor('cancelPayout', 'order-42'));
  });

  it('hashes a namespaced key that would pass Stripe’s 255 characters, stably and per key', () => {
    const long = 'k'.repeat(MAX_IDEMPOTENCY_KEY_LENGTH);
    const key = idempotencyKeyFor('createTransferReversal', long);
    expect(key).toMatch(/^gql:createTransferReversal:sha256:[0-9a-f]{64}$/);
    expect(key.length).toBeLessThanOrEqual(MAX_IDEMPOTENCY_KEY_LENGTH);
    expect(idempotencyKeyFor('createTransferReversal', long)).toBe(key);
    expect(idempotencyKeyFor('createTransferReversal', `${long.slice(1)}j`)).not.toBe(key);
  });
});
