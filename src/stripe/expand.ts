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
 * Field extensions the schema puts on fields so that expand paths can be derived
 * from a selection set (no separate map to keep in sync):
 * - `stripeExpand: 'balance_transaction'` on a field returning an expandable object
 *   (the field whose value is an id unless Stripe expands it);
 * - `stripeField: 'returned_details'` on a field returning a plain nested hash that
 *   contains expandable fields (so 'returned_details.transaction' can be built);
 * - `stripeList: 'reversals'` on a connection field over an embedded list (transfer.reversals).
 * Values may themselves be dotted ('returned_details.transaction').
 */
export interface StripeFieldExtensions {
  stripeExpand?: string;
  stripeField?: string;
  stripeList?: string;
}

/** Stripe rejects expand paths deeper than this; deeper objects are fetched by id through the loaders. */
export const MAX_EXPAND_DEPTH = 4;

type Variables = GraphQLResolveInfo['variableValues'];

/** The walk over one operation's selections: fragments, type conditions and @skip/@include resolved. */
class SelectionWalker {
  readonly paths = new Set<string>();

  constructor(private readonly info: GraphQLResolveInfo) {}

  private get schema(): GraphQLSchema {
    return this.info.schema;
  }

  private included(node: { readonly directives?: readonly DirectiveNode[] }): boolean {
    const variables: Variables = this.info.variableValues;
    if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.if === true) return false;
    return getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false;
  }

  private conditionMatches(typeName: string | undefined, type: GraphQLObjectType): boolean {
    if (!typeName || typeName === type.name) return true;
    const condition = this.schema.getType(typeName);
    return !!condition && isAbstractType(condition) && this.schema.isSubType(condition, type);
  }

  /** Field nodes selected on `type` across `fieldNodes`, grouped by field name (aliases merged). */
  private fieldsOn(type: GraphQLObjectType, fieldNodes: readonly FieldNode[]): Map<string, FieldNode[]> {
    const byName = new Map<string, FieldNode[]>();
    const visited = new Set<string>();
    const collect = (set: SelectionSetNode | undefined): void => {
      for (const selection of set?.selections ?? []) {
        if (!this.included(selection)) continue;
        if (selection.kind === Kind.FIELD) {
          const list = byName.get(selection.name.value) ?? [];
          list.push(selection);
          byName.set(selection.name.value, list);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          if (this.conditionMatches(selection.typeCondition?.name.value, type)) collect(selection.selectionSet);
        } else {
          const name = selection.name.value;
          const fragment = this.info.fragments[name];
          if (visited.has(name) || !fragment) continue;
          visited.add(name);
          if (this.conditionMatches(fragment.typeCondition.name.value, type)) collect(fragment.selectionSet);
        }
      }
    };
    for (const node of fieldNodes) collect(node.selectionSet);
    return byName;
  }

  private concreteTypes(type: GraphQLNamedType): readonly GraphQLObjectType[] {
    if (isObjectType(type)) return [type];
    return isAbstractType(type) ? this.schema.getPossibleTypes(type) : [];
  }

  /** Calls `visit` with each object position under a connection: `edges.node` and `nodes`. */
  private connectionNodes(
    type: GraphQLNamedType,
    fieldNodes: readonly FieldNode[],
    visit: (nodeType: GraphQLNamedType, nodes: readonly FieldNode[]) => void,
  ): void {
    for (const connection of this.concreteTypes(type)) {
      for (const [name, nodes] of this.fieldsOn(connection, fieldNodes)) {
        const field = connection.getFields()[name];
        if (!field) continue;
        if (name === 'nodes') visit(getNamedType(field.type), nodes);
        if (name !== 'edges') continue;
        for (const edge of this.concreteTypes(getNamedType(field.type))) {
          const nodeField = edge.getFields().node;
          const nodeNodes = this.fieldsOn(edge, nodes).get('node');
          if (nodeField && nodeNodes) visit(getNamedType(nodeField.type), nodeNodes);
        }
      }
    }
  }

  /** Adds the expand paths (prefixed) that the selection on an object of `type` needs. */
  object(type: GraphQLNamedType, fieldNodes: readonly FieldNode[], prefix: string): void {
    for (const objectType of this.concreteTypes(type)) {
      const fields = objectType.getFields();
      for (const [name, nodes] of this.fieldsOn(objectType, fieldNodes)) {
        const field = fields[name];
        if (!field) continue; // __typename
        const child = getNamedType(field.type);
        const ext = field.extensions as StripeFieldExtensions;
        if (ext.stripeExpand) {
          const path = prefix + ext.stripeExpand;
          if (path.split('.').length > MAX_EXPAND_DEPTH) continue;
          this.paths.add(path);
          if (isCompositeType(child)) this.object(child, nodes, `${path}.`);
        } else if (ext.stripeField && isCompositeType(child)) {
          this.object(child, nodes, `${prefix}${ext.stripeField}.`);
        } else if (ext.stripeList) {
          const listPrefix = `${prefix}${ext.stripeList}.data.`;
          this.connectionNodes(child, nodes, (nodeType, nodeNodes) => this.object(nodeType, nodeNodes, listPrefix));
        }
      }
    }
  }

  list(type: GraphQLNamedType, fieldNodes: readonly FieldNode[]): void {
    this.connectionNodes(type, fieldNodes, (nodeType, nodes) => this.object(nodeType, nodes, 'data.'));
  }
}

// Every item of a list resolves the same field nodes with the same variables: compute once.
// Keyed by schema first, since the paths come from that schema's field extensions. The
// paths depend on variables only through @skip/@include: an operation without them shares
// one entry across requests (yoga hands every request with the same text the same document).
type Memo = WeakMap<readonly FieldNode[], WeakMap<object, { list?: string[]; object?: string[] }>>;
const memo = new WeakMap<GraphQLSchema, Memo>();
const ANY_VARIABLES = {};
const conditional = new WeakMap<OperationDefinitionNode, boolean>();

/** True when the operation or a fragment of its document uses @skip or @include. */
function hasConditions(info: GraphQLResolveInfo): boolean {
  let found = conditional.get(info.operation);
  if (found === undefined) {
    found = false;
    const check = {
      Directive(node: DirectiveNode) {
        if (node.name.value === 'skip' || node.name.value === 'include') found = true;
      },
    };
    for (const node of [info.operation, ...Object.values(info.fragments)]) visit(node, check);
    conditional.set(info.operation, found);
  }
  return found;
}

function memoEntry(info: GraphQLResolveInfo): { list?: string[]; object?: string[] } {
  let bySchema = memo.get(info.schema);
  if (!bySchema) memo.set(info.schema, (bySchema = new WeakMap()));
  let byVariables = bySchema.get(info.fieldNodes);
  if (!byVariables) bySchema.set(info.fieldNodes, (byVariables = new WeakMap()));
  const variables = hasConditions(info) ? info.variableValues : ANY_VARIABLES;
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

  const walker = new SelectionWalker(info);
  const type = getNamedType(info.returnType);
  if (opts.list) walker.list(type, info.fieldNodes);
  else walker.object(type, info.fieldNodes, '');
  return (entry[slot] = [...walker.paths].sort());
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
