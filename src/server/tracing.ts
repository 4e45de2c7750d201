import { SpanKind } from '@opentelemetry/api';
import { getCurrentOtelContext, setCurrentOtelContext, useOpenTelemetry } from '@envelop/opentelemetry';
import type { Plugin } from 'graphql-yoga';
import type { GatewayTracing } from '../telemetry/tracing.js';

type Args = { contextValue?: unknown };

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
      addPlugin(useOpenTelemetry({ document: false, variables: false, result: false, resolvers: false }, tracing.provider, SpanKind.SERVER) as Plugin);
      addPlugin({
        onExecute: ({ executeFn, setExecuteFn }) => setExecuteFn(inSpan(executeFn)),
        onSubscribe: ({ subscribeFn, setSubscribeFn }) => setSubscribeFn(inSpan(subscribeFn)),
      });
    },
  };
}
