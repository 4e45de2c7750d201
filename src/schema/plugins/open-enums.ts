import SchemaBuilder, {
  BasePlugin,
  completeValue,
  unwrapOutputFieldType,
  type PothosOutputFieldConfig,
  type SchemaTypes,
} from '@pothos/core';
import { defaultFieldResolver, type GraphQLFieldResolver } from 'graphql';
import { exposedProperty } from './exposed.js';

/** The value every open enum adds for what Stripe sends that the enum does not list (see enums.ts). */
export const UNRECOGNIZED = 'UNRECOGNIZED';

type Resolver<Types extends SchemaTypes> = GraphQLFieldResolver<unknown, Types['Context']>;

/**
 * Lets a field of an open enum (one with an `UNRECOGNIZED` value) carry values the enum does not
 * list: a listed Stripe value passes as it is (`in_transit`, serialized `IN_TRANSIT`), any other
 * becomes UNRECOGNIZED instead of failing the field. Lists are mapped item by item, null stays null.
 *
 * graphql has no per-enum hook for unlisted values, so the mapping goes into the field's resolver.
 * An exposed field's value then still depends on its parent alone: it is marked `fromParent`, so
 * the views plugin computes it once, when the view is made, and the field keeps no resolver.
 */
export class OpenEnumsPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override onOutputFieldConfig(fieldConfig: PothosOutputFieldConfig<Types>): PothosOutputFieldConfig<Types> {
    const typeConfig = this.buildCache.getTypeConfig(unwrapOutputFieldType(fieldConfig.type));
    if (typeConfig.kind !== 'Enum') return fieldConfig;
    const values = Object.values(typeConfig.values);
    if (!values.some((v) => v.value === UNRECOGNIZED)) return fieldConfig;

    const known = new Set<unknown>(values.map((v) => v.value));
    const toKnown = (value: unknown) => (value == null || known.has(value) ? value : UNRECOGNIZED);
    const map = fieldConfig.type.kind === 'List' ? (list: unknown) => (Array.isArray(list) ? list.map(toKnown) : list) : toKnown;

    const property = exposedProperty(fieldConfig);
    const read: Resolver<Types> =
      property === undefined ? ((fieldConfig.resolve ?? defaultFieldResolver) as Resolver<Types>) : (parent) => (parent as Record<string, unknown>)[property];
    return {
      ...fieldConfig,
      resolve: (parent, args, ctx, info) => completeValue(read(parent, args, ctx, info), map),
      extensions: { ...fieldConfig.extensions, fromParent: property !== undefined || fieldConfig.extensions?.fromParent === true },
    };
  }
}

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      openEnums: OpenEnumsPlugin<Types>;
    }
  }
}

SchemaBuilder.registerPlugin('openEnums', OpenEnumsPlugin);

export default 'openEnums' as const;
