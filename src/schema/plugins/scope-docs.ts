import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';

const ROOT_KINDS = new Set(['Query', 'Mutation', 'Subscription']);

/** The scope names of an `authScopes` option given as a map (`{ read: true }`); functions name none. */
function scopeNames(authScopes: unknown): string[] {
  if (!authScopes || typeof authScopes !== 'object') return [];
  return Object.entries(authScopes)
    .filter(([, wanted]) => wanted === true)
    .map(([scope]) => scope);
}

/**
 * Writes into every root field's description which scope it needs, from the same `authScopes`
 * option the scope-auth plugin enforces (the field's own, else its root type's), so GraphiQL's
 * docs show it and the two can never disagree.
 */
export class ScopeDocsPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override onOutputFieldConfig(fieldConfig: PothosOutputFieldConfig<Types>): PothosOutputFieldConfig<Types> {
    const typeConfig = this.buildCache.getTypeConfig(fieldConfig.parentType);
    if (!ROOT_KINDS.has(typeConfig.kind)) return fieldConfig;
    const own = scopeNames((fieldConfig.pothosOptions as { authScopes?: unknown }).authScopes);
    const scopes = own.length ? own : scopeNames((typeConfig.pothosOptions as { authScopes?: unknown }).authScopes);
    if (!scopes.length) return fieldConfig;
    const needs = `Requires the ${scopes.map((s) => `\`${s}\``).join(' and ')} scope${scopes.length > 1 ? 's' : ''}.`;
    return { ...fieldConfig, description: fieldConfig.description ? `${fieldConfig.description} ${needs}` : needs };
  }
}

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      scopeDocs: ScopeDocsPlugin<Types>;
    }
  }
}

SchemaBuilder.registerPlugin('scopeDocs', ScopeDocsPlugin);

export default 'scopeDocs' as const;
