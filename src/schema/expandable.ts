import type { FieldRef, ObjectRef } from '@pothos/core';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context.js';
import { builder } from './builder.js';
import type { ResourceKind, ResourceTypes } from '../stripe/resources.js';
import { resolveExpandable } from '../planning/expand.js';

type Types = typeof builder.$inferSchemaTypes;
type FieldBuilder<Parent> = PothosSchemaTypes.ObjectFieldBuilder<Types, Parent>;

/** What Stripe puts in an expandable field: an id, or the object when expanded. */
export type Expandable = string | { id: string } | null | undefined;

/** The id of an expandable value, whether or not Stripe expanded it. */
export function idOf(value: Expandable): string | null {
  if (value == null) return null;
  return typeof value === 'string' ? value : value.id;
}

/** A property of the parent that holds an id, or the object when expanded. */
type ExpandableKey<Parent> = { [P in keyof Parent & string]: Parent[P] extends Expandable ? P : never }[keyof Parent & string];

interface IdFieldOptions {
  nullable: boolean;
  description: string;
}

/**
 * An `ID` field for a Stripe property that holds an id or, when expanded, the
 * object: the id either way, at no upstream cost. Its value depends on the
 * parent alone (`fromParent`), so views compute it when they are made (plugins/views.ts).
 */
export function idField<Parent>(t: FieldBuilder<Parent>, key: ExpandableKey<Parent>, opts: IdFieldOptions): FieldRef<Types> {
  return t.id({
    nullable: opts.nullable as false,
    description: opts.description,
    extensions: { fromParent: true },
    resolve: (parent) => idOf(parent[key] as Expandable) as string,
  });
}

interface ExpandableFieldOptions<Parent, K extends ResourceKind> {
  /** The object field's name; the id field is `${name}Id`. */
  name: string;
  kind: K;
  type: ObjectRef<Types, ResourceTypes[K]>;
  /** The Stripe property, e.g. 'balance_transaction'. */
  key: ExpandableKey<Parent>;
  /**
   * The Stripe field's name, for `expand[]`. Omit it for a plain id that
   * Stripe cannot expand (the object is then always loaded by id: `stripeRef`).
   */
  stripeExpand?: string;
  nullable: boolean;
  /** Describes the object field. */
  description: string;
  /** Describes the id field. */
  idDescription: string;
}

/**
 * `{ [name]: Object, [name + 'Id']: ID }` for a Stripe field that holds an id
 * or, when expanded, the object. The id field costs no upstream call; the
 * object field carries `extensions.stripeExpand` so that loading the parent
 * asks Stripe to expand it when it is selected.
 */
export function expandableFields<Parent, K extends ResourceKind>(
  t: FieldBuilder<Parent>,
  opts: ExpandableFieldOptions<Parent, K>,
): Record<string, FieldRef<Types>> {
  const { name, kind, type, key, stripeExpand, nullable } = opts;
  return {
    [name]: t.field({
      type,
      nullable: nullable as false,
      description: opts.description,
      extensions: stripeExpand ? { stripeExpand } : { stripeRef: key },
      // Cast: Pothos cannot check a resolver's result against a generic shape (ResourceTypes[K]).
      resolve: ((parent: Parent, _args: object, ctx: Context, info: GraphQLResolveInfo) => {
        const resolved = resolveExpandable(ctx, info, kind, parent[key] as Expandable);
        if (resolved == null && !nullable) throw new Error(`Stripe returned no ${name} where one is always expected.`);
        return resolved;
      }) as never,
    }),
    [`${name}Id`]: idField(t, key, { nullable, description: opts.idDescription }),
  };
}

/**
 * For an expandable field that cannot be loaded by its own id (a payout's
 * destination, a refund's transfer reversal, whose loader key needs the
 * transfer): loads the parent again with that one field expanded (the
 * loaders cache and batch it) and returns the expanded value.
 */
export async function expandViaParent<K extends ResourceKind, T>(
  ctx: Context,
  parentKind: K,
  parentId: string,
  stripeField: string,
  read: (parent: ResourceTypes[K]) => T | string,
): Promise<T> {
  const value = read(await ctx.loaders.load(parentKind, parentId, [stripeField]));
  if (typeof value === 'string') throw new Error(`Stripe did not expand ${stripeField} on ${parentId}.`);
  return value;
}
