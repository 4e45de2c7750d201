import { z } from 'zod';

/** An on/off variable: `1`/`true` or `0`/`false` (the demo-traffic switches of the emulator and the gateway). */
export const onOff = (fallback: '1' | '0') =>
  z
    .enum(['1', '0', 'true', 'false'])
    .default(fallback)
    .transform((value) => value === '1' || value === 'true');

/** Environment variables of the standalone emulator (`npm run emulator`; only emulator/main.ts passes process.env here). */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(12111),
  HOST: z.string().default('127.0.0.1'),
  SEED: z.enum(['demo', 'none']).default('demo'),
  /** Real-time clock speed; 0: the clock moves only when told. */
  SPEED: z.coerce.number().finite().min(0).default(1),
  /** Demo traffic (see traffic.ts): off unless asked. */
  TRAFFIC: onOff('0'),
});

export interface EmulatorConfig {
  /** 0: any free port (the real one is printed). */
  readonly port: number;
  readonly host: string;
  readonly seed: 'demo' | 'none';
  /** Emulated seconds per real second; 0: the clock moves only through the admin API. */
  readonly speed: number;
  /** Keeps a little demo traffic going (new payouts, refunds, outbound payments). */
  readonly traffic: boolean;
}

/** Parses the environment once; an empty variable counts as unset. Throws a readable error listing every bad variable. */
export function loadEmulatorConfig(env: Record<string, string | undefined>): EmulatorConfig {
  const set = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = EnvSchema.safeParse(set);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return Object.freeze({ port: e.PORT, host: e.HOST, seed: e.SEED, speed: e.SPEED, traffic: e.TRAFFIC });
}
