import { parameterInvalid, parameterMissing, resourceMissing } from '../errors.js';
import { LIST_PARAMS, paginate } from '../list.js';
import { applyMetadata } from '../metadata.js';
import { bool, str } from '../validate.js';
import type { ExpandableMap, HandlerContext, Params, Route, StripeObject } from '../types.js';

/**
 * What Stripe shows of an endpoint. The signing secret is shown only in the create answer; stored
 * endpoints keep it for signing deliveries. `connect` is kept for routing events (events.ts) but,
 * as on Stripe, is not a field of the object.
 */
function publicView(endpoint: StripeObject, withSecret = false): StripeObject {
  const { secret, connect: _connect, ...rest } = endpoint;
  return (withSecret ? { ...rest, secret } : rest) as StripeObject;
}

function load(ctx: HandlerContext): StripeObject {
  const endpoint = ctx.store.get(ctx.path.id);
  if (!endpoint || endpoint.object !== 'webhook_endpoint') throw resourceMissing('webhook endpoint', ctx.path.id);
  return endpoint;
}

function readUrl(params: Params, required: boolean): string | undefined {
  const url = required ? str(params, 'url', { required: true, max: 5000 }) : str(params, 'url', { max: 5000 });
  if (url !== undefined && !/^https?:\/\/[^\s]+$/.test(url)) throw parameterInvalid('url', `Invalid URL: ${url}. URLs must begin with http:// or https://.`, 'url_invalid');
  return url;
}

function readEvents(params: Params, required: boolean): string[] | undefined {
  const raw = params.enabled_events;
  if (raw === undefined || raw === '') {
    if (required) throw parameterMissing('enabled_events');
    return undefined;
  }
  const list = Array.isArray(raw) ? raw : typeof raw === 'object' && raw ? Object.values(raw) : [raw];
  if (!list.length || !list.every((t): t is string => typeof t === 'string' && /^(\*|[a-z_.]+)$/.test(t))) {
    throw parameterInvalid('enabled_events', 'Invalid enabled_events: must be a non-empty array of event types, or ["*"].');
  }
  return list;
}

export const routes: Route[] = [
  {
    method: 'POST',
    path: '/v1/webhook_endpoints',
    accepts: ['url', 'enabled_events', 'description', 'metadata', 'api_version', 'connect'],
    handler(ctx) {
      const url = readUrl(ctx.params, true)!;
      const enabledEvents = readEvents(ctx.params, true)!;
      const endpoint = ctx.store.put<StripeObject>({
        id: ctx.newId('we'),
        object: 'webhook_endpoint',
        api_version: str(ctx.params, 'api_version') ?? null,
        application: null,
        created: ctx.clock.now(),
        description: str(ctx.params, 'description', { max: 5000 }) ?? null,
        enabled_events: enabledEvents,
        livemode: false,
        metadata: applyMetadata({}, ctx.params),
        secret: ctx.newId('whsec'),
        status: 'enabled',
        url,
        connect: bool(ctx.params, 'connect') ?? false,
      });
      return publicView(endpoint, true);
    },
  },
  {
    method: 'GET',
    path: '/v1/webhook_endpoints',
    accepts: [...LIST_PARAMS],
    handler: (ctx) => paginate(ctx, ctx.store.all('webhook_endpoint').map((e) => publicView(e)), '/v1/webhook_endpoints'),
  },
  {
    method: 'GET',
    path: '/v1/webhook_endpoints/:id',
    accepts: [],
    handler: (ctx) => publicView(load(ctx)),
  },
  {
    method: 'POST',
    path: '/v1/webhook_endpoints/:id',
    accepts: ['url', 'enabled_events', 'description', 'metadata', 'disabled'],
    handler(ctx) {
      const endpoint = load(ctx);
      const disabled = bool(ctx.params, 'disabled');
      const next: StripeObject = {
        ...endpoint,
        url: readUrl(ctx.params, false) ?? endpoint.url,
        enabled_events: readEvents(ctx.params, false) ?? endpoint.enabled_events,
        description: 'description' in ctx.params ? (str(ctx.params, 'description', { max: 5000 }) ?? null) : endpoint.description,
        metadata: applyMetadata(endpoint.metadata as Record<string, string>, ctx.params),
        status: disabled === undefined ? endpoint.status : disabled ? 'disabled' : 'enabled',
      };
      return publicView(ctx.store.put(next));
    },
  },
  {
    method: 'DELETE',
    path: '/v1/webhook_endpoints/:id',
    accepts: [],
    handler(ctx) {
      const endpoint = load(ctx);
      ctx.store.delete(endpoint.id);
      return { id: endpoint.id, object: 'webhook_endpoint', deleted: true };
    },
  },
];

export const expandable: ExpandableMap = {};
