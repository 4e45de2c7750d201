import { parameterInvalid, parameterMissing } from './errors.js';
import type { Params } from './types.js';

/** ISO 4217 codes the emulator accepts (Stripe's common settlement and presentment currencies). */
const CURRENCIES = new Set(
  'usd eur gbp cad aud jpy chf sek nok dkk nzd sgd hkd mxn brl pln czk huf ron bgn inr myr thb aed ils zar'.split(' '),
);

/** Reads a required or optional form value; form values arrive as strings. */
export function str(params: Params, name: string, opts: { required: true; max?: number }): string;
export function str(params: Params, name: string, opts?: { required?: false; max?: number }): string | undefined;
export function str(params: Params, name: string, opts: { required?: boolean; max?: number } = {}): string | undefined {
  const v = params[name];
  if (v === undefined || v === '') {
    if (opts.required) throw parameterMissing(name);
    return undefined;
  }
  if (typeof v !== 'string') throw parameterInvalid(name, `Invalid string: ${name} must be a string.`);
  if (opts.max !== undefined && v.length > opts.max) {
    throw parameterInvalid(name, `Invalid ${name}: must be at most ${opts.max} characters.`);
  }
  return v;
}

/** A positive integer amount in minor units (Stripe refuses 0, negatives and fractions). */
export function amount(params: Params, name: string, opts: { required: true }): number;
export function amount(params: Params, name: string, opts?: { required?: false }): number | undefined;
export function amount(params: Params, name: string, opts: { required?: boolean } = {}): number | undefined {
  const raw = str(params, name, { required: opts.required as false });
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw)) throw parameterInvalid(name, `Invalid integer: ${raw}`, 'parameter_invalid_integer');
  const n = Number(raw);
  if (n < 1 || !Number.isSafeInteger(n)) {
    throw parameterInvalid(name, `Invalid ${name}: must be a positive integer in the currency's smallest unit.`);
  }
  return n;
}

/** A lowercase three-letter currency Stripe supports. */
export function currency(params: Params, name = 'currency'): string {
  const raw = str(params, name, { required: true }).toLowerCase();
  if (!CURRENCIES.has(raw)) throw parameterInvalid(name, `Invalid currency: ${raw}. Stripe doesn't currently support this currency.`, 'invalid_currency');
  return raw;
}

export function bool(params: Params, name: string): boolean | undefined {
  const v = params[name];
  if (v === undefined || v === '') return undefined;
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw parameterInvalid(name, `Invalid boolean: ${String(v)}`);
}

/** One of a fixed set of values. */
export function oneOf<T extends string>(params: Params, name: string, values: readonly T[]): T | undefined {
  const v = str(params, name);
  if (v === undefined) return undefined;
  if (!(values as readonly string[]).includes(v)) {
    throw parameterInvalid(name, `Invalid ${name}: must be one of ${values.join(', ')}`);
  }
  return v as T;
}
