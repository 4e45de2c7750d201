import type { Plugin } from 'graphql-yoga';
import { endUnreadStream } from './unserved-streams.js';

/**
 * HEAD answers as GET would, without the body (RFC 9110 §9.3.2): the request is handled as a GET
 * (by every plugin, so the same routes, checks and limits apply) and the body is dropped, its
 * headers (Content-Length, ETag, Cache-Control…) kept. Yoga alone answers HEAD /graphql with 406.
 * Registered first, so that its onResponse runs before compression: nothing is compressed to be
 * thrown away.
 */
export function useHeadAsGet(): Plugin {
  const heads = new WeakSet<Request>();
  return {
    onRequest({ request, setRequest, fetchAPI }) {
      if (request.method !== 'HEAD') return;
      const get = new fetchAPI.Request(request.url, { method: 'GET', headers: request.headers, signal: request.signal });
      heads.add(get);
      setRequest(get);
    },
    // A stream (an SSE subscription asked with HEAD) is ended before yoga sends it: cancelling the
    // unread body below does not reach the subscription.
    onResultProcess({ request, result }) {
      if (heads.has(request)) endUnreadStream(result);
    },
    onResponse({ request, response, setResponse, fetchAPI }) {
      if (!heads.has(request)) return;
      void response.body?.cancel().catch(() => undefined);
      setResponse(new fetchAPI.Response(null, { status: response.status, statusText: response.statusText, headers: response.headers }));
    },
  };
}
