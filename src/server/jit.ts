import { useGraphQlJit } from '@envelop/graphql-jit';
import { Kind, getOperationAST, getVariableValues, type ExecutionArgs } from 'graphql';
import type { Logger } from 'pino';
import type { Plugin } from 'graphql-yoga';
import { deferOrStreamInDocument } from './incremental-delivery.js';

/**
 * True for a document holding exactly one operation, a query. The plugin caches compiled
 * queries by document alone, so a document with several operations (GraphiQL's examples)
 * would run whichever was compiled first; mutations and subscriptions keep graphql's own
 * executor (serial mutations, the errors plugin's result unions, event streams).
 */
export function isSingleQuery({ document, operationName }: Pick<ExecutionArgs, 'document' | 'operationName'>): boolean {
  let operations = 0;
  for (const definition of document.definitions) if (definition.kind === Kind.OPERATION_DEFINITION) operations++;
  return operations === 1 && getOperationAST(document, operationName)?.operation === 'query';
}

/**
 * True when the request's variables coerce. graphql-jit reports bad variables as a plain
 * error list (HTTP 200, not located); those requests run through graphql's executor instead,
 * which answers them as before (HTTP 400 with locations). Operations without variables skip this.
 */
function variablesCoerce({ schema, document, operationName, variableValues }: ExecutionArgs): boolean {
  const definitions = getOperationAST(document, operationName)?.variableDefinitions;
  if (!definitions?.length) return true;
  return !getVariableValues(schema, definitions, variableValues ?? {}, { maxErrors: 1 }).errors;
}

/**
 * Runs queries through graphql-jit: each query document is compiled once into plain
 * JavaScript (no argument coercion or type checks per field at run time), about half the
 * CPU of interpreted execution for a page of objects. Results are stringified by yoga
 * (jit's own serializer cannot handle custom scalars); scalars still serialize through
 * their `serialize`. Its errors carry no AST nodes; the gateway's error mapping locates
 * them (see yoga.ts).
 */
export function useCompiledQueries(log: Logger): Plugin {
  const deferOrStream = deferOrStreamInDocument();
  return useGraphQlJit(
    { customJSONSerializer: false },
    {
      // @defer / @stream run on yoga's executor, which delivers them incrementally.
      enableIf: (args) => isSingleQuery(args) && !deferOrStream(args.document) && variablesCoerce(args),
      onError: (result) => log.error({ errors: result.errors }, 'graphql-jit could not compile a query'),
    },
  ) as Plugin;
}
