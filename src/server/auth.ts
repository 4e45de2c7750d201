import { GraphQLError } from 'graphql';
import { isAsyncIterable, shouldRenderGraphiQL, type Plugin } from 'graphql-yoga';
import type { Authenticator } from '../auth/authenticator.js';
import type { Principal } from '../auth/principal.js';
import type { Context } from '../context.js';
import { errorResponse } from './error-response.js';
import { endingWhen } from './ending-stream.js';

/** Where the principals verified by useAuthentication wait for the context factory, per request. */
export type VerifiedPrincipals = WeakMap<Request, Principal>;

/** RFC 6750: a Bearer challenge, with `invalid_token` when a credential was sent and refused. */
function challenge(tokenGiven: boolean): string {
  return tokenGiven ? 'Bearer realm="stripe-graphql-gateway", error="invalid_token"' : 'Bearer realm="stripe-graphql-gateway"';
}

/**
 * Authenticates every GraphQL request over HTTP (queries, mutations, SSE subscriptions) from its
 * `Authorization` header before the body is parsed: a missing or refused credential is HTTP 401
 * with `WWW-Authenticate: Bearer` and UNAUTHENTICATED, and nothing is parsed or executed.
 * GraphiQL's page itself (a GET asking for HTML) is public; the operations it sends are not.
 * graphql-ws connections authenticate once, at `connection_init` (server/ws.ts).
 */
export function useAuthentication(opts: { authenticator: Authenticator; graphqlEndpoint: string; verified: VerifiedPrincipals }): Plugin {
  const { authenticator, graphqlEndpoint, verified } = opts;
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== graphqlEndpoint || request.method === 'OPTIONS' || shouldRenderGraphiQL(request)) return;
      const outcome = await authenticator.authenticate(request.headers.get('authorization'));
      if (outcome.ok) {
        verified.set(request, outcome.principal);
        return;
      }
      endResponse(
        errorResponse(fetchAPI, 401, outcome.reason, { code: 'UNAUTHENTICATED' }, { 'www-authenticate': challenge(outcome.tokenGiven) }),
      );
    },
  };
}

/** The error for an execution that reached the context without a verified principal (a path that skipped authentication). */
export function unauthenticated(): GraphQLError {
  return new GraphQLError('Authentication required.', {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401, headers: { 'www-authenticate': challenge(false) } } },
  });
}

/**
 * Ends a subscription when the credential it was opened with expires (a JWT's `exp`), on every
 * transport; the client resubscribes with a fresh token. graphql-ws connections are also closed
 * then (server/ws.ts), so a client library reconnects with new connection params.
 */
export function useCredentialExpiry(now: () => number = Date.now): Plugin<Context> {
  return {
    onSubscribe: ({ args }) => ({
      onSubscribeResult({ result, setResult }) {
        const expiresAt = args.contextValue.principal.expiresAt;
        if (expiresAt === undefined || !isAsyncIterable(result)) return;
        setResult(
          endingWhen(result, (stop) => {
            const timer = setTimeout(stop, timerDelay(expiresAt - now()));
            return () => clearTimeout(timer);
          }),
        );
      },
    }),
  };
}

/** setTimeout's limit is 2^31-1 ms: a longer delay would fire at once. */
const MAX_DELAY = 2_147_483_647;

/** A setTimeout delay for `ms`: never negative, and a credential valid for weeks never fires at once. */
export function timerDelay(ms: number): number {
  return Math.max(0, Math.min(ms, MAX_DELAY));
}
