import { pino, stdSerializers, type DestinationStream, type Logger } from 'pino';
import type { Config } from '../config.js';
import { createRedactor, redactDeep } from './redact.js';

/** Fields that may carry credentials wherever they appear in a log object. */
const REDACT_PATHS = [
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'req.headers.authorization',
  'stripeSecretKey',
  '*.stripeSecretKey',
  'webhookSecret',
  '*.webhookSecret',
  'apiKey',
  '*.apiKey',
];

/** Errors become plain objects first, so their message and stack are scrubbed like any field. */
function plain(value: unknown): unknown {
  if (value instanceof Error) return stdSerializers.err(value);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  let out: Record<string, unknown> | undefined;
  for (const [key, item] of Object.entries(value)) if (item instanceof Error) (out ??= { ...value })[key] = stdSerializers.err(item);
  return out ?? value;
}

/**
 * The gateway's pino logger: credential fields redacted by path, and every string of every
 * log line (message, fields at any depth, errors' messages and stacks) scrubbed of anything
 * shaped like a credential and of `secrets` (the gateway's Stripe key and webhook secrets)
 * however an upstream spelled them, so no log line carries one.
 */
export function createLogger(level: Config['logLevel'], destination?: DestinationStream, secrets: readonly (string | undefined)[] = []): Logger {
  const redact = createRedactor(secrets);
  const options = {
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    formatters: {
      log: (object: Record<string, unknown>) => redactDeep(plain(object) as Record<string, unknown>, redact),
    },
    hooks: {
      logMethod(this: Logger, args: Parameters<Logger['info']>, method: Logger['info']) {
        const safe = args.map((a: unknown) => (typeof a === 'string' ? redact(a) : a));
        return method.apply(this, safe as Parameters<Logger['info']>);
      },
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
