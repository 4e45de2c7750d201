import { StripeHttpError, type StripeErrorBody } from './types.js';

/** 400 invalid_request_error, Stripe's answer to most bad input and refused transitions. */
export function invalidRequest(message: string, extra: Omit<StripeErrorBody, 'type' | 'message'> = {}): StripeHttpError {
  return new StripeHttpError(400, { type: 'invalid_request_error', message, ...extra });
}

/** 404 resource_missing, worded as Stripe does: "No such payout: 'po_123'". */
export function resourceMissing(noun: string, id: string, param = 'id'): StripeHttpError {
  return new StripeHttpError(404, {
    type: 'invalid_request_error',
    code: 'resource_missing',
    param,
    message: `No such ${noun}: '${id}'`,
  });
}

export function parameterMissing(param: string): StripeHttpError {
  return invalidRequest(`Missing required param: ${param}.`, { code: 'parameter_missing', param });
}

export function parameterInvalid(param: string, message: string, code = 'parameter_invalid'): StripeHttpError {
  return invalidRequest(message, { code, param });
}
