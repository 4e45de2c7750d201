import {
  GraphQLError,
  getOperationAST,
  getVariableValues,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { handleStreamOrSingleExecutionResult, type Plugin } from 'graphql-yoga';
import type { Context } from '../context.js';
import type { QueryPlanner } from '../planning/planner.js';
import { estimateUpstreamCalls } from '../planning/upstream-cost.js';

/** What a gate before execution needs (yoga's onExecute and onSubscribe payloads both have it). */
export interface GatePayload {
  args: ExecutionArgs & { contextValue: Context };
  setResultAndStopExecution: (result: ExecutionResult) => void;
}

function costExtensions(ctx: Context): { cost: { estimated: number | null; actual: number } } {
  return { cost: { estimated: ctx.upstream.estimated, actual: ctx.upstream.made() } };
}

/** A refusal before execution: the error with its HTTP status, and the cost so far (nothing made). */
export function refuse(payload: GatePayload, error: GraphQLError): void {
  payload.setResultAndStopExecution({ errors: [error], extensions: costExtensions(payload.args.contextValue) });
}

/** The request's variables as execution will see them; null when they do not coerce (execution then refuses them, before any call). */
function coercedVariables(schema: GraphQLSchema, operation: OperationDefinitionNode, raw: ExecutionArgs['variableValues']) {
  if (!operation.variableDefinitions?.length) return {};
  const { coerced } = getVariableValues(schema, operation.variableDefinitions, raw ?? {}, { maxErrors: 1 });
  return coerced ?? null;
}

/**
 * The upstream-cost budget. Before an operation executes (HTTP, SSE and graphql-ws alike),
 * estimates the most upstream calls it can make from its document and variables (see
 * planning/upstream-cost.ts) and refuses it above `budget` with QUERY_TOO_EXPENSIVE (HTTP 400,
 * `extensions.cost { estimated, budget }`), before any call. The estimate is kept in
 * `ctx.upstream` for the rate limit; every query and mutation result carries
 * `extensions.cost { estimated, actual }` (on the last payload of an incremental answer), actual being
 * the calls the request really made.
 * `planner` keeps plans per document and operation unless @skip/@include make them depend on variables.
 */
export function useUpstreamCost(budget: number, planner: QueryPlanner): Plugin<Context> {
  const gate = (payload: GatePayload): void => {
    const { args } = payload;
    const operation = getOperationAST(args.document, args.operationName);
    if (!operation) return; // execution answers it, without a call
    const variables = coercedVariables(args.schema, operation, args.variableValues);
    if (!variables) return;
    let estimated: number;
    try {
      estimated = estimateUpstreamCalls(planner.costPlan(args.schema, args.document, operation, variables), variables);
    } catch (err) {
      if (!(err instanceof GraphQLError)) throw err;
      refuse(payload, new GraphQLError(err.message, { extensions: { ...err.extensions, http: { status: 400 } } }));
      return;
    }
    args.contextValue.upstream.estimated = estimated;
    if (estimated <= budget) return;
    refuse(
      payload,
      new GraphQLError(
        `This operation could make up to ${estimated} upstream calls to Stripe; one request may make at most ${budget}. ` +
          'Ask for smaller pages (first/last), fewer ids or aliases, or split it into several requests.',
        { extensions: { code: 'QUERY_TOO_EXPENSIVE', cost: { estimated, budget }, http: { status: 400 } } },
      ),
    );
  };

  return {
    onExecute(payload) {
      gate(payload);
      return {
        // On the answer, or with @defer / @stream on its last payload, once every call is made.
        onExecuteDone: (done) =>
          handleStreamOrSingleExecutionResult(done, ({ args, result, setResult }) => {
            if ((result as { hasNext?: boolean }).hasNext) return;
            setResult({ ...result, extensions: { ...result.extensions, ...costExtensions(args.contextValue as Context) } });
          }),
      };
    },
    onSubscribe(payload) {
      gate(payload);
    },
  };
}
