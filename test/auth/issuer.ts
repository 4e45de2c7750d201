import { createServer, type Server } from 'node:http';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK, type JWTPayload, type CryptoKey } from 'jose';

export const ISSUER = 'https://issuer.test/';
export const AUDIENCE = 'stripe-gateway';

interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

async function newKey(): Promise<SigningKey> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomUUID();
  return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
}

/**
 * A real OIDC-style issuer for tests: RS256 keys the test generates, a JWKS served over HTTP on
 * loopback (fetches counted), and tokens signed with them.
 */
export interface TestIssuer {
  readonly jwksUrl: string;
  /** JWKS fetches so far. */
  fetches(): number;
  /** A signed token: `sub`, `iss`, `aud`, `iat`, `exp` (+10 min) unless overridden. */
  token(claims?: JWTPayload, opts?: { expiresInS?: number; key?: 'current' | 'retired' }): Promise<string>;
  /** Publishes a new key (the old one is no longer in the JWKS) and signs with it from now on. */
  rotate(): Promise<void>;
  /** The current key's public JWK, as an attacker could fetch it. */
  publicJwk(): JWK;
  close(): Promise<void>;
}

export async function startIssuer(): Promise<TestIssuer> {
  let current = await newKey();
  let retired: SigningKey | undefined;
  let fetches = 0;
  const server: Server = createServer((req, res) => {
    fetches++;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [current.publicJwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    jwksUrl: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    fetches: () => fetches,
    async token(claims = {}, opts = {}) {
      const key = opts.key === 'retired' ? retired! : current;
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({ sub: 'user-1', ...claims })
        .setProtectedHeader({ alg: 'RS256', kid: key.kid })
        .setIssuer(typeof claims.iss === 'string' ? claims.iss : ISSUER)
        .setAudience((claims.aud as string | undefined) ?? AUDIENCE)
        .setIssuedAt(now)
        .setExpirationTime(now + (opts.expiresInS ?? 600))
        .sign(key.privateKey);
    },
    async rotate() {
      retired = current;
      current = await newKey();
    },
    publicJwk: () => current.publicJwk,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Writes an API_KEYS_FILE for `keys` (name → key and what it may do) and returns its path. */
export function apiKeysFile(keys: { name: string; key: string; scopes: string[]; stripeAccount?: string }[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'gateway-keys-'));
  const path = join(dir, 'api-keys.json');
  const entries = keys.map(({ key, ...rest }) => ({ ...rest, sha256: createHash('sha256').update(key).digest('hex') }));
  writeFileSync(path, JSON.stringify(entries));
  return path;
}

/** The environment for a gateway that trusts `issuer` and the given key file. */
export function authEnv(issuer: TestIssuer, extra: Record<string, string> = {}): Record<string, string> {
  return { JWT_JWKS_URL: issuer.jwksUrl, JWT_ISSUER: ISSUER, JWT_AUDIENCE: AUDIENCE, JWT_JWKS_COOLDOWN_S: '0', ...extra };
}
