import {
  Kind,
  isAbstractType,
  type FieldNode,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';
import type { Context } from '../context.js';
import { ID_PREFIXES, isIdOf, parseReversalNodeId, quoteId, type NodeTypeName } from '../stripe/ids.js';
import { userError } from '../stripe/errors.js';
import type { ResourceKind, ResourceTypes } from '../stripe/resources.js';

/** How a type's ids are named in error messages. */
const ID_LABELS: Record<NodeTypeName, string> = {
  Payout: 'payout',
  Refund: 'refund',
  Transfer: 'transfer',
  TransferReversal: 'transfer reversal',
  OutboundPayment: 'outbound payment',
  FinancialAccount: 'financial account',
  TreasuryTransaction: 'Treasury transaction',
  BalanceTransaction: 'balance transaction',
  Charge: 'charge',
  PaymentIntent: 'payment intent',
};

/** The loader kind of a node type ('Payout' → 'payout'): the names differ only in the first letter. */
export type KindOf<T extends NodeTypeName> = Uncapitalize<T> & ResourceKind;

export function kindOf<T extends NodeTypeName>(typeName: T): KindOf<T> {
  return (typeName[0].toLowerCase() + typeName.slice(1)) as KindOf<T>;
}

/** Throws BAD_USER_INPUT unless `id` has one of `typeName`'s prefixes; runs before any upstream call. */
export function assertIdOf(typeName: NodeTypeName, id: string, argument: string): void {
  if (isIdOf(typeName, id)) return;
  const prefixes = ID_PREFIXES[typeName].map((p) => `${p}…`).join(' or ');
  throw userError('BAD_USER_INPUT', `Expected a ${ID_LABELS[typeName]} id (${prefixes}), got ${quoteId(id)}.`, { argument });
}

/** Throws BAD_USER_INPUT unless `id` is a reversal node id ('trr_…:tr_…'). */
export function assertReversalNodeId(id: string, argument: string): void {
  if (parseReversalNodeId(id)) return;
  throw userError(
    'BAD_USER_INPUT',
    `Expected a transfer reversal node id (trr_…:tr_…, the reversal's id and its transfer's), got ${quoteId(id)}.`,
    { argument },
  );
}

/**
 * A single-object query: checks the id's prefix, then loads it through the
 * request's loaders with the expand[] paths the selection needs. Not-found
 * errors come back from the loader and the runtime maps them to NOT_FOUND.
 */
export function fetchById<T extends NodeTypeName>(
  ctx: Context,
  info: GraphQLResolveInfo,
  typeName: T,
  id: string,
  argument = 'id',
): Promise<ResourceTypes[KindOf<T>]> {
  if (typeName === 'TransferReversal') assertReversalNodeId(id, argument);
  else assertIdOf(typeName, id, argument);
  return ctx.loaders.load(kindOf(typeName), id, ctx.planner.expandPaths(info, { list: false }));
}

/**
 * The Relay `node`/`nodes` loader for one type (Pothos' loadWithoutCache).
 * `info` is that of the `node`/`nodes` field, whose type is the Node interface;
 * it is narrowed to `typeName` first so expand paths come only from fragments
 * that apply to this type (`... on Refund { charge }` must not expand `charge` on a payout).
 */
export function loadNode<T extends NodeTypeName>(typeName: T) {
  return (id: string, ctx: Context, info: GraphQLResolveInfo): Promise<ResourceTypes[KindOf<T>]> =>
    fetchById(ctx, narrowToType(info, typeName), typeName, id);
}

/** A copy of `info` whose return type is the concrete `typeName` and whose selection keeps only what applies to it. */
export function narrowToType(info: GraphQLResolveInfo, typeName: string): GraphQLResolveInfo {
  const type = info.schema.getType(typeName) as GraphQLObjectType;
  const applies = (condition: string | undefined): boolean => {
    if (!condition || condition === typeName) return true;
    const conditionType = info.schema.getType(condition);
    return !!conditionType && isAbstractType(conditionType) && info.schema.isSubType(conditionType, type);
  };
  const narrow = (selectionSet: SelectionSetNode | undefined): SelectionSetNode | undefined =>
    selectionSet && {
      ...selectionSet,
      selections: selectionSet.selections
        .filter((s) => {
          if (s.kind === Kind.INLINE_FRAGMENT) return applies(s.typeCondition?.name.value);
          if (s.kind === Kind.FRAGMENT_SPREAD) return applies(info.fragments[s.name.value]?.typeCondition.name.value);
          return true;
        })
        .map((s) => (s.kind === Kind.INLINE_FRAGMENT ? { ...s, selectionSet: narrow(s.selectionSet)! } : s)),
    };
  const fieldNodes: FieldNode[] = info.fieldNodes.map((f) => ({ ...f, selectionSet: narrow(f.selectionSet) }));
  const fragments = Object.fromEntries(
    Object.entries(info.fragments).map(([name, fragment]) => [name, { ...fragment, selectionSet: narrow(fragment.selectionSet)! }]),
  );
  return { ...info, returnType: type, fieldNodes, fragments };
}
