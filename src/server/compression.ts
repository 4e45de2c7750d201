import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'graphql-yoga';

/** The content codings the gateway sends: brotli (smaller) and gzip (every client has it). */
export type Encoding = 'br' | 'gzip';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * Compresses `body`. `level` 'dynamic' is for responses made per request, where the gateway's CPU
 * is what limits it: on a page of 100 payouts (134 KB), brotli quality 1 and gzip level 1 take
 * 0.13–0.15 ms (→ 9.9 KB, 11.4 KB; a few percent of the ~5 ms the page costs), quality 4 0.5 ms
 * for 9.3 KB, brotli's default quality 11 100 ms for 7.8 KB. 'static' is for files compressed once
 * per process: GraphiQL's 9 MB become 2.14 MB with brotli quality 6 in 0.5 s of CPU (quality 9:
 * 2.09 MB in 3 s; quality 11: 15 s for the script alone) and 2.41 MB with gzip 9. zlib runs on
 * libuv's thread pool, off the event loop.
 */
export async function compress(body: Uint8Array, encoding: Encoding, level: 'dynamic' | 'static'): Promise<Buffer<ArrayBuffer>> {
  const made =
    encoding === 'gzip'
      ? await gzipAsync(body, { level: level === 'static' ? 9 : 1 })
      : await brotli(body, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: level === 'static' ? 6 : 1,
            [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
          },
        });
  // zlib's output is a plain (not shared) ArrayBuffer, which is what a Response body takes.
  return made as Buffer<ArrayBuffer>;
}

/**
 * The coding to answer with, from the request's Accept-Encoding (RFC 9110 §12.5.3): q-values
 * and `*` honoured, `q=0` refuses; brotli preferred over gzip at equal weight. Undefined: send
 * the body as it is (no header, `identity` only, or nothing acceptable we offer).
 */
export function negotiateEncoding(acceptEncoding: string | null): Encoding | undefined {
  if (!acceptEncoding) return undefined;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    if (!name) continue;
    const q = params.find((p) => p.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    weights.set(name === 'x-gzip' ? 'gzip' : name, Number.isFinite(weight) ? weight : 0);
  }
  const weightOf = (encoding: Encoding) => weights.get(encoding) ?? weights.get('*') ?? 0;
  const [br, gz] = [weightOf('br'), weightOf('gzip')];
  if (br > 0 && br >= gz) return 'br';
  return gz > 0 ? 'gzip' : undefined;
}

/** Adds `Accept-Encoding` to a Vary header unless it is there already. */
export function varyOnAcceptEncoding(headers: Headers): void {
  const vary = headers.get('vary');
  if (!vary) headers.set('vary', 'Accept-Encoding');
  else if (!/(^|,)\s*(accept-encoding|\*)\s*(,|$)/i.test(vary)) headers.set('vary', `${vary}, Accept-Encoding`);
}

/** Text-like bodies worth compressing; never `text/event-stream` or `multipart/*`, which stream. */
const COMPRESSIBLE = /^(text\/(?!event-stream)|application\/([\w.-]+\+)?json|application\/javascript|image\/(x-icon|svg\+xml))/i;

/** Below this, compression saves less than it costs (and gzip's framing can make a body larger). */
export const MIN_COMPRESSED_BYTES = 1024;

/**
 * Compresses complete responses (GraphQL JSON, introspection, errors) with brotli or gzip when
 * the client accepts one. Only responses whose Content-Length is known are touched: SSE and
 * multipart responses are streams without one, so every event still leaves at once.
 *
 * Not @whatwg-node/server's useContentEncoding, measured against it (0.11): it compresses streams
 * too, so an SSE subscription asked with `Accept-Encoding: gzip` receives no event at all (zlib
 * holds them until its buffer fills); it takes the first listed coding without trimming or
 * q-values (a browser's `gzip, deflate, br` always gets gzip; `gzip;q=0, br` gets nothing); it
 * sends no `Vary: Accept-Encoding`; it would compress already compressed responses again; its
 * brotli runs at quality 11, 100 ms of CPU for a page of 100 payouts; and it inflates
 * `Content-Encoding` request bodies with no size bound, past the request body limit.
 */
export function useCompression(minBytes: number = MIN_COMPRESSED_BYTES): Plugin {
  return {
    async onResponse({ request, response, setResponse, fetchAPI }) {
      if (!response.body || response.headers.has('content-encoding')) return;
      if (!COMPRESSIBLE.test(response.headers.get('content-type') ?? '')) return;
      if (/\bno-transform\b/i.test(response.headers.get('cache-control') ?? '')) return;
      const length = Number(response.headers.get('content-length') ?? NaN);
      if (!(length >= minBytes)) return;
      varyOnAcceptEncoding(response.headers);
      const encoding = negotiateEncoding(request.headers.get('accept-encoding'));
      if (!encoding) return;
      const body = new Uint8Array(await response.arrayBuffer());
      const compressed = await compress(body, encoding, 'dynamic').catch(() => undefined);
      const headers = new fetchAPI.Headers(response.headers);
      if (compressed) {
        headers.set('content-encoding', encoding);
        headers.set('content-length', String(compressed.byteLength));
      }
      setResponse(new fetchAPI.Response(compressed ?? body, { status: response.status, statusText: response.statusText, headers }));
    },
  };
}
