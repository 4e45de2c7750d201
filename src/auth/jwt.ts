import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import type { JwtConfig } from '../config.js';
import type { Principal } from './principal.js';

/**
 * Signature algorithms accepted: asymmetric only. `none` is refused by jose itself, and with no
 * HMAC algorithm allowed a token signed with the JWKS's *public* key as an HMAC secret (the classic
 * algorithm-confusion attack) cannot verify.
 */
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

/** Verified tokens kept, so a page of requests with one token verifies its signature once. */
const MAX_CACHED_TOKENS = 10_000;

/** Why a token was refused, in words safe to show its holder (never the token). */
export class InvalidTokenError extends Error {}

export interface JwtVerifier {
  verify(token: string): Promise<Principal>;
}

/**
 * Bearer JWTs from an OIDC provider, verified against its JWKS (fetched on first use, cached,
 * refetched when a token names a key id not seen yet, at most every JWT_JWKS_COOLDOWN_S: that is how rotation
 * reaches the gateway). Issuer and audience must match; `exp`/`nbf` are checked with a small
 * clock tolerance. A verified token is cached until it expires.
 */
export function createJwtVerifier(config: JwtConfig, now: () => number = Date.now): JwtVerifier {
  const jwks = createRemoteJWKSet(new URL(config.jwksUrl), { cooldownDuration: config.jwksCooldownSeconds * 1000, cacheMaxAge: 10 * 60_000 });
  const verified = new Map<string, Principal>();

  const principalOf = (payload: JWTPayload): Principal => {
    const account = config.accountClaim ? payload[config.accountClaim] : undefined;
    // Once tokens are bound to accounts, one without the claim (a machine-to-machine token that
    // skipped the login hook that adds it, say) must not fall back to acting as the platform.
    if (config.accountClaim && account === undefined) throw new InvalidTokenError(`The token has no ${config.accountClaim} claim.`);
    if (account !== undefined && (typeof account !== 'string' || !/^acct_[A-Za-z0-9]+$/.test(account))) {
      throw new InvalidTokenError(`The token's ${config.accountClaim} claim is not an acct_ id.`);
    }
    return Object.freeze({
      name: typeof payload.sub === 'string' && payload.sub ? payload.sub : 'jwt',
      kind: 'jwt',
      scopes: scopesOf(payload, config.scopesClaim),
      stripeAccount: account,
      expiresAt: typeof payload.exp === 'number' ? payload.exp * 1000 : undefined,
    });
  };

  return {
    async verify(token) {
      const cached = verified.get(token);
      if (cached && (cached.expiresAt ?? Infinity) > now()) return cached;
      if (cached) verified.delete(token);
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, jwks, {
          issuer: config.issuer,
          audience: config.audience,
          algorithms: ALGORITHMS,
          clockTolerance: config.clockToleranceSeconds,
          currentDate: new Date(now()),
        }));
      } catch (err) {
        throw new InvalidTokenError(reasonOf(err));
      }
      const principal = principalOf(payload);
      if (verified.size >= MAX_CACHED_TOKENS) verified.delete(verified.keys().next().value!);
      verified.set(token, principal);
      return principal;
    },
  };
}

/** Scopes from the configured claim, or OAuth's `scope` (space-separated) / `scp` (array or string). */
function scopesOf(payload: JWTPayload, claim: string | undefined): ReadonlySet<string> {
  const raw = claim ? payload[claim] : (payload.scope ?? payload.scp);
  if (typeof raw === 'string') return new Set(raw.split(/\s+/).filter(Boolean));
  if (Array.isArray(raw)) return new Set(raw.filter((s): s is string => typeof s === 'string'));
  return new Set();
}

function reasonOf(err: unknown): string {
  if (err instanceof errors.JWTExpired) return 'The token has expired.';
  if (err instanceof errors.JWTClaimValidationFailed) return `The token's ${err.claim} claim is not accepted.`;
  if (err instanceof errors.JOSEAlgNotAllowed) return 'The token is signed with an algorithm this gateway does not accept.';
  if (err instanceof errors.JWKSNoMatchingKey) return 'No signing key of the issuer matches the token.';
  if (err instanceof errors.JWSSignatureVerificationFailed) return 'The token signature is invalid.';
  if (err instanceof errors.JWKSTimeout || err instanceof errors.JOSENotSupported) return 'The token could not be verified.';
  return 'The token is malformed or could not be verified.';
}
