import type Stripe from 'stripe';

/** One request's upstream calls: what its cost plan allows (null until planned) and how many it made so far. */
export interface UpstreamCalls {
  estimated: number | null;
  made(): number;
}

/**
 * A view of the SDK client for one request that counts the API methods called through it
 * (retrieve, list, create, …): one per upstream request, whichever module makes it (loaders,
 * connection resolvers, mutations, subscription checks); the SDK's own network retries of a
 * call are not counted. Resources and namespaces reached through the view are views too;
 * methods run on the real objects, so the shared client is untouched.
 */
export function countingClient(stripe: Stripe): { stripe: Stripe; made(): number } {
  let calls = 0;
  const views = new WeakMap<object, object>();
  const handler: ProxyHandler<object> = {
    get(target, key) {
      const value: unknown = Reflect.get(target, key);
      // The SDK's internals (_requestSender, …) are not ours to count or wrap.
      if (typeof key === 'symbol' || key.startsWith('_')) return value;
      if (typeof value === 'function') {
        return (...args: unknown[]) => {
          calls++;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      return value !== null && typeof value === 'object' ? viewOf(value) : value;
    },
  };
  const viewOf = (target: object): object => {
    let view = views.get(target);
    if (!view) views.set(target, (view = new Proxy(target, handler)));
    return view;
  };
  return { stripe: viewOf(stripe) as Stripe, made: () => calls };
}
