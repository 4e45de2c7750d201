import { z } from 'zod';

/** What one GraphQL document may hold; checked at parse and validation, before any execution. */
export interface DocumentLimits {
  /** Characters in the document's text, comments and whitespace included. */
  readonly maxLength: number;
  /** Lexical tokens in the document. */
  readonly maxTokens: number;
  /** Nesting of fields in an operation (fragments flattened, introspection's __schema not counted). */
  readonly maxDepth: number;
  /** Aliased fields in an operation, fragments expanded. */
  readonly maxAliases: number;
  /** Directives in an operation, fragments expanded. */
  readonly maxDirectives: number;
  /** Fields an operation selects once every fragment is expanded. */
  readonly maxFields: number;
}

/**
 * Well above what the example operations and GraphiQL's introspection query need (at most 2.4 KB,
 * 371 tokens, depth 6, 2 aliases, no directive, 230 fields), far below what costs the gateway.
 */
export const DEFAULT_DOCUMENT_LIMITS: DocumentLimits = Object.freeze({
  // Under 16,384: V8 hashes a longer string by its length alone, so longer documents would all
  // collide in yoga's parse cache (keyed by the text) and make every lookup a scan.
  maxLength: 16_000,
  maxTokens: 2000,
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 50,
  maxFields: 1000,
});

/** Environment variables the gateway reads (only main.ts passes process.env here). */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('127.0.0.1'),
  STRIPE_SECRET_KEY: z
    .string()
    .regex(/^(sk|rk)_(test|live)_[A-Za-z0-9_]+$/, 'must look like sk_test_..., sk_live_..., rk_test_... or rk_live_...')
    .optional(),
  STRIPE_API_BASE: z.string().url().optional(),
  STRIPE_ACCOUNT: z.string().regex(/^acct_[A-Za-z0-9]+$/, 'must be an acct_ id').optional(),
  STRIPE_WEBHOOK_SECRET: z.string().startsWith('whsec_').optional(),
  STRIPE_MAX_NETWORK_RETRIES: z.coerce.number().int().min(0).max(10).default(2),
  STRIPE_TIMEOUT_MS: z.coerce.number().int().positive().default(80_000),
  EMULATOR_PORT: z.coerce.number().int().min(0).max(65535).default(12111),
  EMULATOR_SPEED: z.coerce.number().min(0).default(60),
  REDIS_URL: z.string().url().optional(),
  EVENTS_POLL_INTERVAL_MS: z.coerce.number().int().positive().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MAX_DOCUMENT_LENGTH: z.coerce.number().int().positive().default(DEFAULT_DOCUMENT_LIMITS.maxLength),
  MAX_TOKENS: z.coerce.number().int().positive().default(DEFAULT_DOCUMENT_LIMITS.maxTokens),
  MAX_DEPTH: z.coerce.number().int().positive().default(DEFAULT_DOCUMENT_LIMITS.maxDepth),
  MAX_ALIASES: z.coerce.number().int().min(0).default(DEFAULT_DOCUMENT_LIMITS.maxAliases),
  MAX_DIRECTIVES: z.coerce.number().int().min(0).default(DEFAULT_DOCUMENT_LIMITS.maxDirectives),
  MAX_FIELDS: z.coerce.number().int().positive().default(DEFAULT_DOCUMENT_LIMITS.maxFields),
});

export type Env = z.input<typeof EnvSchema>;

export interface Config {
  readonly port: number;
  readonly host: string;
  /** Upstream: real Stripe (a key was given) or the embedded emulator. */
  readonly mode: 'stripe' | 'emulator';
  /** The secret key; in emulator mode a fixed test key the emulator accepts. Never logged. */
  readonly stripeSecretKey: string;
  /** True for sk_live_/rk_live_ keys: test helpers are refused. */
  readonly live: boolean;
  /** Base URL of a Stripe-compatible server (emulator, stripe-mock); undefined means api.stripe.com. */
  readonly stripeApiBase?: string;
  readonly stripeAccount?: string;
  readonly webhookSecret?: string;
  readonly maxNetworkRetries: number;
  readonly timeoutMs: number;
  readonly emulatorPort: number;
  readonly emulatorSpeed: number;
  readonly redisUrl?: string;
  readonly eventsPollIntervalMs?: number;
  readonly logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  readonly documentLimits: DocumentLimits;
}

/** The key used against the embedded emulator (any well-formed test key works there). */
export const EMULATOR_SECRET_KEY = 'sk_test_emulator';

/** Parses and validates the environment once; throws a readable error listing every bad variable. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const key = e.STRIPE_SECRET_KEY;
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    mode: key ? 'stripe' : 'emulator',
    stripeSecretKey: key ?? EMULATOR_SECRET_KEY,
    live: key ? /^(sk|rk)_live_/.test(key) : false,
    stripeApiBase: e.STRIPE_API_BASE,
    stripeAccount: e.STRIPE_ACCOUNT,
    webhookSecret: e.STRIPE_WEBHOOK_SECRET,
    maxNetworkRetries: e.STRIPE_MAX_NETWORK_RETRIES,
    timeoutMs: e.STRIPE_TIMEOUT_MS,
    emulatorPort: e.EMULATOR_PORT,
    emulatorSpeed: e.EMULATOR_SPEED,
    redisUrl: e.REDIS_URL,
    eventsPollIntervalMs: e.EVENTS_POLL_INTERVAL_MS,
    logLevel: e.LOG_LEVEL,
    documentLimits: Object.freeze({
      maxLength: e.MAX_DOCUMENT_LENGTH,
      maxTokens: e.MAX_TOKENS,
      maxDepth: e.MAX_DEPTH,
      maxAliases: e.MAX_ALIASES,
      maxDirectives: e.MAX_DIRECTIVES,
      maxFields: e.MAX_FIELDS,
    }),
  } satisfies Config);
}
