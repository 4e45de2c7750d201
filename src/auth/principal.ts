/** The scopes a caller can hold; each root field names the one it needs (see schema/builder.ts). */
export const SCOPES = ['read', 'payouts:write', 'refunds:write', 'transfers:write', 'treasury:write', 'test_helpers'] as const;
export type Scope = (typeof SCOPES)[number];

/** Who is calling: from a verified JWT, an API key, or the open demo (no auth configured). */
export interface Principal {
  /** For logs and audit lines: the JWT's `sub`, the API key's name, or 'anonymous'. Never a credential. */
  readonly name: string;
  readonly kind: 'jwt' | 'api-key' | 'anonymous';
  readonly scopes: ReadonlySet<string>;
  /** The Connect account every upstream call of this principal acts as; undefined acts as the platform (or STRIPE_ACCOUNT). */
  readonly stripeAccount?: string;
  /** When the credential stops being valid (epoch ms): subscriptions end then. Undefined: never. */
  readonly expiresAt?: number;
}

/** The caller when no authentication is configured (the emulator demo, or AUTH_DISABLED=true): every scope. */
export const ANONYMOUS: Principal = Object.freeze({ name: 'anonymous', kind: 'anonymous', scopes: new Set<string>(SCOPES) });
