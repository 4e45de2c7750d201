import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { SCOPES } from './auth/principal.js';
import { onOff } from './emulator/config.js';
import { trafficIntervalMs } from './emulator/traffic.js';
import { readManifests, repositoryManifests, type DocumentsByHash } from './server/document-manifests.js';

const StripeAccountId = z.string().regex(/^acct_[A-Za-z0-9]+$/, 'must be an acct_ id');

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
  // A dashboard batching 50 node lookups with nested selections is about 2,500 tokens.
  maxTokens: 3000,
  maxDepth: 10,
  // graphql-armor's 15 would refuse a dashboard batching 50 node lookups; what aliases can cost
  // upstream is bounded by MAX_UPSTREAM_CALLS and what they cost here by MAX_FIELDS.
  maxAliases: 100,
  maxDirectives: 50,
  maxFields: 1000,
});

/** Requests per second per caller and instance (RATE_LIMIT_REQUESTS_PER_S): far above an app's needs, far below a flood. */
export const DEFAULT_REQUESTS_PER_S = 50;

/** The service name traces carry unless OTEL_SERVICE_NAME says otherwise. */
export const DEFAULT_SERVICE_NAME = 'stripe-graphql-gateway';

/** Environment variables the gateway reads (only main.ts passes process.env here). */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('127.0.0.1'),
  STRIPE_SECRET_KEY: z
    .string()
    .regex(/^(sk|rk)_(test|live)_[A-Za-z0-9_]+$/, 'must look like sk_test_..., sk_live_..., rk_test_... or rk_live_...')
    .optional(),
  STRIPE_API_BASE: z.string().url().optional(),
  STRIPE_ACCOUNT: StripeAccountId.optional(),
  STRIPE_WEBHOOK_SECRET: z.string().startsWith('whsec_').optional(),
  STRIPE_MAX_NETWORK_RETRIES: z.coerce.number().int().min(0).max(10).default(2),
  STRIPE_TIMEOUT_MS: z.coerce.number().int().positive().default(80_000),
  STRIPE_MAX_RPS: z.coerce.number().int().positive().max(10_000).optional(),
  STRIPE_MAX_QUEUE_MS: z.coerce.number().int().min(0).default(10_000),
  EMULATOR_PORT: z.coerce.number().int().min(0).max(65535).default(12111),
  EMULATOR_SPEED: z.coerce.number().min(0).default(60),
  EMULATOR_TRAFFIC: onOff('1'),
  REDIS_URL: z.string().url().optional(),
  EVENTS_POLL_INTERVAL_MS: z.coerce.number().int().positive().optional(),
  WEBHOOK_MAX_BYTES: z.coerce.number().int().positive().default(1_048_576),
  WEBHOOK_REFETCH: z.enum(['true', 'false']).default('false'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  JWT_JWKS_URL: z.string().url().optional(),
  JWT_ISSUER: z.string().min(1).optional(),
  JWT_AUDIENCE: z.string().min(1).optional(),
  JWT_SCOPES_CLAIM: z.string().min(1).optional(),
  JWT_ACCOUNT_CLAIM: z.string().min(1).optional(),
  JWT_CLOCK_TOLERANCE_S: z.coerce.number().int().min(0).max(300).default(30),
  JWT_JWKS_COOLDOWN_S: z.coerce.number().int().min(0).max(3600).default(30),
  API_KEYS_FILE: z.string().min(1).optional(),
  AUTH_DISABLED: z.enum(['true', 'false']).default('false'),
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((o) => o.trim()).filter(Boolean))
    .refine((origins) => origins.every(isOrigin), 'must be comma-separated origins like https://app.example.com (scheme, host, optional port; no path)'),
  MAX_UPSTREAM_CALLS: z.coerce.number().int().positive().default(25),
  RATE_LIMIT_CALLS: z.coerce.number().int().positive().default(300),
  RATE_LIMIT_WINDOW_S: z.coerce.number().int().positive().default(60),
  RATE_LIMIT_REQUESTS_PER_S: z.coerce.number().int().positive().default(DEFAULT_REQUESTS_PER_S),
  MAX_SUBSCRIPTIONS_PER_CALLER: z.coerce.number().int().positive().default(50),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(10_000),
  READINESS_UPSTREAM_MAX_AGE_MS: z.coerce.number().int().positive().default(30_000),
  READINESS_PROBE_INTERVAL_MS: z.coerce.number().int().min(0).default(5_000),
  MAX_DOCUMENT_LENGTH: z.coerce.number().int().positive().default(DEFAULT_DOCUMENT_LIMITS.maxLength),
  MAX_TOKENS: z.coerce.number().int().positive().default(DEFAULT_DOCUMENT_LIMITS.maxTokens),
  MAX_DEPTH: z.coerce.number().int().positive().default(DEFAULT_DOCUMENT_LIMITS.maxDepth),
  MAX_ALIASES: z.coerce.number().int().min(0).default(DEFAULT_DOCUMENT_LIMITS.maxAliases),
  MAX_DIRECTIVES: z.coerce.number().int().min(0).default(DEFAULT_DOCUMENT_LIMITS.maxDirectives),
  MAX_FIELDS: z.coerce.number().int().positive().default(DEFAULT_DOCUMENT_LIMITS.maxFields),
  TRUSTED_DOCUMENTS: z
    .string()
    .optional()
    .transform((v) => v?.split(',').map((p) => p.trim()).filter(Boolean))
    .refine((paths) => paths === undefined || paths.length > 0, 'must name one or more manifest files, comma-separated'),
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  METRICS_ON_MAIN_PORT: z.enum(['true', 'false']).optional(),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.string().url().optional(),
  OTEL_SERVICE_NAME: z.string().min(1).default(DEFAULT_SERVICE_NAME),
})
  // A request the budget lets through must fit in a principal's window, or it could never run.
  .refine((e) => e.MAX_UPSTREAM_CALLS <= e.RATE_LIMIT_CALLS, {
    message: 'must not exceed RATE_LIMIT_CALLS (a request within the budget must fit in the rate limit)',
    path: ['MAX_UPSTREAM_CALLS'],
  })
  // Two listeners on one port: the second would fail to start with EADDRINUSE.
  .refine((e) => e.METRICS_PORT === undefined || e.METRICS_PORT === 0 || e.METRICS_PORT !== e.PORT, {
    message: 'must differ from PORT (to serve /metrics on the main port, set METRICS_ON_MAIN_PORT=true instead)',
    path: ['METRICS_PORT'],
  });

function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
}

/** One entry of API_KEYS_FILE: the key itself is never stored, only its SHA-256. */
const ApiKeyEntrySchema = z
  .object({
    name: z.string().min(1).max(100),
    sha256: z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be the hex SHA-256 of the key').transform((h) => h.toLowerCase()),
    scopes: z.array(z.enum(SCOPES)),
    stripeAccount: StripeAccountId.optional(),
  })
  .strict();

export type ApiKeyEntry = z.infer<typeof ApiKeyEntrySchema>;

export interface JwtConfig {
  readonly jwksUrl: string;
  readonly issuer: string;
  readonly audience: string;
  /** Claim holding scopes; undefined: `scope` (space-separated) or `scp` (array or string). */
  readonly scopesClaim?: string;
  /** Claim holding the acct_ id the caller is bound to; undefined: callers act as the platform. */
  readonly accountClaim?: string;
  readonly clockToleranceSeconds: number;
  /** Least time between JWKS refetches that a token with an unknown key id can trigger. */
  readonly jwksCooldownSeconds: number;
}

export interface AuthConfig {
  readonly jwt?: JwtConfig;
  readonly apiKeys: readonly ApiKeyEntry[];
  /** No credential is asked for: the emulator demo with nothing configured, or AUTH_DISABLED=true. */
  readonly open: boolean;
}

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
  /** Emulator mode: the embedded emulator keeps a little demo traffic going (new payouts, refunds, outbound payments). */
  readonly emulatorTraffic: boolean;
  /** Real milliseconds between two steps of that traffic at emulatorSpeed; null when the clock is frozen (it steps only as the clock is advanced). */
  readonly emulatorTrafficIntervalMs: number | null;
  readonly redisUrl?: string;
  readonly eventsPollIntervalMs?: number;
  /** Largest webhook body read; a larger one is refused with 413 (by Content-Length, or while it streams in). */
  readonly webhookMaxBytes: number;
  /** Publish each event's object as retrieved from Stripe now, instead of the event's snapshot. */
  readonly webhookRefetch: boolean;
  readonly logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  readonly auth: AuthConfig;
  /** Exact origins allowed cross-origin (CORS and WebSocket Origin); empty: none. */
  readonly corsOrigins: readonly string[];
  /** Most upstream calls one operation may be planned to make; above it, QUERY_TOO_EXPENSIVE before any call. */
  readonly maxUpstreamCalls: number;
  /** Upstream calls one principal may spend per window (shared through Redis when redisUrl is set). */
  readonly rateLimitCalls: number;
  readonly rateLimitWindowS: number;
  /** Requests per second one principal (or client address) may send to this instance. */
  readonly requestsPerSecond: number;
  /** Live subscriptions one principal (or client address) may hold on this instance. */
  readonly maxSubscriptionsPerCaller: number;
  readonly documentLimits: DocumentLimits;
  readonly persistedDocuments: PersistedDocumentsConfig;
  /** Longest a drain (SIGTERM, stop()) waits for in-flight requests and operations before cutting the rest. */
  readonly shutdownTimeoutMs: number;
  readonly readiness: ReadinessConfig;
  readonly metrics: MetricsConfig;
  /** Undefined: no traces (OTEL_EXPORTER_OTLP_ENDPOINT unset). */
  readonly tracing?: TracingConfig;
}

/** The documents clients may send by id instead of by text (README, "Trusted documents"). */
export interface PersistedDocumentsConfig {
  /** Documents by the lowercase hex SHA-256 of their text. */
  readonly byHash: DocumentsByHash;
  /**
   * True with TRUSTED_DOCUMENTS: only these documents run, sent by id. False: any document runs,
   * these (the repository's own manifests) can be sent by id, and clients may register more (APQ).
   */
  readonly trustedOnly: boolean;
}

/** How /readyz judges the upstream (see stripe/health.ts). */
export interface ReadinessConfig {
  /** A response with a valid key this recent makes the upstream ready without asking it again. */
  readonly upstreamMaxAgeMs: number;
  /** Least time between two probes of the upstream, however often /readyz is asked. */
  readonly probeIntervalMs: number;
}

/**
 * Where Prometheus metrics are served. They tell who uses the gateway how much, so they are not
 * public by default: on the main port only while the gateway is open anyway (the emulator demo,
 * AUTH_DISABLED) or when asked for; otherwise only on `port`, bound to HOST like the gateway.
 * Neither: nothing is collected.
 */
export interface MetricsConfig {
  /** A listener of its own serving GET /metrics (0 = any free port). */
  readonly port?: number;
  /** GET /metrics on the gateway's own port, unauthenticated. */
  readonly onMainPort: boolean;
}

export interface TracingConfig {
  /** OTLP/HTTP base URL (OTEL_EXPORTER_OTLP_ENDPOINT); spans are posted to `<endpoint>/v1/traces`. */
  readonly endpoint: string;
  readonly serviceName: string;
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
  const auth = authConfig(e, key ? 'stripe' : 'emulator');
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
    emulatorTraffic: e.EMULATOR_TRAFFIC,
    emulatorTrafficIntervalMs: trafficIntervalMs(e.EMULATOR_SPEED),
    redisUrl: e.REDIS_URL,
    eventsPollIntervalMs: e.EVENTS_POLL_INTERVAL_MS,
    webhookMaxBytes: e.WEBHOOK_MAX_BYTES,
    webhookRefetch: e.WEBHOOK_REFETCH === 'true',
    logLevel: e.LOG_LEVEL,
    auth,
    corsOrigins: Object.freeze(e.CORS_ORIGINS),
    maxUpstreamCalls: e.MAX_UPSTREAM_CALLS,
    rateLimitCalls: e.RATE_LIMIT_CALLS,
    rateLimitWindowS: e.RATE_LIMIT_WINDOW_S,
    requestsPerSecond: e.RATE_LIMIT_REQUESTS_PER_S,
    maxSubscriptionsPerCaller: e.MAX_SUBSCRIPTIONS_PER_CALLER,
    documentLimits: Object.freeze({
      maxLength: e.MAX_DOCUMENT_LENGTH,
      maxTokens: e.MAX_TOKENS,
      maxDepth: e.MAX_DEPTH,
      maxAliases: e.MAX_ALIASES,
      maxDirectives: e.MAX_DIRECTIVES,
      maxFields: e.MAX_FIELDS,
    }),
    persistedDocuments: persistedDocumentsConfig(e.TRUSTED_DOCUMENTS),
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    readiness: Object.freeze({ upstreamMaxAgeMs: e.READINESS_UPSTREAM_MAX_AGE_MS, probeIntervalMs: e.READINESS_PROBE_INTERVAL_MS }),
    metrics: Object.freeze({
      port: e.METRICS_PORT,
      onMainPort: e.METRICS_ON_MAIN_PORT ? e.METRICS_ON_MAIN_PORT === 'true' : auth.open && e.METRICS_PORT === undefined,
    }),
    tracing: e.OTEL_EXPORTER_OTLP_ENDPOINT ? Object.freeze({ endpoint: e.OTEL_EXPORTER_OTLP_ENDPOINT, serviceName: e.OTEL_SERVICE_NAME }) : undefined,
  } satisfies Config);
}

/** What must never appear in a response or a log line, however spelled (see server/redact.ts). */
export function secretsOf(config: Config): string[] {
  return [config.stripeSecretKey, config.webhookSecret].filter((s): s is string => !!s && s !== EMULATOR_SECRET_KEY);
}

function invalid(variable: string, message: string): Error {
  return new Error(`Invalid configuration:\n  ${variable}: ${message}`);
}

/**
 * Authentication is closed by default: with a Stripe key, some method must be configured
 * (or AUTH_DISABLED=true said out loud). Only the emulator demo with nothing configured is open.
 * A half-configured JWT setup refuses to start rather than silently accepting any issuer or audience.
 */
function authConfig(e: z.infer<typeof EnvSchema>, mode: Config['mode']): AuthConfig {
  let jwt: JwtConfig | undefined;
  if (e.JWT_JWKS_URL) {
    if (!e.JWT_ISSUER) throw invalid('JWT_ISSUER', 'required with JWT_JWKS_URL (the `iss` tokens must carry)');
    if (!e.JWT_AUDIENCE) throw invalid('JWT_AUDIENCE', 'required with JWT_JWKS_URL (the `aud` tokens must carry)');
    jwt = Object.freeze({
      jwksUrl: e.JWT_JWKS_URL,
      issuer: e.JWT_ISSUER,
      audience: e.JWT_AUDIENCE,
      scopesClaim: e.JWT_SCOPES_CLAIM,
      accountClaim: e.JWT_ACCOUNT_CLAIM,
      clockToleranceSeconds: e.JWT_CLOCK_TOLERANCE_S,
      jwksCooldownSeconds: e.JWT_JWKS_COOLDOWN_S,
    });
  } else {
    for (const name of ['JWT_ISSUER', 'JWT_AUDIENCE', 'JWT_SCOPES_CLAIM', 'JWT_ACCOUNT_CLAIM'] as const) {
      if (e[name]) throw invalid('JWT_JWKS_URL', `required when ${name} is set (where the token signing keys are published)`);
    }
  }
  const apiKeys = e.API_KEYS_FILE ? readApiKeys(e.API_KEYS_FILE) : [];
  const configured = jwt !== undefined || e.API_KEYS_FILE !== undefined;
  const disabled = e.AUTH_DISABLED === 'true';
  if (disabled && configured) throw invalid('AUTH_DISABLED', 'cannot be true while JWT_JWKS_URL or API_KEYS_FILE is set');
  if (mode === 'stripe' && !configured && !disabled) {
    throw invalid(
      'STRIPE_SECRET_KEY',
      'is set but no authentication is configured: set JWT_JWKS_URL (with JWT_ISSUER and JWT_AUDIENCE) or API_KEYS_FILE, or AUTH_DISABLED=true to let anyone who reaches the port use the key',
    );
  }
  return Object.freeze({ jwt, apiKeys: Object.freeze(apiKeys), open: !configured });
}

/** TRUSTED_DOCUMENTS' manifests, only those documents; unset: the repository's own manifests, beside any document. */
function persistedDocumentsConfig(trusted: string[] | undefined): PersistedDocumentsConfig {
  try {
    if (trusted) return Object.freeze({ byHash: readManifests(trusted), trustedOnly: true });
  } catch (err) {
    throw invalid('TRUSTED_DOCUMENTS', (err as Error).message);
  }
  return Object.freeze({ byHash: readManifests(repositoryManifests()), trustedOnly: false });
}

function readApiKeys(path: string): ApiKeyEntry[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw invalid('API_KEYS_FILE', `cannot read ${path} as JSON (${(err as Error).message})`);
  }
  const parsed = z.array(ApiKeyEntrySchema).min(1).safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `[${i.path.join('.')}] ${i.message}`).join('; ');
    throw invalid('API_KEYS_FILE', `${path}: ${issues}`);
  }
  const names = new Set<string>();
  for (const entry of parsed.data) {
    if (names.has(entry.name)) throw invalid('API_KEYS_FILE', `${path}: the name ${JSON.stringify(entry.name)} is used twice`);
    names.add(entry.name);
  }
  return parsed.data;
}
