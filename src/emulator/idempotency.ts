import { StripeHttpError } from './types.js';
import type { Params } from './types.js';

/** How long a key's response is replayed, in emulator-clock seconds. */
export const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;
const MAX_KEY_LENGTH = 255;

export interface StoredResponse {
  status: number;
  body: string;
  requestId: string;
}

interface Entry {
  endpoint: string;
  fingerprint: string;
  createdAt: number;
  response?: StoredResponse;
}

export type IdempotencyOutcome = { kind: 'new' } | { kind: 'replay'; response: StoredResponse };

/**
 * Idempotency keys per account: the first POST with a key runs and its answer is
 * kept; the same key with the same endpoint and params replays it, anything
 * else is refused. Only POSTs take part.
 */
export class IdempotencyKeys {
  private keys = new Map<string, Entry>();

  /** Claims `key` for this request, or says to replay; throws Stripe's errors for misuse. */
  begin(account: string | null, key: string, endpoint: string, params: Params, now: number): IdempotencyOutcome {
    if (key.length > MAX_KEY_LENGTH) {
      throw new StripeHttpError(400, {
        type: 'invalid_request_error',
        message: `Idempotency-Key values can be at most ${MAX_KEY_LENGTH} characters long; this one has ${key.length}.`,
      });
    }
    const id = scopedKey(account, key);
    const fingerprint = canonical(params);
    let entry = this.keys.get(id);
    if (entry && entry.createdAt + IDEMPOTENCY_TTL_SECONDS <= now) {
      this.keys.delete(id);
      entry = undefined;
    }
    if (!entry) {
      this.keys.set(id, { endpoint, fingerprint, createdAt: now });
      return { kind: 'new' };
    }
    if (entry.endpoint !== endpoint) {
      throw idempotencyError(
        `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${entry.endpoint}' vs '${endpoint}'). Try using a key other than '${key}' if you meant to execute a different request.`,
      );
    }
    if (entry.fingerprint !== fingerprint) {
      throw idempotencyError(
        `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
      );
    }
    if (!entry.response) {
      throw new StripeHttpError(409, {
        type: 'invalid_request_error',
        code: 'idempotency_key_in_use',
        message: `There is currently another in-progress request using this Idempotency-Key ('${key}'). Please try again later.`,
      });
    }
    return { kind: 'replay', response: entry.response };
  }

  complete(account: string | null, key: string, response: StoredResponse): void {
    const entry = this.keys.get(scopedKey(account, key));
    if (entry) entry.response = response;
  }

  /** Forgets a claim whose request was refused before changing anything, so the key can be used again. */
  release(account: string | null, key: string): void {
    const id = scopedKey(account, key);
    if (!this.keys.get(id)?.response) this.keys.delete(id);
  }

  reset(): void {
    this.keys.clear();
  }
}

function scopedKey(account: string | null, key: string): string {
  return `${account ?? ''}\u0000${key}`;
}

function idempotencyError(message: string): StripeHttpError {
  return new StripeHttpError(400, { type: 'idempotency_error', message });
}

/** Order-independent JSON of the params, so the same params in another order still match. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}
