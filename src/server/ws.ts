import type { IncomingMessage, Server } from 'node:http';
import { GraphQLError, type DocumentNode, type ExecutionArgs, type ExecutionResult, type FormattedExecutionResult } from 'graphql';
import { WebSocketServer } from 'ws';
import { MessageType, stringifyMessage, type Context as WsServerContext, type SubscribePayload } from 'graphql-ws';
import { useServer, type Extra } from 'graphql-ws/use/ws';
import type { YogaServerInstance } from 'graphql-yoga';
import { maskError } from './error-mapping.js';
import type { SharedSubscriptions } from './shared-subscriptions.js';
import type { Authenticator } from '../auth/authenticator.js';
import type { Principal } from '../auth/principal.js';
import { originAllowed } from './cors.js';
import { timerDelay } from './auth.js';
import type { PersistedDocuments } from './persisted-documents.js';

export interface GraphQLWsOptions {
  authenticator: Authenticator;
  /** Origins allowed besides the gateway's own (CORS_ORIGINS). */
  corsOrigins: readonly string[];
  /** The Host names answered while authentication is off (see routes.ts hostCheck); undefined: any. */
  hostAllowed?: (host: string | null | undefined) => boolean;
  /** Resolves documents sent by id (and refuses texts in trusted mode), as yoga does for HTTP and SSE. */
  persistedDocuments: Pick<PersistedDocuments, 'resolve'>;
  /** Where each operation's socket is offered for the events of shared subscription streams. */
  sharedSubscriptions: Pick<SharedSubscriptions, 'writeDirectly'>;
}

export interface GraphQLWsServer {
  /** Open WebSocket connections. */
  clientCount(): number;
  /**
   * Waits for the operations in flight (queries, mutations, a subscription being set up) until
   * `deadline` aborts, then says goodbye to every client (1001: clients reconnect and resubscribe
   * elsewhere), cuts the ones that don't answer, and stops accepting upgrades.
   */
  close(deadline?: AbortSignal): Promise<void>;
}

/** Marks the execution context of a graphql-ws operation (see isGraphQLWsContext). */
const VIA_GRAPHQL_WS = Symbol('graphql-ws');

/** True for the context of an operation received over graphql-ws (false for HTTP and SSE). */
export function isGraphQLWsContext(context: object): boolean {
  return VIA_GRAPHQL_WS in context;
}

/** How long close() waits for clients to finish the close handshake before cutting them off. */
const CLOSE_GRACE_MS = 1_000;
/** How often close() looks whether the operations in flight have finished. */
const IN_FLIGHT_POLL_MS = 10;

// Any context types: the WebSocket path only forwards them.
type AnyYoga = YogaServerInstance<any, any>;

/** The credential in a `connection_init` payload: `{ "authorization": "Bearer …" }` (any case). */
function authorizationOf(params: Readonly<Record<string, unknown>> | undefined): string | undefined {
  if (!params) return undefined;
  for (const [name, value] of Object.entries(params)) if (name.toLowerCase() === 'authorization' && typeof value === 'string') return value;
  return undefined;
}


/**
 * graphql-ws on the gateway's own HTTP server and GraphQL path, run through
 * yoga's getEnveloped so WebSocket operations get the same plugins, context,
 * validation and error masking as HTTP and SSE (graphql-yoga's graphql-ws recipe).
 * A browser page may connect only from an allowed origin; the credential travels in
 * `connection_init` and is checked once (a refused one closes with 4403); the connection
 * is closed with 4403 when that credential expires.
 */
export function attachGraphQLWs(httpServer: Server, yoga: AnyYoga, opts: GraphQLWsOptions): GraphQLWsServer {
  const allowed = new Set(opts.corsOrigins);
  const wsServer = new WebSocketServer({
    server: httpServer,
    path: yoga.graphqlEndpoint,
    // Browsers send Origin on WebSocket upgrades and, unlike fetch, no CORS protects them.
    verifyClient: ({ origin, req }, done) =>
      originAllowed(allowed, origin, req.headers.host) && (opts.hostAllowed?.(req.headers.host) ?? true)
        ? done(true)
        : done(false, 403, 'Origin not allowed'),
  });
  const principals = new WeakMap<object, Principal>();
  const connections = new Set<WsContext>();
  // graphql-ws holds an operation as `null` from its subscribe message until its `complete` is sent
  // (a subscription's stream replaces it once set up): those are the operations in flight.
  const operationsInFlight = () => [...connections].some((ctx) => Object.values(ctx.subscriptions).includes(null));

  /** The operation's execution arguments, or its parse/validation errors (a parse error is thrown). */
  const prepare = async (ctx: WsContext, id: string, payload: SubscribePayload): Promise<ExecutionArgs | readonly GraphQLError[]> => {
    const request = toFetchRequest(ctx.extra.request, yoga.graphqlEndpoint);
    // A document sent by id (query "", as graphql-ws requires a string) becomes its text; in trusted mode a text is refused.
    const params = await opts.persistedDocuments.resolve({ ...payload, operationName: payload.operationName ?? undefined, variables: payload.variables ?? undefined, extensions: payload.extensions ?? undefined }, request, ctx);
    const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
      ...ctx,
      [VIA_GRAPHQL_WS]: true,
      request,
      // As yoga's node server context has it: the rate limit keys anonymous callers by its address.
      req: ctx.extra.request,
      socket: ctx.extra.socket,
      params,
      principal: principals.get(ctx),
    });
    const document: DocumentNode = parse(params.query ?? '');
    const errors = validate(schema, document);
    if (errors.length) return errors;
    const contextValue = await contextFactory();
    // A shared stream's events go straight to this socket (graphql-ws's onNext is not called for them).
    const socket = ctx.extra.socket;
    const next = nextMessage(id);
    opts.sharedSubscriptions.writeDirectly(contextValue, (resultJson) => {
      if (socket.readyState === socket.OPEN) socket.send(next(resultJson));
    });
    return {
      schema,
      operationName: params.operationName,
      document,
      variableValues: params.variables,
      contextValue,
      rootValue: { execute, subscribe } satisfies EnvelopedRoot,
    };
  };

  // Whatever goes wrong answers this operation with a masked error (and is logged), instead of
  // graphql-ws closing the socket with 4500 and every other operation on it.
  const failed = (err: unknown): GraphQLError => {
    const masked = maskError(err) as GraphQLError;
    if (masked !== err) yoga.logger.error({ err }, 'unexpected error in a graphql-ws operation');
    return masked;
  };
  const guarded = async <T>(run: () => T | Promise<T>): Promise<T | ExecutionResult> => {
    try {
      return await run();
    } catch (err) {
      return { errors: [failed(err)] };
    }
  };

  const disposable = useServer(
    {
      onConnect: async (ctx) => {
        const outcome = await opts.authenticator.authenticate(authorizationOf(ctx.connectionParams));
        if (!outcome.ok) return false;
        principals.set(ctx, outcome.principal);
        connections.add(ctx);
        const expiresAt = outcome.principal.expiresAt;
        if (expiresAt !== undefined) {
          const socket = ctx.extra.socket;
          const timer = setTimeout(() => socket.close(4403, 'Token expired'), timerDelay(expiresAt - Date.now()));
          socket.once('close', () => clearTimeout(timer));
        }
        return true;
      },
      execute: (args) => guarded(() => (args.rootValue as EnvelopedRoot).execute(args)),
      subscribe: (args) => guarded(() => (args.rootValue as EnvelopedRoot).subscribe(args)),
      // What the client sees of an operation's errors: masked as yoga masks HTTP errors, without yoga's internal `http` extension.
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => withoutHttp(maskError(e) as GraphQLError).toJSON()),
      onNext: (_ctx, _id, _payload, _args, result) => withoutHttpExtensions(result),
      onClose: (ctx) => void connections.delete(ctx),
      onSubscribe: async (ctx, id, params) => {
        try {
          return await prepare(ctx, id, params);
        } catch (err) {
          return [failed(err)];
        }
      },
    },
    wsServer,
  );

  return {
    clientCount: () => wsServer.clients.size,
    async close(deadline) {
      while (operationsInFlight() && !deadline?.aborted) await new Promise((resolve) => setTimeout(resolve, IN_FLIGHT_POLL_MS));
      const cutoff = setTimeout(() => {
        for (const client of wsServer.clients) client.terminate();
      }, CLOSE_GRACE_MS);
      try {
        await disposable.dispose();
      } finally {
        clearTimeout(cutoff);
      }
    },
  };
}

type WsContext = WsServerContext<Record<string, unknown> | undefined, Extra>;

/** The error without yoga's `http` extension (an HTTP status means nothing on a WebSocket). */
function withoutHttp(error: GraphQLError): GraphQLError {
  if (!error.extensions.http) return error;
  const { http: _http, ...extensions } = error.extensions;
  return new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, path: error.path, originalError: error.originalError, extensions });
}

/**
 * The result without the HTTP status and headers its errors ask for (a refusal's 400 or 429):
 * yoga leaves them out of HTTP responses, and a socket has no use for them. Undefined when there are none.
 */
function withoutHttpExtensions(result: ExecutionResult): FormattedExecutionResult | undefined {
  if (!result.errors?.some((error) => error.extensions.http)) return undefined;
  return {
    ...result,
    errors: result.errors.map((error) => withoutHttp(error).toJSON()),
  };
}

/**
 * graphql-ws's `next` message for operation `id` as a template a result's JSON is put in:
 * stringified and validated by graphql-ws once per operation rather than once per event.
 */
function nextMessage(id: string): (resultJson: string) => string {
  const empty = stringifyMessage({ id, type: MessageType.Next, payload: {} });
  // The payload is the message's last member: its `{}` is the last one.
  const at = empty.lastIndexOf('{}');
  const [head, tail] = [empty.slice(0, at), empty.slice(at + 2)];
  return (resultJson) => head + resultJson + tail;
}

/** The enveloped execute/subscribe, carried to graphql-ws's execute/subscribe through rootValue. */
type EnvelopedRoot = Pick<ReturnType<AnyYoga['getEnveloped']>, 'execute' | 'subscribe'>;

/** The upgrade request as a Fetch Request, so context code reads headers the same way for HTTP and WebSocket. */
function toFetchRequest(req: IncomingMessage, path: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  // POST: graphql-ws carries mutations too, and yoga runs a mutation only from a POST.
  return new Request(new URL(req.url ?? path, `http://${req.headers.host ?? 'localhost'}`), { method: 'POST', headers });
}
