/**
 * Stripe list helpers for resource modules.
 *
 * Most list routes are declared with `listRoute`, which derives the accepted params
 * from the filters it is given:
 *
 *   listRoute({ path: '/v1/payouts', objectType: 'payout', ranges: ['created'], equals: ['status'] })
 *
 * A list with filters of its own builds the route by hand from the same pieces:
 * `accepts: [...LIST_PARAMS, …]`, `rangeFilter` (int or {gt,gte,lt,lte}),
 * `equalFilter` (exact match on a field) and `paginate` (the envelope).
 *
 * `paginate` reads limit (1..100, default 10), starting_after / ending_before
 * (exclusive; an unknown cursor answers 404), and sets has_more for the
 * direction paged. Cursors are compared by position (created, then insertion
 * order), so a cursor outside the filtered set still pages correctly.
 * `expand[]=data.x` on lists is handled by the framework, not here.
 */
import { invalidRequest, parameterInvalid, parameterMissing, resourceMissing } from './errors.js';
import { str } from './validate.js';
import type { HandlerContext, ListObject, Params, Route, StripeObject } from './types.js';

export const LIST_PARAMS = ['limit', 'starting_after', 'ending_before'] as const;

export interface ListRouteSpec {
  /** The list's path, which is also the envelope's `url`. */
  path: string;
  /** The `object` type listed, e.g. 'treasury.outbound_payment'. */
  objectType: string;
  /** Params Stripe requires, each matched exactly against the same-named field (missing → parameter_missing). */
  required?: readonly string[];
  /** Optional params matched exactly against the same-named field. */
  equals?: readonly string[];
  /** Optional unix-time range params on the same-named field. */
  ranges?: readonly string[];
  /** Checks a param's value beyond its presence (e.g. an enum), before filtering. */
  check?: (params: Params) => void;
}

/** A GET list route whose filters are plain equality and range matches. */
export function listRoute(spec: ListRouteSpec): Route {
  const { path, objectType, required = [], equals = [], ranges = [], check } = spec;
  return {
    method: 'GET',
    path,
    accepts: [...LIST_PARAMS, ...required, ...equals, ...ranges],
    handler(ctx) {
      for (const name of required) if (str(ctx.params, name) === undefined) throw parameterMissing(name);
      check?.(ctx.params);
      let items = ctx.store.all(objectType);
      for (const name of [...required, ...equals]) items = equalFilter(ctx.params, name, items);
      for (const name of ranges) items = rangeFilter(ctx.params, name, items);
      return paginate(ctx, items, path);
    },
  };
}

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
