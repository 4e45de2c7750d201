import { z } from 'zod';
import type { builder } from './builder.js';
import { ID_PREFIXES, isIdOf, type NodeTypeName } from '../stripe/ids.js';
import { IDEMPOTENCY_KEY_CHARACTERS, MAX_IDEMPOTENCY_KEY_LENGTH } from '../stripe/idempotency.js';
import { InvalidInputError } from './user-errors.js';
import { UNRECOGNIZED } from './enums.js';

/**
 * What every mutation input has in common: the GraphQL input fields they all share
 * (idempotencyKey, metadata), and the rules inputs are checked against before anything
 * is sent to Stripe, as zod building blocks. Mutation files compose these into one
 * schema per input; `parseInput` turns a failure into a typed InvalidInputError.
 */

// ── Input fields ─────────────────────────────────────────────────────────

type InputFieldBuilder = PothosSchemaTypes.InputFieldBuilder<typeof builder.$inferSchemaTypes, 'InputObject'>;

/** The description of the one `input` argument every mutation takes (Relay style). */
export const INPUT_ARG_DESCRIPTION = 'What to do, with an optional idempotencyKey that makes a retry of this mutation safe.';

const IDEMPOTENCY_KEY_DESCRIPTION =
  'Makes the mutation safe to retry (≤255 printable ASCII characters). Sending the same key again with the same input ' +
  'returns the first result instead of acting twice; the same key with different input is refused with ' +
  'IdempotencyConflictError. Keys are scoped to this mutation and expire after 24 hours at Stripe. Without a key the ' +
  'gateway makes one (a uuid) per call, so its own network retries never act twice. When a call fails with its outcome ' +
  'unknown (Stripe unreachable, 5xx, 429), the error carries the key used in `extensions.idempotencyKey`: send the same ' +
  'input with that key to learn the outcome; the change is never made twice.';

/** Every mutation input's optional `idempotencyKey` field (checked by the `idempotencyKey` rule below). */
export function idempotencyKeyField(t: InputFieldBuilder) {
  return t.string({ description: IDEMPOTENCY_KEY_DESCRIPTION });
}

/** A `metadata` input field; `what` names the object it is attached to. */
export function metadataField(t: InputFieldBuilder, what: string, opts: { update: boolean; required?: boolean }) {
  return t.field({
    type: 'Metadata',
    required: opts.required ?? false,
    description: opts.update
      ? `Keys to set on the ${what}'s metadata; a key set to null or "" is removed, keys left out are kept. At most 50 keys, key ≤40 characters without [ or ], value ≤500 characters.`
      : `Key-value pairs to attach to the ${what}. At most 50 keys, key ≤40 characters without [ or ], value ≤500 characters.`,
  });
}

// ── Rules ────────────────────────────────────────────────────────────────

/** Stripe's metadata limits. */
export const METADATA_LIMITS = { keys: 50, keyLength: 40, valueLength: 500 } as const;

/** Stripe's largest amount for most currencies (8 digits in minor units). */
const MAX_AMOUNT = 99_999_999;

/** ISO 4217 codes Stripe can charge, pay out or hold in (lowercase, as Stripe sends them). */
const CURRENCIES = new Set(
  (
    'usd aed afn all amd ang aoa ars aud awg azn bam bbd bdt bgn bhd bif bmd bnd bob brl bsd bwp byn bzd cad cdf chf clp ' +
    'cny cop crc cve czk djf dkk dop dzd egp etb eur fjd fkp gbp gel gip gmd gnf gtq gyd hkd hnl htg huf idr ils inr isk ' +
    'jmd jod jpy kes kgs khr kmf krw kwd kyd kzt lak lbp lkr lrd lsl mad mdl mga mkd mmk mnt mop mur mvr mwk mxn myr mzn ' +
    'nad ngn nio nok npr nzd omr pab pen pgk php pkr pln pyg qar ron rsd rub rwf sar sbd scr sek sgd shp sle sos srd std ' +
    'szl thb tjs top try ttd twd tzs uah ugx uyu uzs vnd vuv wst xaf xcd xof xpf yer zar zmw'
  ).split(' '),
);

/** An id of the given Stripe type, checked by prefix (po_, re_, tr_, …). */
export function stripeId(typeName: NodeTypeName) {
  return z.string().refine((id) => isIdOf(typeName, id), {
    message: `must be a ${typeName} id (${ID_PREFIXES[typeName].map((p) => `${p}…`).join(' or ')})`,
  });
}

/** A positive integer in the currency's smallest unit. */
export const amount = z
  .number()
  .int('must be a whole number of minor units (e.g. cents)')
  .positive('must be greater than 0')
  .max(MAX_AMOUNT, `must be at most ${MAX_AMOUNT}`);

/** Three lowercase letters naming a currency Stripe supports. */
export const currency = z
  .string()
  .regex(/^[a-z]{3}$/, 'must be a three-letter lowercase ISO currency code, e.g. "usd"')
  .refine((c) => CURRENCIES.has(c), { message: 'is not a currency Stripe supports' });

/**
 * Metadata as the client sends it: string values set a key, null or "" removes it
 * (Stripe's unset semantics). Stripe's limits are checked here so a bad key never
 * reaches Stripe.
 */
export const metadata = z
  .record(z.string().nullable())
  .superRefine((md, ctx) => {
    const keys = Object.keys(md);
    if (keys.length > METADATA_LIMITS.keys) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: `may have at most ${METADATA_LIMITS.keys} keys (got ${keys.length})` });
    }
    for (const key of keys) {
      if (key.length === 0 || key.length > METADATA_LIMITS.keyLength) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: [key], message: `keys must be 1 to ${METADATA_LIMITS.keyLength} characters` });
      }
      if (/[[\]]/.test(key)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: [key], message: 'keys must not contain "[" or "]"' });
      }
      const value = md[key];
      if (value != null && value.length > METADATA_LIMITS.valueLength) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: [key], message: `values must be at most ${METADATA_LIMITS.valueLength} characters` });
      }
    }
  });

/** An optional input field: null and absent both become undefined, as the SDK's optional params expect. */
export function optional<S extends z.ZodTypeAny>(schema: S) {
  return schema.nullish().transform((v): z.output<S> | undefined => v ?? undefined);
}

/** A Stripe enum argument: UNRECOGNIZED (the schema's stand-in for values newer than it) is not something Stripe accepts. */
export const knownEnumValue = z.string().refine((v) => v !== UNRECOGNIZED, { message: `${UNRECOGNIZED} cannot be sent to Stripe` });

/** Optional free text with a maximum length. */
export function text(max: number) {
  return z.string().max(max, `must be at most ${max} characters`);
}

/** A payout's statement descriptor: what the bank statement shows (Stripe allows 22 characters). */
export const payoutStatementDescriptor = text(22).refine((s) => !/[<>\\'"*]/.test(s), {
  message: 'must not contain < > \\ \' " or *',
});

/**
 * The client's idempotency key: Stripe accepts up to 255 characters, and it travels as an HTTP
 * header, where only printable ASCII is safe (NUL, CR/LF or non-ASCII would fail at Stripe or in
 * the SDK, as an upstream error no retry fixes).
 */
export const idempotencyKey = z
  .string()
  .min(1, 'must not be empty')
  .max(MAX_IDEMPOTENCY_KEY_LENGTH, `must be at most ${MAX_IDEMPOTENCY_KEY_LENGTH} characters`)
  .regex(IDEMPOTENCY_KEY_CHARACTERS, 'must be printable ASCII (space to ~), without control characters or line breaks');

export const email = z.string().email('must be an email address');

/** Exactly one of `keys` is set (non-null). */
export function exactlyOne<T extends Record<string, unknown>>(keys: (keyof T & string)[]) {
  return (value: T, ctx: z.RefinementCtx) => {
    const set = keys.filter((k) => value[k] != null);
    if (set.length !== 1) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: [set[1] ?? keys[0]],
        message: set.length === 0 ? `one of ${keys.join(', ')} is required` : `${keys.join(' and ')} are mutually exclusive: give exactly one`,
      });
    }
  };
}

/**
 * Checks a mutation's `input` argument; returns the parsed value or throws an
 * InvalidInputError listing every issue with its path from `input`.
 */
export function parseInput<S extends z.ZodTypeAny>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new InvalidInputError(
    result.error.issues.map((issue) => ({ path: ['input', ...issue.path.map(String)], message: issue.message })),
  );
}

/** The SDK's metadata param: null values (remove the key) become "" as Stripe's form encoding expects. */
export function toMetadataParam(md: Record<string, string | null> | null | undefined): Record<string, string> | undefined {
  if (md == null) return undefined;
  return Object.fromEntries(Object.entries(md).map(([k, v]) => [k, v ?? '']));
}
