import type { PothosOutputFieldConfig, SchemaTypes } from '@pothos/core';

/**
 * The parent property a `t.expose*('snake_name')` field reads, or undefined for any other field.
 *
 * Pothos marks exposed fields with an extension of its own, `pothosExposedField`, and documents
 * no other way to tell them apart (their resolver is a closure or graphql's default). This is the
 * one place the plugins read it; test/schema/pothos-internals.test.ts fails if Pothos renames it.
 */
export function exposedProperty<Types extends SchemaTypes>(fieldConfig: PothosOutputFieldConfig<Types>): string | undefined {
  const key: unknown = fieldConfig.extensions?.pothosExposedField;
  return typeof key === 'string' ? key : undefined;
}
