import {
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  getDirectiveValues,
  getNamedType,
  isAbstractType,
  isCompositeType,
  isObjectType,
  visit,
  type DirectiveNode,
  type FieldNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

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

  /**
   * True for a fragment @defer delivers later (its `if` not false). Execution resolves such a
   * fragment's fields apart from the rest, even those it shares with them, so each is a call again.
   * Without the request's variables an `if: $var` counts as deferred: the plan then covers both.
   */
  private deferred(node: { readonly directives?: readonly DirectiveNode[] }): boolean {
    const defer = node.directives?.length ? this.schema.getDirective('defer') : undefined;
    const values = defer && getDirectiveValues(defer, node, this.scope.variableValues);
    return !!values && values.if !== false;
  }

  private conditionMatches(typeName: string | undefined, type: GraphQLObjectType): boolean {
    if (!typeName || typeName === type.name) return true;
    const condition = this.schema.getType(typeName);
    return !!condition && isAbstractType(condition) && this.schema.isSubType(condition, type);
  }

  /**
   * Field nodes selected on `type` across `parents`, grouped by response key as execution
   * groups them (each key is resolved once per object; aliases of one field are separate keys),
   * and apart for each @defer fragment (execution resolves the key again for it).
   */
  private fieldsOn(type: GraphQLObjectType, parents: readonly { readonly selectionSet?: SelectionSetNode }[]): Map<string, FieldNode[]> {
    const byKey = new Map<string, FieldNode[]>();
    const visited = new Set<string>();
    let deferredFragments = 0;
    const collect = (set: SelectionSetNode | undefined, group: number): void => {
      for (const selection of set?.selections ?? []) {
        if (!this.included(selection)) continue;
        if (selection.kind === Kind.FIELD) {
          const key = `${group}:${selection.alias?.value ?? selection.name.value}`;
          const list = byKey.get(key) ?? [];
          list.push(selection);
          byKey.set(key, list);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          if (this.conditionMatches(selection.typeCondition?.name.value, type)) {
            collect(selection.selectionSet, this.deferred(selection) ? ++deferredFragments : group);
          }
        } else {
          const name = selection.name.value;
          const fragment = this.scope.fragments[name];
          // As execution does: a fragment spread again is skipped, unless deferred.
          const deferred = this.deferred(selection);
          if ((visited.has(name) && !deferred) || !fragment) continue;
          if (!deferred) visited.add(name);
          if (this.conditionMatches(fragment.typeCondition.name.value, type)) collect(fragment.selectionSet, deferred ? ++deferredFragments : group);
        }
      }
    };
    for (const parent of parents) collect(parent.selectionSet, 0);
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

/**
 * True when the operation or a fragment of its document uses @skip or @include: what a walk
 * finds then depends on variables (the planner remembers the answer per operation).
 */
export function usesConditions(operation: OperationDefinitionNode, fragments: WalkScope['fragments']): boolean {
  let found = false;
  const check = {
    Directive(node: DirectiveNode) {
      if (node.name.value === 'skip' || node.name.value === 'include') found = true;
    },
  };
  for (const node of [operation, ...Object.values(fragments)]) visit(node, check);
  return found;
}
