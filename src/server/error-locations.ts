import {
  GraphQLError,
  Kind,
  getOperationAST,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * The field nodes a response path points at (every selection of that response key,
 * through fragments), so an error raised there can say where in the query it happened.
 */
export function fieldNodesAt(document: DocumentNode, operationName: string | null | undefined, path: readonly (string | number)[]): FieldNode[] {
  const operation = getOperationAST(document, operationName);
  if (!operation) return [];
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  let sets: SelectionSetNode[] = [operation.selectionSet];
  let found: FieldNode[] = [];
  for (const key of path) {
    if (typeof key === 'number') continue; // list index: same field nodes
    found = [];
    const visited = new Set<string>();
    const collect = (set: SelectionSetNode): void => {
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          if ((selection.alias ?? selection.name).value === key) found.push(selection);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          collect(selection.selectionSet);
        } else if (!visited.has(selection.name.value)) {
          visited.add(selection.name.value);
          const fragment = fragments.get(selection.name.value);
          if (fragment) collect(fragment.selectionSet);
        }
      }
    };
    for (const set of sets) collect(set);
    sets = found.flatMap((field) => (field.selectionSet ? [field.selectionSet] : []));
  }
  return found;
}

/**
 * An execution error as graphql-js would have raised it: graphql-jit's errors come from
 * graphql's CommonJS build (so `instanceof GraphQLError` fails here) and carry no AST nodes,
 * hence no `locations`. Errors that already have their nodes are returned as they are.
 */
export function locatedError(error: GraphQLError, document: DocumentNode, operationName?: string | null): GraphQLError {
  if (error instanceof GraphQLError && (error.nodes || !error.path)) return error;
  const nodes = error.nodes ?? (error.path ? fieldNodesAt(document, operationName, error.path) : undefined);
  return new GraphQLError(error.message, {
    nodes: nodes?.length ? nodes : undefined,
    path: error.path,
    originalError: error.originalError ?? undefined,
    extensions: error.extensions,
  });
}
