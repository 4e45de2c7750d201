/**
 * Stripe list helpers for resource modules.
 *
 * A list route declares `accepts: [...LIST_PARAMS, 'created', 'status', …]`, filters the
 * store's items (newest first from `ctx.store.all(type)`) and returns the envelope:
 *
 *   handler(ctx) {
 *     let items = ctx.store.all('payout');
 *     items = rangeFilter(ctx.params, 'created', items);   // int or {gt,gte,lt,lte}
 *     items = equalFilter(ctx.params, 'status', items);    // exact match on a field
 *     return paginate(ctx, items, '/v1/payouts');
 *   }
 *
 * `paginate` reads limit (1..100, default 10), starting_after / ending_before
 * (exclusive; an unknown cursor answers 404), and sets has_more for the
 * direction paged. Cursors are compared by position (created, then insertion
 * order), so a cursor outside the filtered set still pages correctly.
 * `expand[]=data.x` on lists is handled by the framework, not here.
 */
import { invalidRequest, parameterInvalid, resourceMissing } from './errors.js';
import { str } from './validate.js';
import type { HandlerContext, ListObject, Params, StripeObject } from './types.js';

export const LIST_PARAMS = ['limit', 'starting_after', 'ending_before'] as const;

const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 100;

/** Stripe's list envelope over `items` (already filtered, newest first) for the page the request asks for. */
export function paginate<T extends StripeObject>(ctx: HandlerContext, items: T[], url: string): ListObject<T> {
  const limit = readLimit(ctx.params);
  const after = str(ctx.params, 'starting_after');
  const before = str(ctx.params, 'ending_before');
  if (after && before) {
    throw invalidRequest('You may only specify one of these parameters: starting_after, ending_before.');
  }
  let page: T[];
  let hasMore: boolean;
  if (after) {
    const cursor = cursorKey(ctx, after, url, 'starting_after');
    const older = items.filter((o) => compareKeys(sortKey(ctx, o), cursor) < 0);
    page = older.slice(0, limit);
    hasMore = older.length > limit;
  } else if (before) {
    const cursor = cursorKey(ctx, before, url, 'ending_before');
    const newer = items.filter((o) => compareKeys(sortKey(ctx, o), cursor) > 0);
    page = newer.slice(Math.max(0, newer.length - limit));
    hasMore = newer.length > limit;
  } else {
    page = items.slice(0, limit);
    hasMore = items.length > limit;
  }
  return { object: 'list', url, has_more: hasMore, data: page };
}

/** Keeps items whose numeric `field` matches the `name` param: an exact int, or any of gt/gte/lt/lte. */
export function rangeFilter<T extends StripeObject>(params: Params, name: string, items: T[], field = name): T[] {
  const raw = params[name];
  if (raw === undefined || raw === '') return items;
  if (typeof raw === 'string') {
    const exact = toInt(name, raw);
    return items.filter((o) => o[field] === exact);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw parameterInvalid(name, `Invalid ${name}: must be an integer or an object with gt, gte, lt or lte.`);
  }
  const bounds = raw as Record<string, unknown>;
  const tests: Array<(v: number) => boolean> = [];
  for (const [op, value] of Object.entries(bounds)) {
    if (typeof value !== 'string') throw parameterInvalid(`${name}[${op}]`, `Invalid integer: ${name}[${op}]`);
    const n = toInt(`${name}[${op}]`, value);
    if (op === 'gt') tests.push((v) => v > n);
    else if (op === 'gte') tests.push((v) => v >= n);
    else if (op === 'lt') tests.push((v) => v < n);
    else if (op === 'lte') tests.push((v) => v <= n);
    else throw invalidRequest(`Received unknown parameter: ${name}[${op}]`, { code: 'parameter_unknown', param: `${name}[${op}]` });
  }
  return items.filter((o) => typeof o[field] === 'number' && tests.every((t) => t(o[field] as number)));
}

/** Keeps items whose `field` equals the string param `name` (absent param: no filtering). */
export function equalFilter<T extends StripeObject>(params: Params, name: string, items: T[], field = name): T[] {
  const value = str(params, name);
  return value === undefined ? items : items.filter((o) => o[field] === value);
}

function readLimit(params: Params): number {
  const raw = str(params, 'limit');
  if (raw === undefined) return DEFAULT_LIMIT;
  if (!/^-?\d+$/.test(raw)) throw parameterInvalid('limit', `Invalid integer: ${raw}`, 'parameter_invalid_integer');
  const n = Number(raw);
  if (n < 1) throw parameterInvalid('limit', 'This value must be greater than or equal to 1.');
  if (n > MAX_LIMIT) throw parameterInvalid('limit', `This value must be less than or equal to ${MAX_LIMIT}.`);
  return n;
}

function toInt(param: string, raw: string): number {
  if (!/^-?\d+$/.test(raw)) throw parameterInvalid(param, `Invalid integer: ${raw}`, 'parameter_invalid_integer');
  return Number(raw);
}

type Key = [created: number, seq: number];

function sortKey(ctx: HandlerContext, o: StripeObject): Key {
  return [o.created ?? 0, ctx.store.position(o.id) ?? -1];
}

function compareKeys(a: Key, b: Key): number {
  return a[0] - b[0] || a[1] - b[1];
}

function cursorKey(ctx: HandlerContext, id: string, url: string, param: string): Key {
  const cursor = ctx.store.get(id);
  if (!cursor) throw resourceMissing(nounFor(url), id, param);
  return sortKey(ctx, cursor);
}

/** '/v1/treasury/outbound_payments' → 'outbound_payment', for "No such …" messages. */
function nounFor(url: string): string {
  const last = url.split('/').filter(Boolean).pop() ?? 'object';
  return last.replace(/s$/, '');
}
