import { getNamedType, type DocumentNode, type FieldNode, type GraphQLResolveInfo, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { Loaders } from '../stripe/loaders.js';
import { collectExpandPaths } from './expand.js';
import { SelectionWalker, usesConditions, type WalkScope } from './selection.js';
import { fragmentsOf, planUpstreamCost, type CostPlan } from './upstream-cost.js';

/**
 * What the gateway derives from query documents before and while they run, remembered with
 * the document so a compiled query pays for it once: one planner per gateway (per schema:
 * everything comes from its field extensions), nothing kept outside it.
 */
export interface QueryPlanner {
  /**
   * expand[] paths for the object (or, with list: true, the page of objects under
   * edges.node / nodes, prefixed 'data.') that the field at `info` returns, derived from
   * its selection set and the fields' StripeFieldExtensions. Paths deeper than Stripe's
   * 4 levels are left out (those objects are then loaded by id). Sorted, without duplicates.
   */
  expandPaths(info: GraphQLResolveInfo, opts: { list: boolean }): string[];
  /**
   * The upstream-cost plan of `operation` in `document`. `variables` matter only to
   * @skip/@include: without them the plan is kept for every request with the same document.
   */
  costPlan(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: WalkScope['variableValues']): CostPlan;
}

/** What resolving through the planner needs of a request's context (the gateway's Context has it). */
export interface PlanningContext {
  readonly loaders: Loaders;
  readonly planner: QueryPlanner;
}

interface ExpandEntry {
  list?: string[];
  object?: string[];
}

/** A planner with nothing remembered yet; the gateway makes one (server/yoga.ts) and puts it on every request's context. */
export function createQueryPlanner(): QueryPlanner {
  // Every item of a list resolves the same field nodes with the same variables: computed once.
  // A compiled query keeps its field nodes, and yoga hands every request with the same text
  // the same document, so an operation without @skip/@include shares one entry across requests.
  const expandMemo = new WeakMap<readonly FieldNode[], WeakMap<object, ExpandEntry>>();
  const conditional = new WeakMap<OperationDefinitionNode, boolean>();
  const costPlans = new WeakMap<OperationDefinitionNode, CostPlan>();
  // The variables key of every request whose operation has no @skip/@include.
  const anyVariables = {};

  const conditionsIn = (operation: OperationDefinitionNode, fragments: WalkScope['fragments']): boolean => {
    let found = conditional.get(operation);
    if (found === undefined) conditional.set(operation, (found = usesConditions(operation, fragments)));
    return found;
  };

  const expandEntry = (info: GraphQLResolveInfo): ExpandEntry => {
    let byVariables = expandMemo.get(info.fieldNodes);
    if (!byVariables) expandMemo.set(info.fieldNodes, (byVariables = new WeakMap()));
    const variables = conditionsIn(info.operation, info.fragments) ? info.variableValues : anyVariables;
    let entry = byVariables.get(variables);
    if (!entry) byVariables.set(variables, (entry = {}));
    return entry;
  };

  return {
    expandPaths(info, opts) {
      const entry = expandEntry(info);
      const slot = opts.list ? 'list' : 'object';
      return (entry[slot] ??= collectExpandPaths(new SelectionWalker(info), getNamedType(info.returnType), info.fieldNodes, opts));
    },

    costPlan(schema, document, operation, variables) {
      const kept = costPlans.get(operation);
      if (kept) return kept;
      const fragments = fragmentsOf(document);
      if (conditionsIn(operation, fragments)) return planUpstreamCost(schema, operation, fragments, variables);
      const plan = planUpstreamCost(schema, operation, fragments, {});
      costPlans.set(operation, plan);
      return plan;
    },
  };
}
