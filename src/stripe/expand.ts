import {
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  getDirectiveValues,
  getNamedType,
  isAbstractType,
  isCompositeType,
  isObjectType,
  type DirectiveNode,
  type FieldNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  visit,
} from 'graphql';
import type { Context } from '../context.js';
import type { ResourceKind, ResourceTypes } from './resources.js';

/**
 * Field extensions the schema puts on fields so that expand paths (and the upstream
 * calls a selection costs, see upstream-cost.ts) can be derived from a selection set
 * (no separate map to keep in sync):
 * - `stripeExpand: 'balance_transaction'` on a field returning an expandable object
 *   (the field whose value is an id unless Stripe expands it);
 * - `stripeViaParent: true` beside it when, not expanded, the field is read by fetching
 *   the parent again with only that field expanded (its own nested objects then come as ids);
 * - `stripeRef: 'financial_account'` on a field returning an object Stripe cannot expand
 *   there: it is always loaded by id;
 * - `stripeField: 'returned_details'` on a field returning a plain nested hash that
 *   contains expandable fields (so 'returned_details.transaction' can be built);
 * - `stripeList: 'reversals'` on a connection field over an embedded list (transfer.reversals);
 * - `stripeFilteredBy: { financial_account: 'financialAccount' }` on a connection whose items
 *   all hold, under that Stripe key, the id given as that argument (the list is filtered by it).
 * Values may themselves be dotted ('returned_details.transaction').
 */
export interface StripeFieldExtensions {
  stripeExpand?: string;
  stripeViaParent?: boolean;
  stripeRef?: string;
  stripeField?: string;
  stripeList?: string;
  stripeFilteredBy?: Readonly<Record<string, string>>;
}

/** Stripe rejects expand paths deeper than this; deeper objects are fetched by id through the loaders. */
export const MAX_EXPAND_DEPTH = 4;

type Variables = GraphQLResolveInfo['variableValues'];

/** What a walk needs of an operation (a GraphQLResolveInfo has it). */
export type WalkScope = Pick<GraphQLResolveInfo, 'schema' | 'fragments' | 'variableValues'>;

/** A selected field: its definition and the field nodes selecting it under one response key. */
export interface SelectedField {
  readonly field: GraphQLField<unknown, unknown>;
  readonly type: GraphQLNamedType;
  readonly nodes: readonly FieldNode[];
}

/**
 * What a walk over the selection on one object reports. The object was fetched with
 * expand[] paths under a prefix ('data.' for a list item), or with none reaching it (null).
 */
export interface SelectionSink {
  /** Stripe expands `path` in the fetch that brought the object. */
  expand(path: string): void;
  /**
   * The field's object needs an upstream call of its own, once per walked object: it is not
   * expandable there, lies beyond Stripe's 4 levels, or its parent came without expand[].
   * `viaParent`: that call fetches the parent again with only this field expanded.
   * `at`: the prefix of the object holding the field (the walked object's own, or a deeper one
   * for a field of an object expanded inside it).
   */
  load(selected: SelectedField, viaParent: boolean, at: string | null): void;
  /** A connection field; `embedded` when Stripe embeds the list in the object, with where its items sit (null: unexpanded). */
  connection(selected: SelectedField, embedded?: { prefix: string | null }): void;
  /** A composite field with no Stripe mapping (a plain hash, a payload's object): no expand[] reaches under it. */
  plain(selected: SelectedField): void;
}

/** True for a Relay connection type (edges and pageInfo). */
export function isConnectionType(type: GraphQLNamedType): boolean {
  return isObjectType(type) && 'edges' in type.getFields() && 'pageInfo' in type.getFields();
}

/** The walk over one operation's selections: fragments, type conditions and @skip/@include resolved. */
export class SelectionWalker {
  constructor(private readonly scope: WalkScope) {}

  private get schema(): GraphQLSchema {
    return this.scope.schema;
  }

  private included(node: { readonly directives?: readonly DirectiveNode[] }): boolean {
    const variables: Variables = this.scope.variableValues;
    if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.if === true) return false;
    return getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false;
  }

  private conditionMatches(typeName: string | undefined, type: GraphQLObjectType): boolean {
    if (!typeName || typeName === type.name) return true;
    const condition = this.schema.getType(typeName);
    return !!condition && isAbstractType(condition) && this.schema.isSubType(condition, type);
  }

  /**
   * Field nodes selected on `type` across `parents`, grouped by response key as execution
   * groups them (each key is resolved once per object; aliases of one field are separate keys).
   */
  private fieldsOn(type: GraphQLObjectType, parents: readonly { readonly selectionSet?: SelectionSetNode }[]): Map<string, FieldNode[]> {
    const byKey = new Map<string, FieldNode[]>();
    const visited = new Set<string>();
    const collect = (set: SelectionSetNode | undefined): void => {
      for (const selection of set?.selections ?? []) {
        if (!this.included(selection)) continue;
        if (selection.kind === Kind.FIELD) {
          const key = selection.alias?.value ?? selection.name.value;
          const list = byKey.get(key) ?? [];
          list.push(selection);
          byKey.set(key, list);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          if (this.conditionMatches(selection.typeCondition?.name.value, type)) collect(selection.selectionSet);
        } else {
          const name = selection.name.value;
          const fragment = this.scope.fragments[name];
          if (visited.has(name) || !fragment) continue;
          visited.add(name);
          if (this.conditionMatches(fragment.typeCondition.name.value, type)) collect(fragment.selectionSet);
        }
      }
    };
    for (const parent of parents) collect(parent.selectionSet);
    return byKey;
  }

  /** The fields selected on `type`, with their definitions (introspection fields left out). */
  selectedFields(type: GraphQLObjectType, parents: readonly { readonly selectionSet?: SelectionSetNode }[]): SelectedField[] {
    const fields = type.getFields();
    const selected: SelectedField[] = [];
    for (const nodes of this.fieldsOn(type, parents).values()) {
      const field = fields[nodes[0].name.value];
      if (field) selected.push({ field, type: getNamedType(field.type), nodes });
    }
    return selected;
  }

  concreteTypes(type: GraphQLNamedType): readonly GraphQLObjectType[] {
    if (isObjectType(type)) return [type];
    return isAbstractType(type) ? this.schema.getPossibleTypes(type) : [];
  }

  /** Calls `visit` with each object position under a connection: `edges.node` and `nodes`. */
  connectionNodes(
    type: GraphQLNamedType,
    fieldNodes: readonly FieldNode[],
    visit: (nodeType: GraphQLNamedType, nodes: readonly FieldNode[]) => void,
  ): void {
    for (const connection of this.concreteTypes(type)) {
      for (const { field, type: child, nodes } of this.selectedFields(connection, fieldNodes)) {
        if (field.name === 'nodes') visit(child, nodes);
        if (field.name !== 'edges') continue;
        for (const edge of this.concreteTypes(child)) {
          for (const node of this.selectedFields(edge, nodes)) if (node.field.name === 'node') visit(node.type, node.nodes);
        }
      }
    }
  }

  /**
   * Walks the selection on an object of `type` that was fetched with expand[] paths under
   * `prefix` (null: none reach it), telling `sink` what Stripe expands and what needs calls of its own.
   */
  object(type: GraphQLNamedType, fieldNodes: readonly FieldNode[], prefix: string | null, sink: SelectionSink): void {
    for (const objectType of this.concreteTypes(type)) {
      for (const selected of this.selectedFields(objectType, fieldNodes)) {
        const { type: child, nodes } = selected;
        const ext = selected.field.extensions as StripeFieldExtensions;
        const composite = isCompositeType(child);
        if (ext.stripeExpand) {
          const path = prefix === null ? null : prefix + ext.stripeExpand;
          if (path !== null && path.split('.').length <= MAX_EXPAND_DEPTH) {
            sink.expand(path);
            if (composite) this.object(child, nodes, `${path}.`, sink);
          } else if (composite) {
            // A scalar stripeExpand field (a hash Stripe only includes when asked) is then just absent.
            sink.load(selected, ext.stripeViaParent === true, prefix);
          }
        } else if (ext.stripeRef && composite) {
          sink.load(selected, false, prefix);
        } else if (ext.stripeField && composite) {
          this.object(child, nodes, prefix === null ? null : `${prefix}${ext.stripeField}.`, sink);
        } else if (ext.stripeList) {
          sink.connection(selected, { prefix: prefix === null ? null : `${prefix}${ext.stripeList}.data.` });
        } else if (isConnectionType(child)) {
          sink.connection(selected);
        } else if (composite) {
          sink.plain(selected);
        }
      }
    }
  }
}

/** Collects expand[] paths: the walk continues into lists Stripe embeds, and stops where another call begins. */
class ExpandPathSink implements SelectionSink {
  readonly paths = new Set<string>();

  constructor(private readonly walker: SelectionWalker) {}

  expand(path: string): void {
    this.paths.add(path);
  }

  load(): void {}

  connection({ type, nodes }: SelectedField, embedded?: { prefix: string | null }): void {
    const prefix = embedded?.prefix;
    if (prefix) this.walker.connectionNodes(type, nodes, (nodeType, nodeNodes) => this.walker.object(nodeType, nodeNodes, prefix, this));
  }

  plain(): void {}
}

/** The sorted expand[] paths for the selection on an object of `type` (a list's items with list: true). */
export function collectExpandPaths(
  walker: SelectionWalker,
  type: GraphQLNamedType,
  fieldNodes: readonly FieldNode[],
  opts: { list: boolean },
): string[] {
  const sink = new ExpandPathSink(walker);
  if (opts.list) walker.connectionNodes(type, fieldNodes, (nodeType, nodes) => walker.object(nodeType, nodes, 'data.', sink));
  else walker.object(type, fieldNodes, '', sink);
  return [...sink.paths].sort();
}

// Every item of a list resolves the same field nodes with the same variables: compute once.
// Keyed by schema first, since the paths come from that schema's field extensions. The
// paths depend on variables only through @skip/@include: an operation without them shares
// one entry across requests (yoga hands every request with the same text the same document).
type Memo = WeakMap<readonly FieldNode[], WeakMap<object, { list?: string[]; object?: string[] }>>;
const memo = new WeakMap<GraphQLSchema, Memo>();
const ANY_VARIABLES = {};
const conditional = new WeakMap<OperationDefinitionNode, boolean>();

/**
 * True when the operation or a fragment of its document uses @skip or @include: what a walk
 * finds then depends on variables. Remembered per operation.
 */
export function usesConditions(operation: OperationDefinitionNode, fragments: WalkScope['fragments']): boolean {
  let found = conditional.get(operation);
  if (found === undefined) {
    found = false;
    const check = {
      Directive(node: DirectiveNode) {
        if (node.name.value === 'skip' || node.name.value === 'include') found = true;
      },
    };
    for (const node of [operation, ...Object.values(fragments)]) visit(node, check);
    conditional.set(operation, found);
  }
  return found;
}

function memoEntry(info: GraphQLResolveInfo): { list?: string[]; object?: string[] } {
  let bySchema = memo.get(info.schema);
  if (!bySchema) memo.set(info.schema, (bySchema = new WeakMap()));
  let byVariables = bySchema.get(info.fieldNodes);
  if (!byVariables) bySchema.set(info.fieldNodes, (byVariables = new WeakMap()));
  const variables = usesConditions(info.operation, info.fragments) ? info.variableValues : ANY_VARIABLES;
  let entry = byVariables.get(variables);
  if (!entry) byVariables.set(variables, (entry = {}));
  return entry;
}

/**
 * expand[] paths for the object (or, with list: true, the page of objects under
 * edges.node / nodes, prefixed 'data.') that the field at `info` returns, derived from
 * its selection set and the fields' StripeFieldExtensions. Paths deeper than Stripe's
 * 4 levels are left out (those objects are then loaded by id). Sorted, without duplicates.
 */
export function expandPaths(info: GraphQLResolveInfo, opts: { list: boolean }): string[] {
  const entry = memoEntry(info);
  const slot = opts.list ? 'list' : 'object';
  const cached = entry[slot];
  if (cached) return cached;

  return (entry[slot] = collectExpandPaths(new SelectionWalker(info), getNamedType(info.returnType), info.fieldNodes, opts));
}

/**
 * Resolves an expandable Stripe field: returns the object if Stripe already
 * expanded it, null if null, else loads it by id through the request's loaders
 * (asking for the expands its own selection needs). Synchronous unless a load is
 * needed: a page of expanded objects then costs no promise per item.
 */
export function resolveExpandable<K extends ResourceKind>(
  ctx: Context,
  info: GraphQLResolveInfo,
  kind: K,
  value: string | { id: string } | null | undefined,
): ResourceTypes[K] | null | Promise<ResourceTypes[K]> {
  if (value == null) return null;
  if (typeof value === 'string') return ctx.loaders.load(kind, value, expandPaths(info, { list: false }));
  const obj = value as ResourceTypes[K];
  ctx.loaders.prime(kind, obj);
  return obj;
}
