import { StripeHttpError } from './types.js';

const TEST_KEY = /^(sk|rk)_test_[A-Za-z0-9_]+$/;

/**
 * The API key from `Authorization: Bearer <key>` (or basic auth with the key as
 * user). Only well-formed test-mode keys are accepted; the key is never echoed whole.
 */
export function authenticate(header: string | null): string {
  if (!header || !header.trim()) {
    throw unauthorized(
      "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.",
    );
  }
  const key = keyFrom(header.trim());
  if (!key) throw unauthorized('Invalid API Key provided: the Authorization header must be "Bearer <key>".');
  if (!TEST_KEY.test(key)) throw unauthorized(`Invalid API Key provided: ${maskKey(key)}`);
  return key;
}

/** 'sk_test_abcdef123456' → 'sk_test_********3456' (short keys are masked whole). */
export function maskKey(key: string): string {
  const prefix = /^(sk|rk|pk)_(test|live)_/.exec(key)?.[0] ?? '';
  const rest = key.slice(prefix.length);
  if (rest.length < 8) return `${prefix}${'*'.repeat(rest.length)}`;
  return `${prefix}${'*'.repeat(rest.length - 4)}${rest.slice(-4)}`;
}

function keyFrom(header: string): string | undefined {
  const [scheme, value = ''] = header.split(/\s+/, 2);
  if (/^bearer$/i.test(scheme)) return value || undefined;
  if (/^basic$/i.test(scheme)) {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    return decoded.split(':')[0] || undefined;
  }
  return undefined;
}

function unauthorized(message: string): StripeHttpError {
  return new StripeHttpError(401, { type: 'invalid_request_error', message });
}
