import { parameterInvalid } from './errors.js';
import type { Params } from './types.js';

const MAX_KEYS = 50;
const MAX_KEY_LENGTH = 40;
const MAX_VALUE_LENGTH = 500;

/**
 * Applies a `metadata` param to an object's current metadata with Stripe's
 * semantics: keys merge; `metadata[k]=` removes k; `metadata=` removes all.
 * Validates the result (≤50 keys, key ≤40, value ≤500 chars, no brackets in keys)
 * and throws before anything is changed. Returns the new metadata object.
 */
export function applyMetadata(current: Record<string, string> | null | undefined, params: Params): Record<string, string> {
  const base = { ...(current ?? {}) };
  if (!('metadata' in params)) return base;
  const param = params.metadata;
  if (param === '') return {};
  if (typeof param !== 'object' || param === null || Array.isArray(param)) {
    throw parameterInvalid('metadata', 'Invalid metadata: must be an object of string keys and values.');
  }
  for (const [key, value] of Object.entries(param as Record<string, unknown>)) {
    if (key.length > MAX_KEY_LENGTH) {
      throw parameterInvalid(`metadata[${key}]`, `Metadata keys can have up to ${MAX_KEY_LENGTH} characters; "${key}" has ${key.length}.`);
    }
    if (/[[\]]/.test(key)) throw parameterInvalid('metadata', `Metadata keys can't contain '[' or ']': "${key}".`);
    if (typeof value !== 'string') {
      throw parameterInvalid(`metadata[${key}]`, `Invalid metadata[${key}]: metadata values must be strings.`);
    }
    if (value.length > MAX_VALUE_LENGTH) {
      throw parameterInvalid(`metadata[${key}]`, `Metadata values can have up to ${MAX_VALUE_LENGTH} characters; metadata[${key}] has ${value.length}.`);
    }
    if (value === '') delete base[key];
    else base[key] = value;
  }
  if (Object.keys(base).length > MAX_KEYS) {
    throw parameterInvalid('metadata', `Metadata can have up to ${MAX_KEYS} keys; this request would leave ${Object.keys(base).length}.`);
  }
  return base;
}
