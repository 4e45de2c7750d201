import { pino, stdSerializers, type DestinationStream, type Logger } from 'pino';
import type { Config } from '../config.js';
import { redactSecrets } from '../stripe/errors.js';

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

/**
 * The gateway's pino logger: credential fields redacted by path, and any Stripe key that
 * slipped into a message or an error's message/stack replaced, so no log line carries one.
 */
export function createLogger(level: Config['logLevel'], destination?: DestinationStream): Logger {
  const options = {
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: {
      err: (err: Error) => {
        const out = stdSerializers.err(err);
        return { ...out, message: redactSecrets(out.message), stack: redactSecrets(out.stack) };
      },
    },
    hooks: {
      logMethod(this: Logger, args: Parameters<Logger['info']>, method: Logger['info']) {
        const safe = args.map((a: unknown) => (typeof a === 'string' ? redactSecrets(a) : a));
        return method.apply(this, safe as Parameters<Logger['info']>);
      },
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
