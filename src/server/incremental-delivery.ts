import { BREAK, GraphQLError, Kind, visit, type DirectiveNode, type DocumentNode, type ValidationRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { useDeferStream } from '@graphql-yoga/plugin-defer-stream';

/** True for the directives yoga's defer-stream plugin delivers incrementally (graphql-jit ignores @defer and fails on @stream). */
export function isIncrementalDirective(name: string): boolean {
  return name === 'defer' || name === 'stream';
}

/** False for a directive turned off by its `if` argument (a literal, or a variable given `false`). */
function isOn({ arguments: args }: DirectiveNode, variables: Readonly<Record<string, unknown>> | undefined): boolean {
  const condition = args?.find((arg) => arg.name.value === 'if')?.value;
  if (condition?.kind === Kind.BOOLEAN) return condition.value;
  if (condition?.kind === Kind.VARIABLE && variables) return variables[condition.name.value] !== false;
  return true;
}

/**
 * True when the document uses @defer or @stream anywhere; given the request's variables, only
 * where its `if` does not turn it off (such an answer comes whole, as without the directive).
 */
export function usesDeferOrStream(document: DocumentNode, variables?: Readonly<Record<string, unknown>>): boolean {
  let found = false;
  visit(document, {
    Directive(node) {
      if (!isIncrementalDirective(node.name.value) || !isOn(node, variables)) return undefined;
      found = true;
      return BREAK;
    },
  });
  return found;
}

/**
 * Refuses @defer and @stream in subscriptions: each event is executed once for every subscriber of
 * a shared stream and delivered whole (shared-subscriptions.ts), so there is no later part to send.
 */
const NoIncrementalSubscriptions: ValidationRule = (context) => ({
  OperationDefinition(operation) {
    return operation.operation === 'subscription' ? undefined : false;
  },
  Directive(node) {
    if (!isIncrementalDirective(node.name.value)) return;
    context.reportError(
      new GraphQLError(`@${node.name.value} is not supported in subscriptions: each event is delivered whole.`, {
        nodes: node,
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      }),
    );
  },
});

/**
 * @defer and @stream (yoga's defer-stream plugin: its validation rules, and its directives where the
 * schema has none), delivered over HTTP `multipart/mixed`, SSE and graphql-ws. Documents using them
 * run on yoga's executor, not the compiled path (jit.ts).
 */
export function useIncrementalDelivery(): Plugin {
  return {
    onPluginInit({ addPlugin }) {
      addPlugin(useDeferStream() as Plugin);
    },
    onValidate({ addValidationRule }) {
      addValidationRule(NoIncrementalSubscriptions);
    },
  };
}
