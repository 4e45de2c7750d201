import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * The most a request body may hold. A GraphQL request is a document (at most MAX_DOCUMENT_LENGTH
 * characters) and its variables: 1 MB is ample, and a bigger body only buys an attacker seconds
 * of JSON parsing and walking.
 */
export const MAX_REQUEST_BODY_BYTES = 1_000_000;

function tooLarge(limit: number): GraphQLError {
  return new GraphQLError(`Request body too large: at most ${limit} bytes.`, {
    extensions: { code: 'REQUEST_ENTITY_TOO_LARGE', http: { status: 413 } },
  });
}

/**
 * Caps request bodies as yoga's `maxRequestBodySize` does (same checks, same 413
 * REQUEST_ENTITY_TOO_LARGE), without its cost for the usual request: yoga pipes every body
 * through a counting stream, even one whose Content-Length it has just checked. A body that
 * declares its Content-Length needs no counting, because Node's HTTP parser delivers exactly
 * that many bytes; only a body without one (chunked) is counted as it streams in.
 *
 * Kept because it is measured (bench/HISTORY.md, session 4): with yoga's option instead, the
 * page-of-100 CPU ratio against the direct SDK call went from 2.73× to 3.04× (+11%, six runs
 * each), and in interleaved A/B runs the gateway spent 8–10% more CPU per request (0.4–0.55 ms).
 * Yoga's own limit must be off (`maxRequestBodySize: false`) where this plugin is used.
 */
export function useRequestBodyLimit(limit = MAX_REQUEST_BODY_BYTES): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      const declared = request.headers.get('content-length');
      if (declared !== null) {
        if (!/^\d+$/.test(declared)) {
          throw new GraphQLError('Content-Length header is invalid.', { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
        }
        if (Number(declared) > limit) throw tooLarge(limit);
        return;
      }
      if (!requestParser || !request.body) return;
      const parse = requestParser;
      setRequestParser((req) => parse(countingBody(req, limit, fetchAPI)));
    },
  };
}

type FetchAPI = Parameters<NonNullable<Plugin['onRequestParse']>>[0]['fetchAPI'];

/** The request with a body that fails once more than `limit` bytes have streamed in. */
function countingBody(request: Request, limit: number, fetchAPI: FetchAPI): Request {
  // A body from the server adapter is a ponyfill stream, one from a caller of yoga.fetch may be
  // native; each pipes only into a TransformStream of its own kind.
  const Transform = request.body instanceof ReadableStream ? TransformStream : fetchAPI.TransformStream;
  let received = 0;
  const counted = request.body!.pipeThrough(
    new Transform<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        received += chunk.byteLength;
        if (received > limit) controller.error(tooLarge(limit));
        else controller.enqueue(chunk);
      },
    }),
  );
  return new fetchAPI.Request(request.url, { method: request.method, headers: request.headers, signal: request.signal, body: counted, duplex: 'half' } as RequestInit);
}
