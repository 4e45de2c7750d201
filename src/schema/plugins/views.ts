import SchemaBuilder, {
  BasePlugin,
  unwrapOutputFieldType,
  type PothosOutputFieldConfig,
  type PothosTypeConfig,
  type SchemaTypes,
} from '@pothos/core';
import {
  defaultFieldResolver,
  getNullableType,
  isAbstractType,
  isListType,
  isObjectType,
  type GraphQLAbstractType,
  type GraphQLFieldResolver,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type GraphQLTypeResolver,
} from 'graphql';
import { exposedProperty } from './exposed.js';

/**
 * Stripe objects reach execution as views: plain objects that hold each plain field's value
 * under its GraphQL name (`applicationFeeAmount`, not `application_fee_amount`), made once where
 * the object enters a query. Those fields then need no resolver, so graphql-jit compiles them to
 * property reads; a resolver per field costs a call and a resolve-info object, about 3,300 of
 * each for a page of 100 payouts with their balance transactions.
 *
 * Everything comes from the field configs Pothos hands this plugin, nothing is kept in sync by hand:
 * - a field that exposes a Stripe property (`t.exposeX('snake_name')`) is read from it, and a field
 *   marked `extensions: { fromParent: true }` (ids of expandable fields, open enums) or a node's `id`
 *   is computed from the Stripe object, when the view is made; such fields keep no resolver;
 * - every other field keeps its resolver, which is still given the Stripe object;
 * - every field returning views makes them of what it returns (lists, promises, interfaces and unions
 *   included); a view makes the views its plain fields hold when it is made.
 * A type whose fields are all plain reads of same-named properties, none holding views, needs no view.
 *
 * Fields are planned as Pothos builds them (`wrapResolve`); which types need views depends on the whole
 * schema, so the resolvers are linked to the view makers once every field is built (`afterBuild`).
 * Scope checks and other plugins' wrappers run around what this plugin returns (list it last).
 */
export class StripeViewsPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  /** Each object type's fields, by how they get their value; filled while Pothos builds fields. */
  private readonly plans = new Map<string, Map<string, Plan>>();
  /** What each field that keeps a resolver does around it, by type and field; settled in afterBuild. */
  private readonly links = new Map<string, Map<string, Link>>();
  /** View makers by type name (names, not type objects: toSchema sorts the schema into new ones). */
  private readonly makers = new Map<string, MakeView>();

  override onTypeConfig(typeConfig: PothosTypeConfig): PothosTypeConfig {
    if (typeConfig.kind !== 'Object') return typeConfig;
    const { name } = typeConfig;
    const view: MakeView = (source) => this.makers.get(name)?.(source) ?? source;
    return { ...typeConfig, extensions: { ...typeConfig.extensions, [VIEW_EXTENSION]: view } };
  }

  override wrapResolve(resolver: Resolver, fieldConfig: PothosOutputFieldConfig<Types>): Resolver {
    const parent = this.buildCache.getTypeConfig(fieldConfig.parentType);
    // An interface's own fields never run: graphql runs the implementing type's.
    if (parent.kind === 'Interface') return resolver;
    if (parent.kind === 'Object') {
      const plan = this.planField(fieldConfig, parent);
      entry(this.plans, parent.name).set(fieldConfig.name, plan);
      // The view holds the value under the field's name: graphql's default read.
      if (plan.kind !== 'resolve') return defaultFieldResolver;
    }
    const link: Link = { fromView: false, shape: undefined };
    entry(this.links, parent.name).set(fieldConfig.name, link);
    return (parent, args, ctx, info) => {
      const value = resolver(link.fromView ? (parent as View)[SOURCE] : parent, args, ctx, info);
      return link.shape ? thenShape(value, link.shape, ctx, info) : value;
    };
  }

  /** Interfaces and unions pick a view's type from the Stripe object it was made from. */
  override wrapResolveType(resolveType: TypeResolver): TypeResolver {
    return (value, ctx, info, type) => resolveType(sourceOf(value), ctx, info, type);
  }

  override afterBuild(schema: GraphQLSchema): GraphQLSchema {
    const views = this.viewTypes(schema);
    const shapers = new Map<GraphQLOutputType, Shape | undefined>();
    const shaperOf = (type: GraphQLOutputType): Shape | undefined => {
      if (!shapers.has(type)) shapers.set(type, this.shaper(schema, getNullableType(type), views, shaperOf));
      return shapers.get(type);
    };
    for (const name of views) {
      const type = schema.getType(name) as GraphQLObjectType;
      const fields = [...this.plans.get(name)!].map(([field, plan]) => ({ field, plan, shape: shaperOf(type.getFields()[field].type) }));
      this.makers.set(name, compileView(name, fields));
    }
    for (const [typeName, fields] of this.links) {
      const type = schema.getType(typeName) as GraphQLObjectType;
      for (const [field, link] of fields) {
        link.fromView = views.has(typeName);
        link.shape = shaperOf(type.getFields()[field].type);
      }
    }
    return schema;
  }

  private planField(fieldConfig: PothosOutputFieldConfig<Types>, parent: PothosTypeConfig & { kind: 'Object' }): Plan {
    // Nested objects of an interface or union are left to a resolver: picking their type may be asynchronous.
    const output = this.buildCache.getTypeConfig(unwrapOutputFieldType(fieldConfig.type));
    if (output.kind === 'Interface' || output.kind === 'Union') return RESOLVE;
    if (fieldConfig.extensions?.fromParent === true) {
      const compute = fieldConfig.resolve as ((source: unknown) => unknown) | undefined;
      if (!compute) throw new Error(`${parent.name}.${fieldConfig.name} is marked fromParent but has no resolver.`);
      return { kind: 'compute', compute };
    }
    const exposed = exposedProperty(fieldConfig);
    if (exposed !== undefined) return { kind: 'read', key: exposed };
    if (!fieldConfig.resolve || fieldConfig.resolve === defaultFieldResolver) return { kind: 'read', key: fieldConfig.name };
    const resolveId = this.nodeIdResolver(fieldConfig, parent);
    if (resolveId) return { kind: 'compute', compute: (source) => nodeId(parent.name, resolveId(source)) };
    return RESOLVE;
  }

  /**
   * A node's id resolver, as given to `builder.node(ref, { id: { resolve } })`: the relay plugin
   * keeps those options in the type's pothosOptions (test/schema/pothos-internals.test.ts checks it).
   * The builder encodes a node id as the Stripe id itself (builder.ts), so the view holds it as is.
   */
  private nodeIdResolver(fieldConfig: PothosOutputFieldConfig<Types>, parent: PothosTypeConfig & { kind: 'Object' }) {
    if (fieldConfig.name !== 'id') return undefined;
    if (!parent.interfaces.some((iface) => this.buildCache.getTypeConfig(iface).name === 'Node')) return undefined;
    const resolve = (parent.pothosOptions as { id?: { resolve?: unknown } }).id?.resolve;
    return typeof resolve === 'function' ? (resolve as (source: unknown) => unknown) : undefined;
  }

  /** The object types that need views: a renamed or computed field, or a plain field holding views. */
  private viewTypes(schema: GraphQLSchema): Set<string> {
    const plainOnly = (fields: Map<string, Plan>) =>
      [...fields].every(([name, plan]) => plan.kind === 'resolve' || (plan.kind === 'read' && plan.key === name));
    const views = new Set([...this.plans].filter(([, fields]) => !plainOnly(fields)).map(([name]) => name));
    const holdsViews = (type: GraphQLOutputType): boolean => {
      const nullable = getNullableType(type);
      return isListType(nullable) ? holdsViews(nullable.ofType) : isObjectType(nullable) && views.has(nullable.name);
    };
    for (let grown = true; grown; ) {
      grown = false;
      for (const [name, fields] of this.plans) {
        if (views.has(name)) continue;
        const type = schema.getType(name) as GraphQLObjectType;
        if ([...fields].some(([field, plan]) => plan.kind === 'read' && holdsViews(type.getFields()[field].type))) {
          views.add(name);
          grown = true;
        }
      }
    }
    return views;
  }

  private shaper(schema: GraphQLSchema, type: GraphQLOutputType, views: Set<string>, shaperOf: (type: GraphQLOutputType) => Shape | undefined): Shape | undefined {
    if (isListType(type)) {
      const item = shaperOf(type.ofType);
      return item && ((list, ctx, info) => (Array.isArray(list) ? list.map((v) => item(v, ctx, info)) : list));
    }
    if (isObjectType(type)) {
      const { name } = type;
      // Looked up on use: view makers refer to each other and are made after the shapers they use.
      return views.has(name) ? (value) => this.makers.get(name)!(value) : undefined;
    }
    if (isAbstractType(type) && schema.getPossibleTypes(type).some((t) => views.has(t.name))) return this.abstractShaper(type.name);
    return undefined;
  }

  /** For an interface or union: the view of the concrete type its own resolveType picks. */
  private abstractShaper(name: string): Shape {
    const viewAs = (value: unknown, typeName: unknown) => (typeof typeName === 'string' ? (this.makers.get(typeName)?.(value) ?? value) : value);
    return (value, ctx, info) => {
      if (value === null || typeof value !== 'object' || SOURCE in value) return value;
      // The executing schema's own type: toSchema's sorting copied the one this plugin saw.
      const type = info!.schema.getType(name) as GraphQLAbstractType;
      const typeName = type.resolveType!(value, ctx, info!, type);
      return isPromiseLike(typeName) ? typeName.then((n) => viewAs(value, n)) : viewAs(value, typeName);
    };
  }
}

/**
 * The view a field returning `type` makes of `source` (the object itself for a type that needs none):
 * for resolvers outside the schema's own fields, e.g. a probe schema over real types.
 */
export function viewOf(type: GraphQLObjectType, source: unknown): unknown {
  const make = type.extensions[VIEW_EXTENSION] as MakeView | undefined;
  return make ? make(source) : source;
}

/** Where a view keeps the Stripe object it was made from. */
const SOURCE = Symbol('stripe object');
/** The object types' extension holding their view maker, for viewOf. */
const VIEW_EXTENSION = 'stripeView';
const RESOLVE: Plan = { kind: 'resolve' };

type View = Record<string | symbol, unknown> & { [SOURCE]: unknown };
type MakeView = (source: unknown) => unknown;
type Resolver = GraphQLFieldResolver<unknown, object>;
type TypeResolver = GraphQLTypeResolver<unknown, object>;
/** Turns a field's value into views; `ctx` and `info` are only read for interfaces and unions. */
type Shape = (value: unknown, ctx?: object, info?: GraphQLResolveInfo) => unknown;

/** How a field of an object type gets its value. */
type Plan = { kind: 'read'; key: string } | { kind: 'compute'; compute: (source: unknown) => unknown } | { kind: 'resolve' };

/** What a resolver-keeping field does around its resolver: read the view's Stripe object, make views of the result. */
interface Link {
  fromView: boolean;
  shape: Shape | undefined;
}

function entry<V>(map: Map<string, Map<string, V>>, key: string): Map<string, V> {
  let inner = map.get(key);
  if (!inner) map.set(key, (inner = new Map()));
  return inner;
}

function nodeId(type: string, id: unknown): string {
  if (typeof id !== 'string') throw new Error(`${type}'s id resolver returned ${typeof id}, not a Stripe id.`);
  return id;
}

/**
 * One view maker per type, compiled to a single object literal: every view of a type then has the
 * same shape, with its fields in the object itself, and graphql-jit's reads of them stay monomorphic.
 * Generated because a closure cannot be as fast: a loop of keyed stores (`view[name] = get(p)`) makes
 * V8 give up on the objects' shapes after a dozen properties, and a 40-field view made and read by a
 * closure cost 14–17 µs against 2.3–3.2 µs for this literal (a microbenchmark, recorded in bench/HISTORY.md).
 * Only names from the schema and JSON-quoted property keys reach the source text.
 */
function compileView(typeName: string, fields: { field: string; plan: Plan; shape: Shape | undefined }[]): MakeView {
  const computes: ((source: unknown) => unknown)[] = [];
  const shapes: Shape[] = [];
  const entries: string[] = [];
  for (const { field, plan, shape } of fields) {
    if (plan.kind === 'resolve') continue;
    let value = plan.kind === 'read' ? `p[${JSON.stringify(plan.key)}]` : `computes[${computes.push(plan.compute) - 1}](p)`;
    if (shape) value = `shapes[${shapes.push(shape) - 1}](${value})`;
    entries.push(`${JSON.stringify(field)}: ${value}`);
  }
  const body = `return function make${typeName}View(p) {
    if (p === null || typeof p !== 'object' || SOURCE in p) return p;
    return { ${entries.join(', ')}, [SOURCE]: p };
  };`;
  return new Function('computes', 'shapes', 'SOURCE', body)(computes, shapes, SOURCE) as MakeView;
}

const sourceOf = (value: unknown): unknown => (value !== null && typeof value === 'object' && SOURCE in value ? (value as View)[SOURCE] : value);

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return value !== null && typeof value === 'object' && typeof (value as { then?: unknown }).then === 'function';
}

function thenShape(value: unknown, shape: Shape, ctx: object, info: GraphQLResolveInfo): unknown {
  return isPromiseLike(value) ? value.then((v) => shape(v, ctx, info)) : shape(value, ctx, info);
}

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      stripeViews: StripeViewsPlugin<Types>;
    }
  }
}

SchemaBuilder.registerPlugin('stripeViews', StripeViewsPlugin);

export default 'stripeViews' as const;
