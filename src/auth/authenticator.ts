import type { AuthConfig } from '../config.js';
import { createApiKeyVerifier } from './api-keys.js';
import { createJwtVerifier, InvalidTokenError } from './jwt.js';
import { ANONYMOUS, type Principal } from './principal.js';

export type AuthOutcome =
  | { readonly ok: true; readonly principal: Principal }
  /** `reason` is safe to show the caller; `tokenGiven` picks RFC 6750's `error="invalid_token"`. */
  | { readonly ok: false; readonly reason: string; readonly tokenGiven: boolean };

/** Turns an `Authorization` value (HTTP header, or graphql-ws `connection_init` payload) into a principal. */
export interface Authenticator {
  /** True when no credential is asked for (every caller is ANONYMOUS with every scope). */
  readonly open: boolean;
  authenticate(authorization: string | null | undefined): Promise<AuthOutcome>;
  /** Who may call, for the startup banner and log (no secret). */
  describe(): string;
}

const BEARER = /^Bearer[ \t]+([\x21-\x7e]{1,8192})$/i;

export function createAuthenticator(config: AuthConfig, now?: () => number): Authenticator {
  const apiKey = createApiKeyVerifier(config.apiKeys);
  const jwt = config.jwt ? createJwtVerifier(config.jwt, now) : undefined;
  const methods = [
    config.jwt ? `JWT from ${config.jwt.issuer} (audience ${config.jwt.audience})` : '',
    config.apiKeys.length ? `API keys: ${config.apiKeys.map((k) => k.name).join(', ')}` : '',
  ].filter(Boolean);

  return {
    open: config.open,
    describe: () => (config.open ? 'none (open: anyone who reaches the port)' : methods.join('; ')),
    async authenticate(authorization) {
      if (config.open) return { ok: true, principal: ANONYMOUS };
      if (!authorization) {
        return { ok: false, tokenGiven: false, reason: 'Authentication required: send `Authorization: Bearer <token or API key>`.' };
      }
      const token = BEARER.exec(authorization.trim())?.[1];
      if (!token) return { ok: false, tokenGiven: true, reason: 'The Authorization header must be `Bearer <token or API key>`.' };
      const byKey = apiKey(token);
      if (byKey) return { ok: true, principal: byKey };
      if (!jwt) return { ok: false, tokenGiven: true, reason: 'The API key is not known.' };
      try {
        return { ok: true, principal: await jwt.verify(token) };
      } catch (err) {
        if (err instanceof InvalidTokenError) return { ok: false, tokenGiven: true, reason: err.message };
        throw err;
      }
    },
  };
}
