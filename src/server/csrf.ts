import type { Plugin } from 'graphql-yoga';
import { errorResponse } from './error-response.js';

/** Media types a GraphQL POST may carry: both need a CORS preflight from another origin. */
const JSON_TYPES = new Set(['application/json', 'application/graphql-response+json']);

/**
 * CSRF: a web page can POST a form (`application/x-www-form-urlencoded`, `multipart/form-data`,
 * `text/plain`) to any origin without a preflight. Only JSON POSTs execute here, so a cross-site
 * request must pass CORS first; anything else is 415 before its body is read. GET never runs a
 * mutation (yoga refuses it). Yoga's own CSRF plugin asks for a custom header on every request,
 * GETs and SSE included, which would break plain GET clients for no gain once POSTs are JSON-only.
 */
export function useJsonOnlyPosts(graphqlEndpoint: string): Plugin {
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (request.method !== 'POST' || url.pathname !== graphqlEndpoint) return;
      const mediaType = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
      if (JSON_TYPES.has(mediaType)) return;
      const message = 'GraphQL POST requests must be sent as application/json.';
      endResponse(errorResponse(fetchAPI, 415, message, { code: 'UNSUPPORTED_MEDIA_TYPE' }, { accept: 'application/json' }));
    },
  };
}
