import type { FieldNode, GraphQLNamedType, GraphQLResolveInfo } from 'graphql';
import type { ResourceKind, ResourceTypes } from '../stripe/resources.js';
import type { PlanningContext } from './planner.js';
import type { SelectedField, SelectionSink, SelectionWalker } from './selection.js';

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

/**
 * Resolves an expandable Stripe field: returns the object if Stripe already
 * expanded it, null if null, else loads it by id through the request's loaders
 * (asking for the expands its own selection needs). Synchronous unless a load is
 * needed: a page of expanded objects then costs no promise per item.
 */
export function resolveExpandable<K extends ResourceKind>(
  ctx: PlanningContext,
  info: GraphQLResolveInfo,
  kind: K,
  value: string | { id: string } | null | undefined,
): ResourceTypes[K] | null | Promise<ResourceTypes[K]> {
  if (value == null) return null;
  if (typeof value === 'string') return ctx.loaders.load(kind, value, ctx.planner.expandPaths(info, { list: false }));
  const obj = value as ResourceTypes[K];
  ctx.loaders.prime(kind, obj);
  return obj;
}
