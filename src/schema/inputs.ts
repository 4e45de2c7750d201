import type Stripe from 'stripe';
import { builder } from './builder.js';

/** A DateTimeRange as the resolver receives it (DateTime already parsed to Unix seconds). */
export interface DateTimeRangeShape {
  gt?: number | null;
  gte?: number | null;
  lt?: number | null;
  lte?: number | null;
}

export const DateTimeRange = builder.inputType('DateTimeRange', {
  description: 'Bounds on a timestamp; give any combination. Maps onto Stripe’s range filters (`created[gte]=…`).',
  fields: (t) => ({
    gt: t.field({ type: 'DateTime', description: 'Strictly after this instant.' }),
    gte: t.field({ type: 'DateTime', description: 'At or after this instant.' }),
    lt: t.field({ type: 'DateTime', description: 'Strictly before this instant.' }),
    lte: t.field({ type: 'DateTime', description: 'At or before this instant.' }),
  }),
});

/** Stripe's range param for a DateTimeRange argument; undefined when no bound is given. */
export function toStripeRange(range: DateTimeRangeShape | null | undefined): Stripe.RangeQueryParam | undefined {
  if (!range) return undefined;
  const out: Stripe.RangeQueryParam = {};
  for (const key of ['gt', 'gte', 'lt', 'lte'] as const) {
    const bound = range[key];
    if (bound != null) out[key] = bound;
  }
  return Object.keys(out).length ? out : undefined;
}

/** Drops undefined and null filter values so they are not sent to Stripe. */
export function definedParams<T extends Record<string, unknown>>(params: T): { [K in keyof T]?: NonNullable<T[K]> } {
  return Object.fromEntries(Object.entries(params).filter(([, v]) => v != null)) as { [K in keyof T]?: NonNullable<T[K]> };
}
