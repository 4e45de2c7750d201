import { redactSecrets } from '../stripe/errors.js';

/** Replaces secrets in a string; see createRedactor. */
export type Redactor = (text: string) => string;

const PLACEHOLDER = '[redacted]';
/** Between two characters of a known secret: an echo may have spaced, dashed or re-cased it. */
const GAP = '[^A-Za-z0-9]{0,3}';
/** Shorter fragments would match ordinary words. */
const MIN_FRAGMENT = 12;

/** A secret's alphanumerics, each separated by up to 3 other characters, any case. */
function spelledAnyWay(fragment: string): RegExp | null {
  const chars = fragment.replace(/[^A-Za-z0-9]/g, '');
  if (chars.length < MIN_FRAGMENT) return null;
  return new RegExp(chars.split('').join(GAP), 'gi');
}

/**
 * Scrubs anything shaped like a credential (Stripe keys, webhook secrets, bearer tokens, JWTs:
 * stripe/errors.ts's redactSecrets) plus the gateway's own `secrets` however an echo spells them:
 * upper case, spaced out, dashed, or just the part after `sk_test_`.
 */
export function createRedactor(secrets: readonly (string | undefined)[]): Redactor {
  const patterns: RegExp[] = [];
  for (const secret of secrets) {
    if (!secret) continue;
    for (const fragment of [secret, secret.replace(/^(?:(?:sk|rk)_(?:test|live)|whsec)_/, '')]) {
      const pattern = spelledAnyWay(fragment);
      if (pattern) patterns.push(pattern);
    }
  }
  return (text) => {
    let out = text;
    for (const pattern of patterns) out = out.replace(pattern, PLACEHOLDER);
    return redactSecrets(out);
  };
}

/** `value` with every string in it (object values and array items, at any depth) redacted; the same value when nothing changed. */
export function redactDeep<T>(value: T, redact: Redactor, depth = 0): T {
  if (typeof value === 'string') return redact(value) as T;
  if (value === null || typeof value !== 'object' || depth > 8) return value;
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((item: unknown) => {
      const r = redactDeep(item, redact, depth + 1);
      if (r !== item) changed = true;
      return r;
    });
    return (changed ? out : value) as T;
  }
  let out: Record<string, unknown> | undefined;
  for (const [key, item] of Object.entries(value)) {
    const r = redactDeep(item, redact, depth + 1);
    if (r !== item) (out ??= { ...(value as Record<string, unknown>) })[key] = r;
  }
  return (out ?? value) as T;
}
