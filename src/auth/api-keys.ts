import { createHash, timingSafeEqual } from 'node:crypto';
import type { ApiKeyEntry } from '../config.js';
import type { Principal } from './principal.js';

/**
 * Service API keys (API_KEYS_FILE): only their SHA-256 is held. A presented key is hashed and
 * compared with every entry in constant time, with no early exit, so timing tells nothing about
 * which entry (or how much of one) matched.
 */
export function createApiKeyVerifier(entries: readonly ApiKeyEntry[]): (key: string) => Principal | null {
  const known = entries.map((entry) => ({
    digest: Buffer.from(entry.sha256, 'hex'),
    principal: Object.freeze({
      name: entry.name,
      kind: 'api-key',
      scopes: new Set<string>(entry.scopes),
      stripeAccount: entry.stripeAccount,
    }) satisfies Principal,
  }));
  return (key) => {
    const digest = createHash('sha256').update(key, 'utf8').digest();
    let match: Principal | null = null;
    for (const entry of known) if (timingSafeEqual(digest, entry.digest)) match = entry.principal;
    return match;
  };
}
