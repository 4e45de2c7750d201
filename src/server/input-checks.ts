import {
  BREAK,
  GraphQLError,
  Kind,
  TypeInfo,
  getNamedType,
  getNullableType,
  getOperationAST,
  isInputObjectType,
  isListType,
  typeFromAST,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type ExecutionArgs,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { MAX_ID_LENGTH } from '../stripe/ids.js';

/** A UTF-16 surrogate not paired with its other half: not Unicode, and the SDK's form encoding throws on it. */
const LONE_SURROGATE = /\p{Surrogate}/u;

const isId = (type: GraphQLInputType | null | undefined): boolean => !!type && getNamedType(type).name === 'ID';

function badInput(message: string, extensions: Record<string, string>): GraphQLError {
  // 400, as for a variable that does not fit its type: the request is refused before execution.
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...extensions, http: { status: 400 } } });
}

/** Deeper than any input type here nests (and far from the walk's stack limit). */
const MAX_NESTING = 32;

interface Problem {
  path: string[];
  what: string;
}

/** The first problem in a variable's raw value, walked along its declared type where it has one (JSON scalars are walked without). */
function problemIn(value: unknown, type: GraphQLInputType | null, path: string[]): Problem | null {
  if (typeof value === 'string') {
    if (LONE_SURROGATE.test(value)) return { path, what: 'contains a lone UTF-16 surrogate (not valid Unicode)' };
    if (isId(type) && value.length > MAX_ID_LENGTH) return { path, what: `is longer than ${MAX_ID_LENGTH} characters, which no Stripe id is` };
    return null;
  }
  if (value === null || typeof value !== 'object') return null;
  if (path.length > MAX_NESTING) return { path: path.slice(0, 3), what: `is nested deeper than ${MAX_NESTING} levels, which no input of this API is` };
  const nullable = type && getNullableType(type);
  if (Array.isArray(value)) {
    const item = nullable && isListType(nullable) ? (nullable.ofType as GraphQLInputType) : null;
    for (let i = 0; i < value.length; i++) {
      const found = problemIn(value[i], item, [...path, String(i)]);
      if (found) return found;
    }
    return null;
  }
  const fields = nullable && isInputObjectType(nullable) ? nullable.getFields() : undefined;
  for (const [key, child] of Object.entries(value)) {
    if (LONE_SURROGATE.test(key)) return { path, what: 'has a key with a lone UTF-16 surrogate (not valid Unicode)' };
    const found = problemIn(child, fields?.[key]?.type ?? null, [...path, key]);
    if (found) return found;
  }
  return null;
}

/** The first variable of the operation whose value holds a problem. */
function checkVariables({ schema, document, operationName, variableValues }: ExecutionArgs): GraphQLError | null {
  const definitions = getOperationAST(document, operationName)?.variableDefinitions;
  if (!definitions?.length || !variableValues) return null;
  for (const definition of definitions) {
    const name = definition.variable.name.value;
    const type = (typeFromAST(schema, definition.type) as GraphQLInputType | undefined) ?? null;
    const found = problemIn(variableValues[name], type, [name]);
    if (found) {
      const variable = found.path.join('.');
      return badInput(`Variable "$${variable}" ${found.what}.`, { variable });
    }
  }
  return null;
}

/**
 * The first ID argument written in the document that is too long to be an id. (A lone surrogate
 * cannot be written in a document: graphql's lexer refuses it.)
 */
function checkLiterals(schema: GraphQLSchema, document: DocumentNode): GraphQLError | null {
  let found: GraphQLError | null = null;
  const typeInfo = new TypeInfo(schema);
  const visitor = (node: { value: string }) => {
    if (!isId(typeInfo.getInputType()) || node.value.length <= MAX_ID_LENGTH) return undefined;
    const argument = typeInfo.getArgument()?.name ?? '';
    found = badInput(`Argument "${argument}" holds an id longer than ${MAX_ID_LENGTH} characters, which no Stripe id is.`, { argument });
    return BREAK;
  };
  visit(document, visitWithTypeInfo(typeInfo, { [Kind.STRING]: visitor, [Kind.INT]: visitor }));
  return found;
}

/**
 * Refuses, before anything runs (queries, mutations and subscriptions alike, over HTTP and
 * WebSocket), input no resolver should see: a string anywhere in the variables holding a lone
 * UTF-16 surrogate (the SDK's form encoding would throw, an internal error), and an ID longer than
 * any Stripe id, given in a variable or written in the document. One place for every string
 * input, so no resolver, id check or mutation rule has to remember it. The literal check depends
 * on the document alone and is remembered per document (yoga reuses parsed documents).
 */
export function useInputChecks(): Plugin {
  const literalChecks = new WeakMap<DocumentNode, GraphQLError | null>();
  const check = (args: ExecutionArgs): GraphQLError | null => {
    let literal = literalChecks.get(args.document);
    if (literal === undefined) literalChecks.set(args.document, (literal = checkLiterals(args.schema, args.document)));
    return literal ?? checkVariables(args);
  };
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const error = check(args);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const error = check(args);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
  };
}
