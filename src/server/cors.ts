import type { YogaServerOptions } from 'graphql-yoga';

type CorsFactory = Extract<NonNullable<YogaServerOptions<object, object>['cors']>, (...args: never[]) => unknown>;

/** How long a browser may cache a preflight answer. */
const PREFLIGHT_MAX_AGE_S = 600;

/**
 * True when a browser page at `origin` may talk to the gateway: an origin in CORS_ORIGINS, or the
 * gateway's own (GraphiQL is served from it). No Origin header means no browser page is asking.
 */
export function originAllowed(allowed: ReadonlySet<string>, origin: string | null | undefined, host: string | null | undefined): boolean {
  if (!origin) return true;
  if (allowed.has(origin)) return true;
  return !!host && (origin === `http://${host}` || origin === `https://${host}`);
}

/**
 * yoga's `cors` option: cross-origin access only for the exact origins listed, each echoed alone
 * (with credentials and a cached preflight); every other origin gets no CORS headers at all, so the
 * browser blocks it. The webhook route is for Stripe's servers, never for browsers: no CORS there.
 */
export function corsFor(origins: readonly string[], webhookPath: string): CorsFactory {
  const allowed = new Set(origins);
  return (request) => {
    const origin = request.headers.get('origin');
    if (!origin || !allowed.has(origin) || new URL(request.url).pathname === webhookPath) return false;
    return {
      origin: [origin],
      credentials: true,
      methods: ['GET', 'POST'],
      allowedHeaders: ['authorization', 'content-type', 'accept', 'x-request-id'],
      exposedHeaders: ['x-request-id'],
      maxAge: PREFLIGHT_MAX_AGE_S,
    };
  };
}
