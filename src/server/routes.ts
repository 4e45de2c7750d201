import type { Plugin } from 'graphql-yoga';
import { errorResponse } from './error-response.js';

/**
 * Only the gateway's own paths are served, matched exactly. Yoga also treats any URL that merely
 * ends in its endpoint (`/graphql/`, `/x?/graphql`) as GraphQL; the gates that look at the path
 * (JSON-only POSTs, authentication) must never see a GraphQL request under another name.
 */
export function useKnownRoutes(paths: readonly string[]): Plugin {
  const known = new Set(paths);
  return {
    onRequest({ url, endResponse, fetchAPI }) {
      if (!known.has(url.pathname)) endResponse(errorResponse(fetchAPI, 404, 'Not found.', { code: 'NOT_FOUND' }));
    },
  };
}

const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;
const WILDCARD = new Set(['0.0.0.0', '::', '[::]']);

/**
 * DNS rebinding: a page on evil.example can make its own name resolve to 127.0.0.1 and then talk
 * to a local, unauthenticated gateway as same-origin. Such requests carry the attacker's name in
 * `Host`. While no authentication is configured, only the names the gateway was bound to (and
 * loopback names) are answered; with authentication, a rebound page has no credentials to send.
 * Undefined when nothing is checked (authentication on, or bound to every interface).
 */
export function hostCheck(open: boolean, boundHost: string): ((host: string | null | undefined) => boolean) | undefined {
  if (!open || WILDCARD.has(boundHost)) return undefined;
  const bound = boundHost.includes(':') ? `[${boundHost}]` : boundHost;
  return (host) => {
    // Browsers always send Host; only an in-process call (yoga.fetch) has none.
    if (!host) return true;
    const name = host.replace(/:\d+$/, '');
    return LOOPBACK.test(name) || name.toLowerCase() === bound.toLowerCase();
  };
}

/** Refuses requests whose Host is not one the open gateway answers to (see hostCheck). */
export function useHostCheck(allowed: ((host: string | null | undefined) => boolean) | undefined): Plugin {
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      if (!allowed || allowed(request.headers.get('host'))) return;
      endResponse(errorResponse(fetchAPI, 403, 'Unknown Host.', { code: 'FORBIDDEN' }));
    },
  };
}
