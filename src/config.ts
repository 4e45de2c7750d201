import { z } from 'zod';

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
  STRIPE_MAX_RPS: z.coerce.number().int().positive().max(10_000).optional(),
  STRIPE_MAX_QUEUE_MS: z.coerce.number().int().min(0).default(10_000),
  EMULATOR_PORT: z.coerce.number().int().min(0).max(65535).default(12111),
  EMULATOR_SPEED: z.coerce.number().min(0).default(60),
  REDIS_URL: z.string().url().optional(),
  EVENTS_POLL_INTERVAL_MS: z.coerce.number().int().positive().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
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
  /** Upstream calls started per second at most (see DEFAULT_MAX_RPS). */
  readonly maxRequestsPerSecond: number;
  /** Longest an upstream call waits for its turn (or backs off after 429s) before failing with RATE_LIMITED. */
  readonly maxQueueMs: number;
  readonly emulatorPort: number;
  readonly emulatorSpeed: number;
  readonly redisUrl?: string;
  readonly eventsPollIntervalMs?: number;
  readonly logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
}

/** The key used against the embedded emulator (any well-formed test key works there). */
export const EMULATOR_SECRET_KEY = 'sk_test_emulator';

/**
 * Below Stripe's limits (100 requests/s live, 25 in test mode), leaving room for other
 * clients of the same account and for network jitter. The emulator has no limit: its
 * default only keeps the shaping path exercised without ever holding a call back.
 */
export const DEFAULT_MAX_RPS = { live: 80, test: 20, emulator: 1000 } as const;

/** Parses and validates the environment once; throws a readable error listing every bad variable. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const key = e.STRIPE_SECRET_KEY;
  const live = key ? /^(sk|rk)_live_/.test(key) : false;
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    mode: key ? 'stripe' : 'emulator',
    stripeSecretKey: key ?? EMULATOR_SECRET_KEY,
    live,
    stripeApiBase: e.STRIPE_API_BASE,
    stripeAccount: e.STRIPE_ACCOUNT,
    webhookSecret: e.STRIPE_WEBHOOK_SECRET,
    maxNetworkRetries: e.STRIPE_MAX_NETWORK_RETRIES,
    timeoutMs: e.STRIPE_TIMEOUT_MS,
    maxRequestsPerSecond: e.STRIPE_MAX_RPS ?? DEFAULT_MAX_RPS[!key ? 'emulator' : live ? 'live' : 'test'],
    maxQueueMs: e.STRIPE_MAX_QUEUE_MS,
    emulatorPort: e.EMULATOR_PORT,
    emulatorSpeed: e.EMULATOR_SPEED,
    redisUrl: e.REDIS_URL,
    eventsPollIntervalMs: e.EVENTS_POLL_INTERVAL_MS,
    logLevel: e.LOG_LEVEL,
  } satisfies Config);
}
