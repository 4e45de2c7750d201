import { createGraphQLError, type GraphQLParams, type OnParamsEventPayload, type Plugin } from 'graphql-yoga';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import type { GraphQLError } from 'graphql';
import type { PersistedDocumentsConfig } from '../config.js';
import { sha256Hex, sha256HexOf } from './document-manifests.js';

/**
 * Documents clients registered the APQ way (query and hash together, hash checked), kept least
 * recently used first. Bounded in entries and characters, so no client can grow it past a few MB.
 */
const REGISTERED_DOCUMENTS = 1000;
const REGISTERED_CHARS = 2_000_000;

/** The refusals' codes (`extensions.code`). */
const PERSISTED_CODES = {
  notFound: 'PERSISTED_DOCUMENT_NOT_FOUND',
  required: 'PERSISTED_DOCUMENT_REQUIRED',
  invalidId: 'PERSISTED_DOCUMENT_ID_INVALID',
  hashMismatch: 'PERSISTED_DOCUMENT_HASH_MISMATCH',
} as const;

function refusal(message: string, code: string, status: number): GraphQLError {
  return createGraphQLError(message, { extensions: { code, http: { status } } });
}

const ID_FORMAT = '"sha256:" followed by the 64 hex digits of the document\'s SHA-256';

/** APQ's `extensions.persistedQuery.sha256Hash`, as urql's and Apollo's persisted-query links send it. */
function apqHashOf(params: GraphQLParams): unknown {
  const persisted = params.extensions?.persistedQuery as { sha256Hash?: unknown } | undefined;
  return persisted && typeof persisted === 'object' ? persisted.sha256Hash : undefined;
}

/**
 * The id a request names, as lowercase hex; null when it names none. GraphQL over HTTP's
 * `documentId` (POST body, or GET parameter), else APQ's hash (with or without `sha256:`).
 * A malformed id is refused before any lookup.
 */
function documentIdOf(params: GraphQLParams, request: Request): string | null {
  let id = (params as GraphQLParams & { documentId?: unknown }).documentId;
  if (id == null && request.method === 'GET') id = new URL(request.url).searchParams.get('documentId');
  id ??= apqHashOf(params);
  if (id == null) return null;
  const hex = typeof id === 'string' ? sha256HexOf(id) : null;
  if (!hex) throw refusal(`A document id must be ${ID_FORMAT}.`, PERSISTED_CODES.invalidId, 400);
  return hex;
}

function createRegistry() {
  const documents = new Map<string, string>();
  let chars = 0;
  return {
    get(hex: string): string | undefined {
      const document = documents.get(hex);
      if (document !== undefined) {
        documents.delete(hex);
        documents.set(hex, document);
      }
      return document;
    },
    add(hex: string, document: string): void {
      if (documents.has(hex)) return;
      documents.set(hex, document);
      chars += document.length;
      for (const [oldest, text] of documents) {
        if (documents.size <= REGISTERED_DOCUMENTS && chars <= REGISTERED_CHARS) break;
        documents.delete(oldest);
        chars -= text.length;
      }
    },
  };
}

export interface PersistedDocuments {
  /** For yoga: resolves ids over HTTP and SSE (onParams). */
  readonly plugin: Plugin;
  /**
   * The same resolution for a transport yoga's onParams hooks do not reach (graphql-ws): the
   * params with the document's text as `query`, or a thrown refusal. `context` is the operation's own object.
   */
  resolve(params: GraphQLParams, request: Request, context: object): Promise<GraphQLParams>;
}

/**
 * Persisted documents (GraphQL over HTTP's `documentId: "sha256:<hex>"`, and APQ's
 * `extensions.persistedQuery.sha256Hash`), through yoga's persisted-operations plugin.
 * Trusted mode (TRUSTED_DOCUMENTS): only the manifests' documents run, by id; a document sent as
 * text is PERSISTED_DOCUMENT_REQUIRED, before anything is parsed. Otherwise any document runs,
 * the repository's manifests resolve by id, and a client sending a query with its hash registers
 * it (APQ: the hash is checked, the registry bounded), so hash-then-query clients work. An id no
 * document has is PERSISTED_DOCUMENT_NOT_FOUND (404, with APQ's `PersistedQueryNotFound` message
 * for APQ clients, which then send the query). Lookups are one map read of a checked 64-digit key.
 */
export function createPersistedDocuments(config: PersistedDocumentsConfig, maxDocumentLength: number): PersistedDocuments {
  const { byHash, trustedOnly } = config;
  const registry = trustedOnly ? undefined : createRegistry();
  const required = () =>
    refusal(
      'This gateway runs only trusted documents: send the `documentId` ("sha256:<hex>") of a document in its manifest instead of a query.',
      PERSISTED_CODES.required,
      400,
    );

  /** Before the plugin: a query sent with its hash is registered (after checking the hash), then runs as any query. */
  const register: NonNullable<Plugin['onParams']> = ({ params, request, setParams }) => {
    // A query that is not a string (yoga's parameter check refuses it) is not hashed: createHash would throw.
    if (typeof params.query !== 'string' || !params.query || trustedOnly) return;
    const hex = documentIdOf(params, request);
    if (hex === null) return;
    // A document over the length limit is refused before it is parsed (document-limits.ts): not worth hashing.
    if (params.query.length <= maxDocumentLength) {
      if (sha256Hex(params.query) !== hex) {
        throw refusal('The document id is not the SHA-256 of the query sent with it.', PERSISTED_CODES.hashMismatch, 400);
      }
      registry?.add(hex, params.query);
    }
    // What yoga's parameter check accepts (it refuses unknown parameters such as documentId).
    setParams({ query: params.query, operationName: params.operationName, variables: params.variables, extensions: params.extensions });
  };

  const persisted = usePersistedOperations({
    allowArbitraryOperations: !trustedOnly,
    extractPersistedOperationId: documentIdOf,
    getPersistedOperation: (hex) => byHash.get(hex) ?? registry?.get(hex) ?? null,
    customErrors: {
      notFound: ({ params }) =>
        refusal(
          // APQ clients (urql, Apollo) recognise a miss by this message, and then send the query.
          apqHashOf(params) !== undefined ? 'PersistedQueryNotFound' : 'No persisted document has this documentId.',
          PERSISTED_CODES.notFound,
          404,
        ),
      persistedQueryOnly: required,
      keyNotFound: () => (trustedOnly ? required() : refusal('Send a query, or the documentId of a persisted document.', 'BAD_REQUEST', 400)),
    },
  });
  const hooks = [register, persisted.onParams].filter((hook) => hook !== undefined);

  return {
    // Two plugins, so yoga hands the second the params the first set.
    plugin: {
      onPluginInit({ addPlugin }) {
        addPlugin({ onParams: register });
        addPlugin(persisted);
      },
    },
    async resolve(params, request, context) {
      let resolved = params;
      // The payload's handlers are yoga's to run; these hooks only read params and set them.
      const payload = { params, request, context, setParams: (next: GraphQLParams) => (resolved = payload.params = next) } as unknown as OnParamsEventPayload<Record<string, unknown>>;
      for (const hook of hooks) await hook(payload);
      return resolved;
    },
  };
}
