import { GraphQLError, Kind, valueFromASTUntyped, type ValueNode } from 'graphql';
import { builder } from './builder.js';

// Full date-time with a zone offset, or a bare date (read as midnight UTC).
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

/** ISO-8601 → Unix seconds (Stripe's time unit); sub-second precision is dropped, as Stripe keeps whole seconds. */
export function parseDateTime(value: unknown): number {
  const millis = typeof value === 'string' && ISO_DATE_TIME.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(millis)) {
    throw new GraphQLError(
      `DateTime must be an ISO-8601 string with a time zone, e.g. "2026-01-31T09:30:00Z" or "2026-01-31"; got ${JSON.stringify(value)}.`,
    );
  }
  return Math.floor(millis / 1000);
}

/** The first second of year 10000: up to here ISO years have four digits. */
const YEAR_10000 = 253_402_300_800;

const twoDigits = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

/**
 * Whole Unix seconds (0 ≤ s < year 10000) → the string `Date#toISOString` gives, by arithmetic
 * (days → civil date, H. Hinnant's algorithm): about 5× cheaper than building a Date, and a page
 * of 100 payouts with their balance transactions formats 400 timestamps.
 */
function isoFromWholeSeconds(seconds: number): string {
  const days = Math.floor(seconds / 86_400);
  const secondOfDay = seconds - days * 86_400;
  const z = days + 719_468; // days since 0000-03-01
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  const hours = Math.floor(secondOfDay / 3600);
  const minutes = Math.floor((secondOfDay - hours * 3600) / 60);
  const secs = secondOfDay - hours * 3600 - minutes * 60;
  return `${year}-${twoDigits(month)}-${twoDigits(day)}T${twoDigits(hours)}:${twoDigits(minutes)}:${twoDigits(secs)}.000Z`;
}

/** Unix seconds → ISO-8601 in UTC, as `Date#toISOString` writes it. */
export function serializeDateTime(value: unknown): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new GraphQLError(`DateTime cannot represent ${JSON.stringify(value)}: expected Unix seconds.`);
  }
  // Stripe's timestamps are whole seconds since 1970; anything else takes the general path.
  if (Number.isInteger(value) && value >= 0 && value < YEAR_10000) return isoFromWholeSeconds(value);
  return new Date(value * 1000).toISOString();
}

builder.scalarType('DateTime', {
  description:
    'A point in time. Stripe stores Unix seconds; on the wire it is an ISO-8601 string in UTC, e.g. "2026-01-31T09:30:00.000Z". ' +
    'As input, give an ISO-8601 date-time with a zone ("2026-01-31T09:30:00Z", "2026-01-31T10:30:00+01:00") or a date ("2026-01-31", midnight UTC).',
  serialize: serializeDateTime,
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : valueFromASTUntyped(ast)),
});

/** A metadata input: a flat object whose values are strings, or null to delete that key. */
export function parseMetadata(value: unknown): Record<string, string | null> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new GraphQLError(`Metadata must be a JSON object of string values; got ${JSON.stringify(value)}.`);
  }
  for (const [key, entry] of Object.entries(value)) {
    if (entry !== null && typeof entry !== 'string') {
      throw new GraphQLError(`Metadata values must be strings (or null to delete the key); "${key}" is ${JSON.stringify(entry)}.`);
    }
  }
  return value as Record<string, string | null>;
}

builder.scalarType('Metadata', {
  description:
    'Key-value pairs you attach to a Stripe object, as a JSON object whose values are strings, e.g. {"order_id": "6735"}. ' +
    'In an update, a key set to null deletes that key and keys left out stay as they are.',
  serialize: (value) => value,
  parseValue: parseMetadata,
  parseLiteral: (ast, variables) => parseMetadata(literalValue(ast, variables)),
});

/** A currency input: three ISO-4217 letters, returned lowercase as Stripe expects. */
export function parseCurrency(value: unknown): string {
  if (typeof value !== 'string' || !/^[A-Za-z]{3}$/.test(value)) {
    throw new GraphQLError(`Currency must be a three-letter ISO-4217 code such as "usd"; got ${JSON.stringify(value)}.`);
  }
  return value.toLowerCase();
}

builder.scalarType('Currency', {
  description: 'A three-letter ISO-4217 currency code, lowercase as Stripe sends it (e.g. "usd", "eur"). Input is accepted in any case.',
  serialize: (value) => value,
  parseValue: parseCurrency,
  parseLiteral: (ast) => parseCurrency(ast.kind === Kind.STRING ? ast.value : valueFromASTUntyped(ast)),
});

builder.scalarType('JSON', {
  description: 'Any JSON value: used only for Stripe hashes whose keys are open-ended or vary by payment method.',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => literalValue(ast, variables),
});

function literalValue(ast: ValueNode, variables?: Record<string, unknown> | null): unknown {
  return valueFromASTUntyped(ast, variables ?? undefined);
}
