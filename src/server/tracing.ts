import { SpanKind, type TracerProvider } from '@opentelemetry/api';
import { getCurrentOtelContext, setCurrentOtelContext, useOpenTelemetry } from '@envelop/opentelemetry';
import type { Plugin } from 'graphql-yoga';
import type { GatewayTracing } from '../telemetry/tracing.js';

type Args = { contextValue?: unknown };

/** Attributes of @envelop/opentelemetry's operation spans. */
const DOCUMENT = 'graphql.execute.document';
const OPERATION_NAME = 'graphql.execute.operationName';
/** Longest operation name kept on a span (as in metric labels); longer ones are cut, marked with `…`. */
const MAX_OPERATION_NAME = 64;

/**
 * The provider @envelop/opentelemetry records operation spans with. Operation names are the client's,
 * up to a whole document long (MAX_DOCUMENT_LENGTH), and go in each span's name and attribute: they are
 * cut here, so a client cannot make every span it causes kilobytes long (held in the export queue, sent
 * to the tracing vendor). And @envelop/opentelemetry 9 records a subscription's document whatever
 * `document: false` says: that attribute is dropped here.
 */
function operationSpans(provider: TracerProvider): TracerProvider {
  return {
    getTracer(...args) {
      const tracer = provider.getTracer(...args);
      return {
        startSpan(name, options = {}, context) {
          const { [DOCUMENT]: _document, ...attributes } = options.attributes ?? {};
          const operation = attributes[OPERATION_NAME];
          if (typeof operation === 'string' && operation.length > MAX_OPERATION_NAME) {
            const cut = `${operation.slice(0, MAX_OPERATION_NAME)}…`;
            attributes[OPERATION_NAME] = cut;
            name = name.replace(operation, cut);
          }
          return tracer.startSpan(name, { ...options, attributes }, context);
        },
        startActiveSpan: tracer.startActiveSpan.bind(tracer),
      };
    },
  };
}

/**
 * A span per GraphQL operation (@envelop/opentelemetry with the gateway's provider, never a global
 * one), continuing the trace of the request's W3C `traceparent` (over graphql-ws: the upgrade
 * request's), with the operation's work running in that span's context so the Stripe calls it makes
 * are its children. Must come after the graphql-jit plugin: jit replaces execute, dropping any
 * wrapper set before it; and after the error mapping, since a failed operation's span records its
 * errors as this plugin sees them. Operations refused by the gates before execution get no span.
 */
export function useTracing(tracing: GatewayTracing): Plugin {
  const continueTrace = ({ args }: { args: Args }) => {
    const request = (args.contextValue as { request?: Request }).request;
    if (request) setCurrentOtelContext(args.contextValue, tracing.extract(request.headers));
  };
  /** Runs execute/subscribe in the context holding the operation's span (set by the plugin above it). */
  const inSpan =
    <A extends Args, R>(fn: (args: A) => R) =>
    (args: A): R =>
      tracing.run(getCurrentOtelContext(args.contextValue), () => fn(args));
  return {
    onPluginInit({ addPlugin }) {
      addPlugin({ onExecute: continueTrace, onSubscribe: continueTrace });
      // No document text, variables or results on spans: the operation's name and type only.
      addPlugin(useOpenTelemetry({ document: false, variables: false, result: false, resolvers: false }, operationSpans(tracing.provider), SpanKind.SERVER) as Plugin);
      addPlugin({
        onExecute: ({ executeFn, setExecuteFn }) => setExecuteFn(inSpan(executeFn)),
        onSubscribe: ({ subscribeFn, setSubscribeFn }) => setSubscribeFn(inSpan(subscribeFn)),
      });
    },
  };
}
