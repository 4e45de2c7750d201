import qs from 'qs';
import { invalidRequest } from './errors.js';
import type { Params } from './types.js';

const QS_OPTIONS = { arrayLimit: 10_000, depth: 8, parameterLimit: 100_000 } as const;

/**
 * Decodes Stripe's form encoding (a POST body or a GET/DELETE query string):
 * bracket nesting `metadata[k]=v`, arrays as `a[]=` or `a[0]=`, brackets raw or
 * percent-encoded. A body that is not valid form encoding answers 400.
 */
export function parseForm(text: string): Params {
  if (/%(?![0-9A-Fa-f]{2})/.test(text)) {
    throw invalidRequest('Invalid request body: it could not be decoded as application/x-www-form-urlencoded.');
  }
  return qs.parse(text, QS_OPTIONS) as Params;
}

/** The body of a POST, refusing content types other than form encoding (Stripe takes no JSON bodies). */
export function parseBody(contentType: string | null, body: string): Params {
  if (body.trim() === '') return {};
  if (contentType && !contentType.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    throw invalidRequest(`Invalid request: Content-Type must be application/x-www-form-urlencoded, not '${contentType.split(';')[0]}'.`);
  }
  return parseForm(body);
}

/** The `expand` param as a list of paths, from `expand[]=`, `expand[0]=` or a single `expand=`. */
export function expandPaths(params: Params): string[] {
  const raw = params.expand;
  if (raw === undefined || raw === '') return [];
  const values = typeof raw === 'string' ? [raw] : Array.isArray(raw) ? raw : typeof raw === 'object' && raw ? Object.values(raw) : [raw];
  for (const v of values) {
    if (typeof v !== 'string') throw invalidRequest('Invalid array: expand must be an array of strings.', { param: 'expand' });
  }
  return values as string[];
}
