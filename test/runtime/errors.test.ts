import { describe, expect, it } from 'vitest';
import Stripe from 'stripe';
import { GraphQLError } from 'graphql';
import { redactSecrets, toGraphQLError, userError } from '../../src/stripe/errors.js';

/** An SDK error exactly as the SDK builds it from an HTTP status and an error body. */
function sdkError(statusCode: number, body: { type: string; message: string; code?: string; param?: string }) {
  return Stripe.errors.generateV1Error({ ...body, statusCode, requestId: 'req_abc123' } as Parameters<
    typeof Stripe.errors.generateV1Error
  >[0]);
}

describe('toGraphQLError', () => {
  it('maps a missing object to NOT_FOUND with Stripe’s request id and code', () => {
    const err = toGraphQLError(
      sdkError(404, { type: 'invalid_request_error', code: 'resource_missing', param: 'id', message: "No such payout: 'po_1'" }),
      'gw-1',
    );
    expect(err.message).toBe("No such payout: 'po_1'");
    expect(err.extensions).toEqual({
      code: 'NOT_FOUND',
      requestId: 'gw-1',
      stripeRequestId: 'req_abc123',
      stripeCode: 'resource_missing',
    });
  });

  it('maps other invalid requests to BAD_USER_INPUT naming the argument', () => {
    const err = toGraphQLError(
      sdkError(400, { type: 'invalid_request_error', code: 'parameter_invalid_integer', param: 'amount', message: 'Invalid integer: abc' }),
      'gw-2',
    );
    expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'amount', stripeCode: 'parameter_invalid_integer' });
  });

  it.each([
    [400, { type: 'idempotency_error', message: 'Keys for idempotent requests can only be used with the same parameters' }, 'IDEMPOTENCY_CONFLICT'],
    [409, { type: 'invalid_request_error', code: 'idempotency_key_in_use', message: 'in use' }, 'IDEMPOTENCY_CONFLICT'],
    [401, { type: 'invalid_request_error', message: 'Invalid API Key provided' }, 'UPSTREAM_ERROR'],
    [403, { type: 'invalid_request_error', message: 'The provided key does not have access' }, 'FORBIDDEN'],
    [429, { type: 'invalid_request_error', code: 'rate_limit', message: 'Too many requests' }, 'RATE_LIMITED'],
    [500, { type: 'api_error', message: 'Something went wrong on Stripe’s end' }, 'UPSTREAM_ERROR'],
    [503, { type: 'api_error', message: 'Unavailable' }, 'UPSTREAM_ERROR'],
  ] as const)('maps HTTP %i (%j) to %s', (status, body, code) => {
    expect(toGraphQLError(sdkError(status, body), 'gw').extensions.code).toBe(code);
  });

  it('maps connection failures to UPSTREAM_ERROR with a readable message', () => {
    const err = toGraphQLError(new Stripe.errors.StripeConnectionError({ message: 'ECONNREFUSED 127.0.0.1:9' }), 'gw');
    expect(err.extensions.code).toBe('UPSTREAM_ERROR');
    expect(err.message).toMatch(/could not reach stripe/i);
  });

  it('never lets a key through, whatever the upstream said', () => {
    const err = toGraphQLError(
      sdkError(400, { type: 'invalid_request_error', message: 'Bad key sk_test_51Hsecret_ABC and rk_live_xyz, whsec_abc' }),
      'gw',
    );
    expect(err.message).not.toMatch(/sk_test_51|rk_live_xyz|whsec_abc/);
    expect(err.message).toContain('[redacted]');
    const coded = toGraphQLError(userError('BAD_USER_INPUT', 'got sk_live_123'), 'gw');
    expect(coded.message).toBe('got [redacted]');
    expect(coded.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('passes coded GraphQL errors unchanged and masks everything else', () => {
    const coded = userError('INVALID_STATE', 'Payout is paid; only pending payouts can be canceled.');
    expect(toGraphQLError(coded, 'gw')).toBe(coded);
    const masked = toGraphQLError(new TypeError("Cannot read properties of undefined (reading 'id')"), 'gw-9');
    expect(masked.message).toBe('Unexpected error.');
    expect(masked.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: 'gw-9' });
    expect(toGraphQLError(new GraphQLError('no code'), 'gw').extensions.code).toBe('INTERNAL_SERVER_ERROR');
  });
});

describe('redactSecrets', () => {
  it('leaves ordinary ids alone', () => {
    expect(redactSecrets("No such payout: 'po_123' (acct_1, txn_2)")).toBe("No such payout: 'po_123' (acct_1, txn_2)");
  });
});
