import {
  getNullableType,
  isAbstractType,
  isListType,
  isObjectType,
  type GraphQLAbstractType,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from 'graphql';
import type { Context } from '../context.js';

/**
 * Stripe objects reach execution as views: plain objects that hold each plain
 * field's value under its GraphQL name (`applicationFeeAmount`, not
 * `application_fee_amount`), made once where the object enters a query. Those
 * fields then need no resolver, so graphql-jit compiles them to property
 * reads; a resolver per field costs a call and a resolve-info object, about
 * 4,000 of each for a page of 100 payouts with their balance transactions.
 *
 * Made from the built schema, with nothing to keep in sync by hand:
 * - a field that exposes a Stripe property (`t.exposeX('snake_name')`, the enum
 *   fields and their Raw twins) is read from it when the view is made;
 * - a field marked `extensions: { fromParent: true }` (an id of an expandable
 *   field, see expandable.ts) and a node's `id` are computed from the Stripe
 *   object when the view is made;
 * - every other field keeps its resolver, which is still given the Stripe object;
 * - every field returning such a type makes views of what it returns (lists,
 *   promises and interfaces or unions included); nested objects a view reads
 *   plainly are made into views with it.
 * A type whose fields are all plain reads of same-named properties needs no view.
 */
export function withViews(schema: GraphQLSchema): GraphQLSchema {
  const plans = new Map<GraphQLObjectType, Map<string, Plan>>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || isRootType(schema, type)) continue;
    const fields = new Map(Object.values(type.getFields()).map((field) => [field.name, planField(type, field)]));
    if ([...fields].some(([name, plan]) => plan.kind === 'compute' || (plan.kind === 'read' && plan.key !== name))) plans.set(type, fields);
  }

  const shapers = new Map<GraphQLOutputType, Shape | undefined>();
  /** Makes views of a field's value, or undefined when the type holds no view type. */
  const shaperOf = (type: GraphQLOutputType): Shape | undefined => {
    if (!shapers.has(type)) shapers.set(type, buildShaper(schema, getNullableType(type), plans, shaperOf));
    return shapers.get(type);
  };

  for (const [type, fields] of plans) {
    // Nested objects whose type is abstract are left to a resolver: picking their type may be asynchronous.
    for (const [name, plan] of fields) {
      if (plan.kind !== 'resolve' && isAbstractType(getNamedOutputType(type.getFields()[name].type)) && shaperOf(type.getFields()[name].type)) {
        fields.set(name, { kind: 'resolve' });
      }
    }
    viewMakers.set(type, compileView(type, fields, shaperOf));
  }

  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const fields = plans.get(type);
    for (const field of Object.values(type.getFields())) {
      const plan = fields?.get(field.name);
      if (plan && plan.kind !== 'resolve') {
        field.resolve = undefined;
        continue;
      }
      const shape = shaperOf(field.type);
      if (!fields && !shape) continue;
      const resolve: Resolver = field.resolve ?? ((parent) => (parent as Record<string, unknown>)[field.name]);
      const onSource: Resolver = fields ? (view, args, ctx, info) => resolve((view as View)[SOURCE], args, ctx, info) : resolve;
      field.resolve = shape ? (parent, args, ctx, info) => thenShape(onSource(parent, args, ctx, info), shape, ctx, info) : onSource;
    }
  }

  // Interfaces and unions pick a view's type from the Stripe object it was made from.
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isAbstractType(type) || !type.resolveType || !schema.getPossibleTypes(type).some((t) => plans.has(t))) continue;
    const resolveType = type.resolveType;
    type.resolveType = (value, ctx, info, abstract) => resolveType(sourceOf(value), ctx, info, abstract);
  }
  return schema;
}

const viewMakers = new WeakMap<GraphQLObjectType, MakeView>();

/**
 * The view a field returning `type` makes of `source` (the object itself for a type that
 * needs none): for resolvers outside the schema's own fields, e.g. a probe schema over real types.
 */
export function viewOf(type: GraphQLObjectType, source: unknown): unknown {
  const make = viewMakers.get(type);
  return make ? make(source) : source;
}

/** Where a view keeps the Stripe object it was made from. */
const SOURCE = Symbol('stripe object');

type View = Record<string | symbol, unknown> & { [SOURCE]: unknown };
type MakeView = (source: unknown) => unknown;
type Resolver = GraphQLFieldResolver<unknown, Context>;
/** Turns a field's resolved value into views; `ctx` and `info` are only read for interfaces and unions. */
type Shape = (value: unknown, ctx?: Context, info?: GraphQLResolveInfo) => unknown;

/** How a view type's field gets its value. */
type Plan =
  | { kind: 'read'; key: string }
  | { kind: 'compute'; compute: (source: unknown) => unknown }
  | { kind: 'resolve' };

interface FieldExtensions {
  pothosExposedField?: unknown;
  pothosOriginalResolve?: (parent: unknown) => unknown;
  fromParent?: boolean;
}

type NodeIdResolver = (parent: unknown) => unknown;

function planField(type: GraphQLObjectType, field: GraphQLField<unknown, Context>): Plan {
  const ext = field.extensions as FieldExtensions;
  if (typeof ext.pothosExposedField === 'string') return { kind: 'read', key: ext.pothosExposedField };
  if (!field.resolve) return { kind: 'read', key: field.name };
  if (ext.fromParent) {
    const compute = ext.pothosOriginalResolve ?? (field.resolve as (parent: unknown) => unknown);
    return { kind: 'compute', compute };
  }
  const resolveId = (type.extensions.pothosOptions as { id?: { resolve?: NodeIdResolver } } | undefined)?.id?.resolve;
  if (field.name === 'id' && resolveId && type.getInterfaces().some((i) => i.name === 'Node')) {
    // The builder encodes a node id as the Stripe id itself (builder.ts), so the view holds it as is.
    return { kind: 'compute', compute: (source) => nodeId(type, resolveId(source)) };
  }
  return { kind: 'resolve' };
}

function nodeId(type: GraphQLObjectType, id: unknown): string {
  if (typeof id !== 'string') throw new Error(`${type.name}'s id resolver returned ${typeof id}, not a Stripe id.`);
  return id;
}

function isRootType(schema: GraphQLSchema, type: GraphQLObjectType): boolean {
  return type === schema.getQueryType() || type === schema.getMutationType() || type === schema.getSubscriptionType();
}

function getNamedOutputType(type: GraphQLOutputType): GraphQLOutputType {
  let named = getNullableType(type);
  while (isListType(named)) named = getNullableType(named.ofType);
  return named;
}

const sourceOf = (value: unknown): unknown =>
  value !== null && typeof value === 'object' && SOURCE in value ? (value as View)[SOURCE] : value;

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return value !== null && typeof value === 'object' && typeof (value as { then?: unknown }).then === 'function';
}

function thenShape(value: unknown, shape: Shape, ctx: Context, info: GraphQLResolveInfo): unknown {
  return isPromiseLike(value) ? value.then((v) => shape(v, ctx, info)) : shape(value, ctx, info);
}

function buildShaper(
  schema: GraphQLSchema,
  type: GraphQLOutputType,
  plans: Map<GraphQLObjectType, unknown>,
  shaperOf: (type: GraphQLOutputType) => Shape | undefined,
): Shape | undefined {
  if (isListType(type)) {
    const item = shaperOf(type.ofType);
    return item && ((list, ctx, info) => (Array.isArray(list) ? list.map((v) => item(v, ctx, info)) : list));
  }
  if (isObjectType(type)) {
    if (!plans.has(type)) return undefined;
    // Looked up on use: view makers refer to each other and are compiled after the shapers they use.
    return (value) => viewOf(type, value);
  }
  if (isAbstractType(type) && schema.getPossibleTypes(type).some((t) => plans.has(t))) return abstractShaper(schema, type);
  return undefined;
}

/** For an interface or union: the view of the concrete type its own resolveType picks. */
function abstractShaper(schema: GraphQLSchema, type: GraphQLAbstractType): Shape {
  const resolveType = type.resolveType;
  if (!resolveType) throw new Error(`${type.name} holds view types but has no resolveType to pick one with.`);
  const viewAs = (value: unknown, typeName: unknown) => {
    const concrete = typeof typeName === 'string' ? schema.getType(typeName) : undefined;
    return isObjectType(concrete) ? viewOf(concrete, value) : value;
  };
  return (value, ctx, info) => {
    if (value === null || typeof value !== 'object' || SOURCE in value) return value;
    const typeName = resolveType(value, ctx, info!, type);
    return isPromiseLike(typeName) ? typeName.then((name) => viewAs(value, name)) : viewAs(value, typeName);
  };
}

/**
 * One view maker per type, compiled to a single object literal (every view of a
 * type has the same shape, so V8 keeps them fast and graphql-jit's reads monomorphic).
 */
function compileView(type: GraphQLObjectType, fields: Map<string, Plan>, shaperOf: (type: GraphQLOutputType) => Shape | undefined): MakeView {
  const computes: ((source: unknown) => unknown)[] = [];
  const shapes: Shape[] = [];
  const entries: string[] = [];
  for (const [name, plan] of fields) {
    if (plan.kind === 'resolve') continue;
    let value: string;
    if (plan.kind === 'read') value = `p[${JSON.stringify(plan.key)}]`;
    else value = `computes[${computes.push(plan.compute) - 1}](p)`;
    const shape = shaperOf(type.getFields()[name].type);
    if (shape) value = `shapes[${shapes.push(shape) - 1}](${value})`;
    entries.push(`${JSON.stringify(name)}: ${value}`);
  }
  const body = `return function make${type.name}View(p) {
    if (p === null || typeof p !== 'object' || SOURCE in p) return p;
    return { ${entries.join(', ')}, [SOURCE]: p };
  };`;
  return new Function('computes', 'shapes', 'SOURCE', body)(computes, shapes, SOURCE) as MakeView;
}
