import { invalidRequest, parameterInvalid, resourceMissing } from '../errors.js';
import { LIST_PARAMS, paginate, rangeFilter } from '../list.js';
import { bool, str } from '../validate.js';
import type { ExpandableMap, Params, Route, StripeObject } from '../types.js';

const MAX_TYPES = 20;

/** 'payout.*' → matches 'payout.created', 'payout.updated', …; no '*' means an exact type. */
function typeMatcher(pattern: string): (type: string) => boolean {
  if (!pattern.includes('*')) return (type) => type === pattern;
  const re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return (type) => re.test(type);
}

function typeFilter(params: Params): ((type: string) => boolean) | undefined {
  const single = str(params, 'type');
  const raw = params.types;
  if (raw === undefined || raw === '') return single === undefined ? undefined : typeMatcher(single);
  if (single !== undefined) throw invalidRequest('You may only specify one of these parameters: type, types.');
  const list = Array.isArray(raw) ? raw : typeof raw === 'object' && raw ? Object.values(raw) : [raw];
  if (!list.every((t): t is string => typeof t === 'string')) throw parameterInvalid('types', 'Invalid array: types must be an array of strings.');
  if (list.length > MAX_TYPES) throw parameterInvalid('types', `You can filter on at most ${MAX_TYPES} event types; ${list.length} were given.`);
  const matchers = list.map(typeMatcher);
  return (type) => matchers.some((m) => m(type));
}

export const routes: Route[] = [
  {
    method: 'GET',
    path: '/v1/events',
    accepts: [...LIST_PARAMS, 'created', 'type', 'types', 'delivery_success'],
    handler(ctx) {
      const matches = typeFilter(ctx.params);
      const delivered = bool(ctx.params, 'delivery_success');
      let items: StripeObject[] = ctx.store.all('event');
      items = rangeFilter(ctx.params, 'created', items);
      if (matches) items = items.filter((e) => matches(String(e.type)));
      if (delivered !== undefined) items = items.filter((e) => (e.pending_webhooks === 0) === delivered);
      return paginate(ctx, items, '/v1/events');
    },
  },
  {
    method: 'GET',
    path: '/v1/events/:id',
    accepts: [],
    handler(ctx) {
      const event = ctx.store.get(ctx.path.id);
      if (!event || event.object !== 'event') throw resourceMissing('event', ctx.path.id);
      return event;
    },
  },
];

export const expandable: ExpandableMap = {};
