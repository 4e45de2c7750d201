import { maskKey } from './auth.js';
import { StripeHttpError } from './types.js';

/** A connected account id as Stripe writes it. */
export const ACCOUNT_ID = /^acct_[A-Za-z0-9]+$/;

/**
 * The connected accounts one emulator knows. As on Stripe, a `Stripe-Account`
 * header or a transfer destination naming any other account is refused. The
 * accounts given at creation survive a reset; the ones added later (the demo
 * seed's, the admin route's) are dropped with the rest of the data.
 */
export class ConnectedAccounts {
  private readonly added = new Set<string>();
  private readonly configured: ReadonlySet<string>;

  constructor(configured: readonly string[] = []) {
    for (const id of configured) {
      if (!ACCOUNT_ID.test(id)) throw new Error(`EmulatorOptions.accounts: '${id}' is not an acct_ id`);
    }
    this.configured = new Set(configured);
  }

  has(id: string): boolean {
    return this.configured.has(id) || this.added.has(id);
  }

  /** Adds a well-formed `acct_` id (adding a known one again changes nothing). */
  add(id: string): void {
    if (!ACCOUNT_ID.test(id)) throw new Error(`'${id}' is not an acct_ id`);
    if (!this.configured.has(id)) this.added.add(id);
  }

  list(): string[] {
    return [...new Set([...this.configured, ...this.added])];
  }

  reset(): void {
    this.added.clear();
  }
}

/**
 * Stripe's answer to a `Stripe-Account` the key can't act as: 403, which the SDK
 * raises as StripePermissionError. The key is shown masked, as Stripe does.
 */
export function accountRefused(key: string, account: string): StripeHttpError {
  return new StripeHttpError(403, {
    type: 'invalid_request_error',
    code: 'account_invalid',
    message: `The provided key '${maskKey(key)}' does not have access to account '${account}' (or that account does not exist). Application access may have been revoked.`,
  });
}
