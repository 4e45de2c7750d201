import {
  BREAK,
  GraphQLError,
  Kind,
  getOperationAST,
  getVariableValues,
  visit,
  type ASTNode,
  type DirectiveNode,
  type DocumentNode,
  type ExecutionArgs,
  type FieldNode,
  type FragmentDefinitionNode,
  type FragmentSpreadNode,
  type InlineFragmentNode,
  type OperationDefinitionNode,
  type ValueNode,
  type ValidationRule,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { useDeferStream } from '@graphql-yoga/plugin-defer-stream';

/** True for the directives yoga's defer-stream plugin delivers incrementally (graphql-jit ignores @defer and fails on @stream). */
export function isIncrementalDirective(name: string): boolean {
  return name === 'defer' || name === 'stream';
}

/** The value of a directive's `if` argument: a literal, or a variable's (unknown without `variables`). */
function condition({ arguments: args }: DirectiveNode, variables: Readonly<Record<string, unknown>> | undefined): unknown {
  const value = args?.find((arg) => arg.name.value === 'if')?.value;
  if (value?.kind === Kind.BOOLEAN) return value.value;
  return value?.kind === Kind.VARIABLE && variables ? variables[value.name.value] : undefined;
}

/** False for a directive turned off by its `if` argument (a literal, or a variable given `false`). */
function isOn(directive: DirectiveNode, variables: Readonly<Record<string, unknown>> | undefined): boolean {
  return condition(directive, variables) !== false;
}

/** True for a selection @skip or @include leaves out (as execution does, before it looks at @defer). */
function isLeftOut({ directives }: { readonly directives?: readonly DirectiveNode[] }, variables: Readonly<Record<string, unknown>> | undefined): boolean {
  return !!directives?.some(
    (directive) =>
      (directive.name.value === 'skip' && condition(directive, variables) === true) || (directive.name.value === 'include' && condition(directive, variables) === false),
  );
}

/**
 * Calls `found` with each directive of `root` and, once each, of the fragments it spreads (a whole
 * document holds its fragments already), until `found` returns true. Selections `leftOut` names are
 * passed over; a spread it names is not followed.
 */
function eachDirective(
  document: DocumentNode,
  root: OperationDefinitionNode | DocumentNode,
  found: (directive: DirectiveNode) => boolean,
  leftOut: (node: FieldNode | InlineFragmentNode | FragmentSpreadNode) => boolean = () => false,
): void {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const pending: ASTNode[] = [root];
  const spread = new Set<string>();
  let done = false;
  const skip = (node: FieldNode | InlineFragmentNode) => (leftOut(node) ? false : undefined);
  const visitor = {
    Field: skip,
    InlineFragment: skip,
    FragmentSpread(node: FragmentSpreadNode) {
      if (leftOut(node)) return;
      const fragment = fragments.get(node.name.value);
      if (root.kind === Kind.OPERATION_DEFINITION && fragment && !spread.has(fragment.name.value)) {
        spread.add(fragment.name.value);
        pending.push(fragment);
      }
    },
    Directive(node: DirectiveNode) {
      if (!found(node)) return undefined;
      done = true;
      return BREAK;
    },
  };
  for (let next = pending.pop(); next && !done; next = pending.pop()) visit(next, visitor);
}

/**
 * True when the operation the request runs (`operationName`, or the document's only one) uses
 * @defer or @stream, in itself or a fragment it spreads; given the request's variables, only where
 * its `if` does not turn it off nor @skip/@include leave it out (such an answer comes whole, as
 * without the directive). The document's other operations do not count: they do not run. Without
 * a known operation, the whole document is searched.
 */
export function usesDeferOrStream(document: DocumentNode, variables?: Readonly<Record<string, unknown>>, operationName?: string | null): boolean {
  const operation = getOperationAST(document, operationName);
  // A variable the request leaves out has its default (`$later: Boolean = false`).
  if (variables && operation?.variableDefinitions?.length) {
    const defaults = operation.variableDefinitions.flatMap((d) => (d.defaultValue?.kind === Kind.BOOLEAN ? [[d.variable.name.value, d.defaultValue.value] as const] : []));
    if (defaults.length) variables = { ...Object.fromEntries(defaults), ...variables };
  }
  let uses = false;
  const incremental = (directive: DirectiveNode) => isIncrementalDirective(directive.name.value) && isOn(directive, variables);
  eachDirective(document, operation ?? document, (directive) => (uses ||= incremental(directive)), (node) => isLeftOut(node, variables));
  return uses;
}

/**
 * usesDeferOrStream(document) remembered per document: yoga caches parsed documents, so a hot
 * path scans each once. True when the directives appear anywhere in it.
 */
export function deferOrStreamInDocument(): (document: DocumentNode) => boolean {
  const scanned = new WeakMap<DocumentNode, boolean>();
  return (document) => {
    let found = scanned.get(document);
    if (found === undefined) scanned.set(document, (found = usesDeferOrStream(document)));
    return found;
  };
}

/**
 * Refuses @defer and @stream in subscriptions: each event is executed once for every subscriber of
 * a shared stream and delivered whole (shared-subscriptions.ts), so there is no later part to send.
 * A subscription's fragments are searched too, and only they: a query's fragment may defer.
 */
const NoIncrementalSubscriptions: ValidationRule = (context) => {
  const reported = new Set<DirectiveNode>();
  const report = {
    Directive(node: DirectiveNode) {
      if (!isIncrementalDirective(node.name.value) || reported.has(node)) return;
      reported.add(node);
      context.reportError(
        new GraphQLError(`@${node.name.value} is not supported in subscriptions: each event is delivered whole.`, {
          nodes: node,
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        }),
      );
    },
  };
  return {
    OperationDefinition(operation) {
      if (operation.operation === 'subscription') {
        for (const node of [operation, ...context.getRecursivelyReferencedFragments(operation)]) visit(node, report);
      }
      return false;
    },
    FragmentDefinition: () => false,
  };
};

/**
 * The @stream directives with an `initialCount` in `operation` and the fragments it spreads: the
 * document's other operations do not run.
 */
function streamsWithInitialCount(document: DocumentNode, operation: OperationDefinitionNode): DirectiveNode[] {
  const streams: DirectiveNode[] = [];
  eachDirective(document, operation, (directive) => {
    if (directive.name.value === 'stream' && directive.arguments?.some((arg) => arg.name.value === 'initialCount')) streams.push(directive);
    return false;
  });
  return streams;
}

/**
 * A refusal for a negative @stream `initialCount` (written, or a variable's value): yoga's executor
 * throws a plain Error there, after the list's upstream call, and the client got INTERNAL_SERVER_ERROR.
 * A @stream its `if` turns off is not looked at (execution ignores it, initialCount included).
 */
function negativeInitialCount(args: ExecutionArgs, operation: OperationDefinitionNode, streams: readonly DirectiveNode[]): GraphQLError | null {
  let variables: Record<string, unknown> | undefined;
  const valueOf = (node: ValueNode | undefined): unknown => {
    if (node?.kind === Kind.INT) return Number(node.value);
    if (node?.kind === Kind.BOOLEAN) return node.value;
    if (node?.kind !== Kind.VARIABLE) return undefined;
    // Coerced as execution coerces them (defaults included); variables that do not coerce are execution's to refuse.
    variables ??= getVariableValues(args.schema, operation.variableDefinitions ?? [], args.variableValues ?? {}, { maxErrors: 1 }).coerced ?? {};
    return variables[node.name.value];
  };
  for (const stream of streams) {
    const argument = (name: string) => stream.arguments?.find((arg) => arg.name.value === name)?.value;
    if (valueOf(argument('if')) === false) continue;
    const count = argument('initialCount');
    const value = valueOf(count);
    if (count && typeof value === 'number' && value < 0) {
      return new GraphQLError(`@stream's \`initialCount\` must be 0 or more; got ${value}.`, {
        nodes: count,
        extensions: { code: 'BAD_USER_INPUT', argument: 'initialCount', http: { status: 400 } },
      });
    }
  }
  return null;
}

/**
 * @defer and @stream (yoga's defer-stream plugin: its validation rules, and its directives where the
 * schema has none), delivered over HTTP `multipart/mixed`, SSE and graphql-ws. Documents using them
 * run on yoga's executor, not the compiled path (jit.ts).
 */
export function useIncrementalDelivery(): Plugin {
  // Operations are those of yoga's cached documents: each is scanned once.
  const initialCounts = new WeakMap<OperationDefinitionNode, DirectiveNode[]>();
  return {
    onPluginInit({ addPlugin }) {
      addPlugin(useDeferStream() as Plugin);
    },
    onValidate({ addValidationRule }) {
      addValidationRule(NoIncrementalSubscriptions);
    },
    // Before the input checks and the cost gate (registered before them): nothing is called or spent.
    onExecute({ args, setResultAndStopExecution }) {
      const operation = getOperationAST(args.document, args.operationName);
      if (!operation) return; // execution answers it
      let streams = initialCounts.get(operation);
      if (!streams) initialCounts.set(operation, (streams = streamsWithInitialCount(args.document, operation)));
      const error = streams.length ? negativeInitialCount(args, operation, streams) : null;
      if (error) setResultAndStopExecution({ errors: [error] });
    },
  };
}
