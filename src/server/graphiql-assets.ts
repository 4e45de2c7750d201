import { createHash } from 'node:crypto';
import * as yogaGraphiQL from '@graphql-yoga/render-graphiql/graphiql';
import type { Plugin } from 'graphql-yoga';
import type { GatewayGraphiQLOptions } from './graphiql.js';
import { compress, negotiateEncoding, type Encoding } from './compression.js';

/**
 * GraphiQL served from this process as separate, cacheable files. `@graphql-yoga/render-graphiql`
 * inlines ~9 MB of script, styles and Monaco's workers in one HTML page, downloaded again on every
 * reload; its parts are exported one by one (…/render-graphiql/graphiql), so each becomes a file
 * whose URL carries a hash of its content, cached by browsers for a year. The page itself is small,
 * revalidated on each load (`no-cache` + ETag: a reload is a 304), and since no script is inline
 * its Content-Security-Policy allows scripts from this origin only.
 */

interface StaticFile {
  readonly body: Buffer<ArrayBuffer>;
  readonly type: string;
  /** A prefix of the body's SHA-256: its ETag, and part of an asset's file name. */
  readonly hash: string;
  readonly headers: Readonly<Record<string, string>>;
}

const hashOf = (body: Buffer) => createHash('sha256').update(body).digest('hex').slice(0, 16);

function file(body: Buffer<ArrayBuffer> | string, type: string, headers: Record<string, string>): StaticFile {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  return { body: bytes, type, hash: hashOf(bytes), headers };
}

/** The folder of the assets, beside the endpoint: /graphql → /graphiql/. */
const ASSET_DIR = 'graphiql/';

const IMMUTABLE = {
  'cache-control': 'public, max-age=31536000, immutable',
  'x-content-type-options': 'nosniff',
  'cross-origin-resource-policy': 'same-origin',
};

/**
 * Monaco styles itself with inline style elements and attributes, hence style-src 'unsafe-inline';
 * scripts (and Monaco's workers) come from this origin only; queries and SSE subscriptions go to it.
 */
const PAGE_HEADERS = {
  'cache-control': 'no-cache',
  'content-security-policy':
    "default-src 'none'; script-src 'self'; worker-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
    "font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};

const JS = 'text/javascript; charset=utf-8';

/** A file name for an asset: its stem, a hash of its content, its extension. */
const nameOf = (stem: string, f: StaticFile, ext: string) => `${stem}.${f.hash}.${ext}`;

interface Bundle {
  /** File name → asset. */
  readonly assets: ReadonlyMap<string, StaticFile>;
  readonly script: string;
  readonly start: string;
  readonly css: string;
  readonly favicon: string;
}

/** The package's assets, the same for every gateway (immutable; hashed once per process). */
const BUNDLE: Bundle = (() => {
  const workers = {
    editorWorkerService: file(yogaGraphiQL.editorWorkerService, JS, IMMUTABLE),
    json: file(yogaGraphiQL.jsonWorker, JS, IMMUTABLE),
    graphql: file(yogaGraphiQL.graphqlWorker, JS, IMMUTABLE),
  };
  const workerNames = Object.fromEntries(Object.entries(workers).map(([label, f]) => [label, nameOf(`${label}.worker`, f, 'js')]));
  // Yoga's page does this inline; here it is a file so that no inline script is needed. It runs
  // before GraphiQL's script (both deferred, in order) and renders once the document is parsed.
  // Workers are found beside this script, wherever the gateway is mounted.
  const start = file(
    `(function () {
  var here = document.currentScript.src;
  var names = ${JSON.stringify(workerNames)};
  self.MonacoEnvironment = {
    globalAPI: false,
    getWorkerUrl: function (moduleId, label) { return new URL(names[label], here).href; },
  };
  document.addEventListener('DOMContentLoaded', function () {
    var options = JSON.parse(document.getElementById('graphiql-options').textContent);
    // GraphiQL opens its initial query, variables and headers (from these options, else its own
    // storage) in the stored tab that holds the same, or in a new tab. On a first visit they are the
    // first example's (see graphiqlOptions); on a later one, the tab the user left, so a reload
    // reopens it instead of adding an <untitled> tab.
    try {
      var state = JSON.parse(localStorage.getItem('graphiql:tabState') || 'null');
      var active = state && state.tabs && state.tabs[state.activeTabIndex];
      if (active) {
        options.query = active.query || undefined;
        options.variables = active.variables || undefined;
        ['query', 'variables', 'headers'].forEach(function (key) { localStorage.setItem('graphiql:' + key, active[key] || ''); });
      }
    } catch (e) {}
    YogaGraphiQL.renderYogaGraphiQL(document.getElementById('root'), options);
  });
})();
`,
    JS,
    IMMUTABLE,
  );
  const script = file(yogaGraphiQL.js, JS, IMMUTABLE);
  const css = file(yogaGraphiQL.css, 'text/css; charset=utf-8', IMMUTABLE);
  const favicon = file(Buffer.from(yogaGraphiQL.favicon.replace(/^data:[^,]*;base64,/, ''), 'base64'), 'image/x-icon', IMMUTABLE);
  const names = {
    script: nameOf('graphiql', script, 'js'),
    start: nameOf('start', start, 'js'),
    css: nameOf('graphiql', css, 'css'),
    favicon: nameOf('favicon', favicon, 'ico'),
  };
  const assets = new Map<string, StaticFile>([
    [names.script, script],
    [names.start, start],
    [names.css, css],
    [names.favicon, favicon],
    ...Object.entries(workers).map(([label, f]): [string, StaticFile] => [workerNames[label], f]),
  ]);
  return { assets, ...names };
})();

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);

/** The page: links to the assets (relative, so a reverse proxy may mount the gateway under a prefix) and the options as data. */
function pageFor(options: GatewayGraphiQLOptions): StaticFile {
  const asset = (name: string) => escapeHtml(ASSET_DIR + name);
  // `<` escaped, so no option text can close the script element.
  const data = JSON.stringify(options).replace(/</g, '\\u003c');
  const html = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escapeHtml(options.title ?? 'GraphiQL')}</title>
    <link rel="icon" href="${options.favicon ? escapeHtml(options.favicon) : asset(BUNDLE.favicon)}" />
    <link rel="stylesheet" href="${asset(BUNDLE.css)}" />
    <script type="application/json" id="graphiql-options">${data}</script>
    <script defer src="${asset(BUNDLE.start)}"></script>
    <script defer src="${asset(BUNDLE.script)}"></script>
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>GraphiQL needs JavaScript.</noscript>
    <div id="root"></div>
  </body>
</html>
`;
  return file(html, 'text/html; charset=utf-8', PAGE_HEADERS);
}

/** True when If-None-Match names `etag` (weak comparison, as RFC 9110 §13.1.2 asks) or is `*`. */
function notModified(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === etag;
  });
}

export interface GraphiQLServing {
  /** The exact paths served (for the route allow-list): the endpoint's page and each asset. */
  readonly paths: readonly string[];
  readonly plugin: Plugin;
}

/**
 * Serves GraphiQL at `endpoint` (GET with Accept: text/html; HEAD through head.ts) and its assets
 * under `graphiql/` beside it, only under their exact names. Each file's brotli and gzip forms
 * are made once, on first demand, and kept for the gateway's life (~2 MB each); the page's
 * first request starts them all, since the browser asks for them next.
 */
export function serveGraphiQL(endpoint: string, options: GatewayGraphiQLOptions): GraphiQLServing {
  const page = pageFor(options);
  const dir = new URL(ASSET_DIR, `http://gateway${endpoint}`).pathname;
  const assets = new Map([...BUNDLE.assets].map(([name, f]) => [dir + name, f]));
  const compressed = new Map<string, Promise<Buffer<ArrayBuffer> | undefined>>();

  const variant = (f: StaticFile, encoding: Encoding): Promise<Buffer<ArrayBuffer> | undefined> => {
    const key = `${f.hash}.${encoding}`;
    let made = compressed.get(key);
    if (!made) {
      // A failure is not kept: that request gets the plain file, a later one tries again.
      made = compress(f.body, encoding, 'static').catch(() => {
        compressed.delete(key);
        return undefined;
      });
      compressed.set(key, made);
    }
    return made;
  };

  const etagOf = (f: StaticFile, encoding: Encoding | undefined) => `"${f.hash}${encoding ? `-${encoding}` : ''}"`;

  const respond = async (f: StaticFile, request: Request, fetchAPI: { Response: typeof Response }): Promise<Response> => {
    const wanted = negotiateEncoding(request.headers.get('accept-encoding'));
    // A strong ETag per representation: the brotli and gzip bytes differ from the plain ones.
    const headers: Record<string, string> = { ...f.headers, etag: etagOf(f, wanted), vary: 'Accept-Encoding' };
    if (notModified(request.headers.get('if-none-match'), headers.etag)) return new fetchAPI.Response(null, { status: 304, headers });
    const body = wanted && (await variant(f, wanted));
    if (body) headers['content-encoding'] = wanted;
    else headers.etag = etagOf(f, undefined);
    const bytes = body || f.body;
    return new fetchAPI.Response(bytes, { status: 200, headers: { ...headers, 'content-type': f.type, 'content-length': String(bytes.byteLength) } });
  };

  return {
    paths: [endpoint, ...assets.keys()],
    plugin: {
      onRequest({ request, url, fetchAPI, endResponse }) {
        // HEAD arrives here as a GET (head.ts).
        if (request.method !== 'GET') return;
        const isPage = url.pathname === endpoint && !!request.headers.get('accept')?.includes('text/html');
        const f = isPage ? page : assets.get(url.pathname);
        if (!f) return;
        return respond(f, request, fetchAPI).then((response) => {
          const encoding = response.headers.get('content-encoding') as Encoding | null;
          // A browser that just got the page asks for the assets next: compress them meanwhile.
          if (isPage && encoding) for (const asset of assets.values()) void variant(asset, encoding);
          endResponse(response);
        });
      },
    },
  };
}
