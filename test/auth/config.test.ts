// Secure defaults: a Stripe key is never served without authentication unless that is said out loud,
// and a half-configured setup refuses to start naming the variable.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { apiKeysFile } from './issuer.js';

const KEY = 'sk_test_config';
const JWT = { JWT_JWKS_URL: 'https://issuer.test/.well-known/jwks.json', JWT_ISSUER: 'https://issuer.test/', JWT_AUDIENCE: 'gw' };

describe('authentication config', () => {
  it('refuses to start with a Stripe key and no authentication', () => {
    expect(() => loadConfig({ STRIPE_SECRET_KEY: KEY })).toThrow(/STRIPE_SECRET_KEY: .*no authentication is configured.*AUTH_DISABLED=true/);
  });

  it('starts open with a key only when AUTH_DISABLED=true, and the emulator demo is open with nothing set', () => {
    expect(loadConfig({ STRIPE_SECRET_KEY: KEY, AUTH_DISABLED: 'true' }).auth.open).toBe(true);
    expect(loadConfig({}).auth.open).toBe(true);
  });

  it('closes the emulator too once a method is configured', () => {
    expect(loadConfig({ ...JWT }).auth.open).toBe(false);
    expect(loadConfig({ STRIPE_SECRET_KEY: KEY, ...JWT }).auth).toMatchObject({ open: false, jwt: { issuer: JWT.JWT_ISSUER } });
  });

  it.each([
    [{ JWT_ISSUER: 'https://issuer.test/' }, 'JWT_JWKS_URL'],
    [{ JWT_AUDIENCE: 'gw' }, 'JWT_JWKS_URL'],
    [{ JWT_SCOPES_CLAIM: 'permissions' }, 'JWT_JWKS_URL'],
    [{ JWT_JWKS_URL: JWT.JWT_JWKS_URL, JWT_AUDIENCE: 'gw' }, 'JWT_ISSUER'],
    [{ JWT_JWKS_URL: JWT.JWT_JWKS_URL, JWT_ISSUER: 'https://issuer.test/' }, 'JWT_AUDIENCE'],
    [{ ...JWT, AUTH_DISABLED: 'true' }, 'AUTH_DISABLED'],
  ])('refuses a half-configured setup %j, naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(new RegExp(`^Invalid configuration:\\n  ${variable}: `));
  });

  it('reads API_KEYS_FILE and refuses a bad one naming the variable', () => {
    const good = apiKeysFile([{ name: 'svc', key: 'k1', scopes: ['read'], stripeAccount: 'acct_123' }]);
    expect(loadConfig({ API_KEYS_FILE: good }).auth.apiKeys).toEqual([
      expect.objectContaining({ name: 'svc', scopes: ['read'], stripeAccount: 'acct_123' }),
    ]);
    const badScope = apiKeysFile([{ name: 'svc', key: 'k1', scopes: ['admin'] }]);
    expect(() => loadConfig({ API_KEYS_FILE: badScope })).toThrow(/API_KEYS_FILE: .*scopes/);
    expect(() => loadConfig({ API_KEYS_FILE: '/nonexistent/keys.json' })).toThrow(/API_KEYS_FILE: cannot read/);
    const twice = apiKeysFile([
      { name: 'svc', key: 'k1', scopes: ['read'] },
      { name: 'svc', key: 'k2', scopes: ['read'] },
    ]);
    expect(() => loadConfig({ API_KEYS_FILE: twice })).toThrow(/used twice/);
  });

  it('accepts exact origins in CORS_ORIGINS and refuses anything else', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://app.example.com, http://localhost:5173' }).corsOrigins).toEqual([
      'https://app.example.com',
      'http://localhost:5173',
    ]);
    for (const bad of ['*', 'https://app.example.com/', 'app.example.com', 'https://app.example.com/path']) {
      expect(() => loadConfig({ CORS_ORIGINS: bad })).toThrow(/CORS_ORIGINS/);
    }
  });
});
