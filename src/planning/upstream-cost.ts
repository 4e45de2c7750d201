import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  isAbstractType,
  isListType,
  isObjectType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { collectExpandPaths } from './expand.js';
import { isConnectionType, SelectionWalker, type SelectedField, type SelectionSink, type StripeFieldExtensions, type WalkScope } from './selection.js';
import { DEFAULT_PAGE_SIZE, EMBEDDED_LIST_SIZE, MAX_PAGE_SIZE } from './pagination.js';
import { typeNameForId } from '../stripe/ids.js';
import { userError } from '../stripe/errors.js';

/**
 * The upstream calls an operation can make, planned from its document before it runs, with
 * the same walk over selections that decides expand[] (selection.ts, expand.ts): what Stripe expands costs
 * nothing, everything else is a call. A plan depends on variables only through @skip/@include;
 * list sizes and ids are read from the arguments when it is estimated.
 */
export interface CostPlan {
  readonly sites: readonly RootSite[];
}

/** `nodes(ids:)` takes at most this many ids (Stripe has no batch get: each is a call). */
export const MAX_NODE_IDS = 100;

/**
 * A mutation field's calls besides what its payload's selection loads: the write, and up to
 * two reads (a refusal's current status or remainder; reversePayout and createTransferReversal
 * read the object they return besides the write's result).
 */
export const MUTATION_CALLS = 3;

/** The calls the selection on one object makes beyond the fetch that brought it. */
interface ObjectPlan {
  /** Objects loaded by one call each; `ref` is the Stripe key holding the id, for a field of the object itself. */
  readonly loads: readonly { readonly ref?: string; readonly plan: ObjectPlan }[];
  readonly lists: readonly ListPlan[];
  /** Plain nested objects (one per object) with calls under them. */
  readonly nested: readonly ObjectPlan[];
}

/** A connection: one list call per parent object, unless Stripe embedded its first page. */
interface ListPlan {
  readonly field: GraphQLField<unknown, unknown>;
  readonly node: FieldNode;
  /** Per item: one plan per `edges.node` / `nodes` selection. */
  readonly items: readonly ObjectPlan[];
  /** Per item when served from the list Stripe embeds in the parent. */
  readonly embedded?: readonly ObjectPlan[];
  /** Stripe keys whose id all items share (stripeFilteredBy): such a load is made once per list. */
  readonly shared: ReadonlySet<string>;
}

type RootSite =
  /** A root field fetching one object by its arguments: identical fetches share one loader call. */
  | { readonly kind: 'fetch'; readonly field: GraphQLField<unknown, unknown>; readonly node: FieldNode; readonly typeName: string; readonly expand: string; readonly plan: ObjectPlan }
  /** node(id:) / nodes(ids:): one fetch per id, of the type its prefix names. */
  | {
      readonly kind: 'nodes';
      readonly field: GraphQLField<unknown, unknown>;
      readonly node: FieldNode;
      readonly many: boolean;
      readonly byType: ReadonlyMap<string, { readonly expand: string; readonly plan: ObjectPlan }>;
    }
  | { readonly kind: 'list'; readonly list: ListPlan }
  /** A mutation (its write and reads) or a subscription (a retrieve per object it names when it starts). */
  | { readonly kind: 'fixed'; readonly calls: number; readonly plan: ObjectPlan };

const NOTHING: ObjectPlan = { loads: [], lists: [], nested: [] };

/** Builds one operation's plan; objects' plans are shared per (type, selection, expand depth), so the plan stays as small as the document. */
class Planner {
  private readonly walker: SelectionWalker;
  private readonly memo = new Map<string, ObjectPlan>();
  private readonly nodeIds = new Map<FieldNode, number>();

  constructor(private readonly scope: WalkScope) {
    this.walker = new SelectionWalker(scope);
  }

  private keyOf(type: GraphQLNamedType, nodes: readonly FieldNode[], prefix: string | null): string {
    const ids = nodes.map((node) => {
      let id = this.nodeIds.get(node);
      if (id === undefined) this.nodeIds.set(node, (id = this.nodeIds.size));
      return id;
    });
    // Only the depth of the prefix changes what is expanded (Stripe's 4-level limit).
    return `${type.name}|${prefix === null ? '-' : prefix.split('.').length}|${ids.join(',')}`;
  }

  object(type: GraphQLNamedType, nodes: readonly FieldNode[], prefix: string | null): ObjectPlan {
    const key = this.keyOf(type, nodes, prefix);
    const cached = this.memo.get(key);
    if (cached) return cached;
    const loads: { ref?: string; plan: ObjectPlan }[] = [];
    const lists: ListPlan[] = [];
    const nested: ObjectPlan[] = [];
    const sink: SelectionSink = {
      expand: () => {},
      load: ({ field, type: child, nodes: childNodes }, viaParent, at) => {
        const ref = at === prefix ? (field.extensions as StripeFieldExtensions).stripeRef : undefined;
        // A load by id asks for the expands of its own selection; one via the parent gets only the field.
        loads.push({ ref, plan: this.object(child, childNodes, viaParent ? null : '') });
      },
      connection: (selected, embedded) => lists.push(this.list(selected, embedded)),
      plain: ({ type: child, nodes: childNodes }) => {
        const plan = this.object(child, childNodes, null);
        if (plan !== NOTHING) nested.push(plan);
      },
    };
    this.walker.object(type, nodes, prefix, sink);
    const plan = loads.length || lists.length || nested.length ? { loads, lists, nested } : NOTHING;
    this.memo.set(key, plan);
    return plan;
  }

  list({ field, type, nodes }: SelectedField, embedded?: { prefix: string | null }): ListPlan {
    const items: ObjectPlan[] = [];
    const embeddedItems: ObjectPlan[] = [];
    this.walker.connectionNodes(type, nodes, (nodeType, nodeNodes) => {
      items.push(this.object(nodeType, nodeNodes, 'data.'));
      if (embedded) embeddedItems.push(this.object(nodeType, nodeNodes, embedded.prefix));
    });
    const shared = new Set(Object.keys((field.extensions as StripeFieldExtensions).stripeFilteredBy ?? {}));
    return { field, node: nodes[0], items, embedded: embedded ? embeddedItems : undefined, shared };
  }

  private expandKey(type: GraphQLNamedType, nodes: readonly FieldNode[]): string {
    return collectExpandPaths(this.walker, type, nodes, { list: false }).join(',');
  }

  root(operation: OperationDefinitionNode): CostPlan {
    const rootType = this.scope.schema.getRootType(operation.operation);
    if (!rootType) return { sites: [] };
    const sites: RootSite[] = [];
    for (const selected of this.walker.selectedFields(rootType, [operation])) {
      const { field, type, nodes } = selected;
      if (operation.operation === 'mutation') {
        sites.push({ kind: 'fixed', calls: MUTATION_CALLS, plan: this.object(type, nodes, null) });
      } else if (operation.operation === 'subscription') {
        // Per-object subscriptions retrieve the object they name once, to refuse an unknown id; then
        // each event resolves the selection from the event's snapshot: the plan prices one event, so a
        // subscription whose every event would cost more than a request may is refused when it starts.
        const named = field.args.filter((arg) => getNamedType(arg.type).name === 'ID' && !isListType(getNullableType(arg.type))).length;
        sites.push({ kind: 'fixed', calls: named, plan: this.object(type, nodes, null) });
      } else if (isConnectionType(type)) {
        sites.push({ kind: 'list', list: this.list(selected) });
      } else if (isAbstractType(type)) {
        const byType = new Map<string, { expand: string; plan: ObjectPlan }>();
        for (const concrete of this.walker.concreteTypes(type)) {
          byType.set(concrete.name, { expand: this.expandKey(concrete, nodes), plan: this.object(concrete, nodes, '') });
        }
        sites.push({ kind: 'nodes', field, node: nodes[0], many: isListType(getNullableType(field.type)), byType });
      } else if (isObjectType(type)) {
        sites.push({ kind: 'fetch', field, node: nodes[0], typeName: type.name, expand: this.expandKey(type, nodes), plan: this.object(type, nodes, '') });
      }
    }
    return { sites };
  }
}

/** The fragments of a document by name. */
export function fragmentsOf(document: { readonly definitions: readonly { readonly kind: Kind }[] }): Record<string, FragmentDefinitionNode> {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      const fragment = definition as FragmentDefinitionNode;
      fragments[fragment.name.value] = fragment;
    }
  }
  return fragments;
}

/**
 * The cost plan of `operation`. `variableValues` matter only to @skip/@include (see
 * usesConditions): without them the plan can be kept for every request with the same document
 * (QueryPlanner.costPlan keeps it).
 */
export function planUpstreamCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variableValues: WalkScope['variableValues'],
): CostPlan {
  return new Planner({ schema, fragments, variableValues }).root(operation);
}

type Args = Record<string, unknown>;

function pageSize(args: Args): number {
  const size = (args.first ?? args.last ?? DEFAULT_PAGE_SIZE) as number;
  return Math.min(Math.max(size, 1), MAX_PAGE_SIZE);
}

/** True when the page is served from the list Stripe embeds in the parent (transfer.ts' embeddedReversalPage). */
function servedEmbedded(args: Args): boolean {
  return args.after == null && args.before == null && args.last == null && pageSize(args) <= EMBEDDED_LIST_SIZE;
}

/** Evaluates a plan with one request's (coerced) variables. */
class Estimate {
  private readonly units = new Map<ObjectPlan, number>();

  constructor(private readonly variables: WalkScope['variableValues']) {}

  args(field: GraphQLField<unknown, unknown>, node: FieldNode): Args {
    return getArgumentValues(field, node, this.variables);
  }

  /** Calls per object for the selection on it. */
  unit(plan: ObjectPlan): number {
    let calls = this.units.get(plan);
    if (calls === undefined) {
      calls = 0;
      for (const load of plan.loads) calls += 1 + this.unit(load.plan);
      for (const nested of plan.nested) calls += this.unit(nested);
      for (const list of plan.lists) calls += this.list(list);
      this.units.set(plan, calls);
    }
    return calls;
  }

  list(list: ListPlan): number {
    const args = this.args(list.field, list.node);
    const size = pageSize(args);
    const embedded = list.embedded && servedEmbedded(args);
    let calls = embedded ? 0 : 1;
    for (const item of (embedded ? list.embedded : list.items) ?? []) {
      let shared = 0;
      for (const load of item.loads) if (load.ref && list.shared.has(load.ref)) shared += 1 + this.unit(load.plan);
      calls += size * (this.unit(item) - shared) + shared;
    }
    return calls;
  }
}

/**
 * The most upstream calls the planned operation can make with these (coerced) variables:
 * lists count `first`/`last` items (default 10, at most 100); loads Stripe cannot expand count
 * once per object above them; root fetches of the same object with the same expand[] count once
 * (the request's loaders make one call for them). Throws BAD_USER_INPUT for more than
 * MAX_NODE_IDS ids in `nodes(ids:)`.
 */
export function estimateUpstreamCalls(plan: CostPlan, variables: WalkScope['variableValues']): number {
  const estimate = new Estimate(variables);
  const fetched = new Set<string>();
  const fetch = (typeName: string, args: Args, expand: string): number => {
    const key = `${typeName} ${JSON.stringify(args)} ${expand}`;
    if (fetched.has(key)) return 0;
    fetched.add(key);
    return 1;
  };
  let calls = 0;
  for (const site of plan.sites) {
    if (site.kind === 'fetch') {
      calls += fetch(site.typeName, estimate.args(site.field, site.node), site.expand) + estimate.unit(site.plan);
    } else if (site.kind === 'nodes') {
      const args = estimate.args(site.field, site.node);
      const ids = (site.many ? args.ids : [args.id]) as string[];
      if (ids.length > MAX_NODE_IDS) {
        throw userError('BAD_USER_INPUT', `\`nodes\` takes at most ${MAX_NODE_IDS} ids (each is an upstream call); got ${ids.length}.`, {
          argument: 'ids',
        });
      }
      for (const id of ids) {
        const typeName = typeNameForId(id);
        const entry = site.byType.get(typeName);
        // An id no type owns is refused before any call.
        if (entry) calls += fetch(typeName, { id }, entry.expand) + estimate.unit(entry.plan);
      }
    } else if (site.kind === 'list') {
      calls += estimate.list(site.list);
    } else {
      calls += site.calls + estimate.unit(site.plan);
    }
  }
  return Math.min(calls, Number.MAX_SAFE_INTEGER);
}
