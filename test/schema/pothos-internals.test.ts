import { describe, expect, it } from 'vitest';
import SchemaBuilder, { type EnumRef } from '@pothos/core';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { execute, parse, type GraphQLObjectType } from 'graphql';
import OpenEnumsPlugin from '../../src/schema/plugins/open-enums.js';
import StripeViewsPlugin from '../../src/schema/plugins/views.js';

/**
 * What the schema plugins (src/schema/plugins/) take from Pothos beyond its documented plugin API.
 * Each test fails if a Pothos release changes it: a field then keeps a resolver it should not
 * (a page of payouts would make thousands of resolver calls again), or the schema stops answering.
 */
describe('Pothos internals the schema plugins rely on', () => {
  interface StripeLike {
    id: string;
    application_fee: string | null;
    status: string;
    secret_note: string;
  }
  const stripeObject: StripeLike = { id: 'po_1', application_fee: 'fee_1', status: 'in_review', secret_note: 'hush' };

  /** A small schema on the gateway's plugins, with one Stripe-like node type. */
  function build() {
    const builder = new SchemaBuilder<{ Context: { admin: boolean }; AuthScopes: { admin: boolean } }>({
      plugins: [ScopeAuthPlugin, RelayPlugin, OpenEnumsPlugin, StripeViewsPlugin],
      scopeAuth: { authScopes: (ctx) => ({ admin: ctx.admin }) },
      relay: { encodeGlobalID: (_type, id) => String(id), decodeGlobalID: (id) => ({ typename: 'Thing', id }) },
    });
    // Typed as open as Stripe's own enums are (enums.ts does the same).
    const Status = builder.enumType('ThingStatus', {
      values: { PAID: { value: 'paid' }, UNRECOGNIZED: { value: 'UNRECOGNIZED' } },
    }) as unknown as EnumRef<typeof builder.$inferSchemaTypes, string, string>;
    const Thing = builder.objectRef<StripeLike>('Thing');
    builder.node(Thing, {
      id: { resolve: (thing) => thing.id },
      fields: (t) => ({
        applicationFee: t.exposeString('application_fee', { nullable: true }),
        status: t.expose('status', { type: Status }),
        secretNote: t.exposeString('secret_note', { authScopes: { admin: true } }),
      }),
    });
    builder.queryType({ fields: (t) => ({ thing: t.field({ type: Thing, resolve: () => stripeObject }) }) });
    return builder.toSchema();
  }
  const schema = build();
  const fields = (schema.getType('Thing') as GraphQLObjectType).getFields();
  const run = (query: string, admin: boolean) => execute({ schema, document: parse(query), contextValue: { admin } });

  it('marks fields made by t.expose*() with the property they read (pothosExposedField): views read them, no resolver', async () => {
    expect(fields.applicationFee.resolve).toBeUndefined();
    expect(await run('{ thing { applicationFee } }', false)).toEqual({ data: { thing: { applicationFee: 'fee_1' } } });
  });

  it('keeps builder.node’s id resolver in the type’s pothosOptions (relay plugin): views compute the id, no resolver', async () => {
    expect(fields.id.resolve).toBeUndefined();
    expect(await run('{ thing { id } }', false)).toEqual({ data: { thing: { id: 'po_1' } } });
  });

  it('maps an exposed open-enum value the enum does not list to UNRECOGNIZED, with no resolver', async () => {
    expect(fields.status.resolve).toBeUndefined();
    expect(await run('{ thing { status } }', false)).toEqual({ data: { thing: { status: 'UNRECOGNIZED' } } });
  });

  it('still checks the scopes of a plain field (scope-auth wraps around the view’s read)', async () => {
    expect((await run('{ thing { secretNote } }', true)).data).toEqual({ thing: { secretNote: 'hush' } });
    const refused = await run('{ thing { id secretNote } }', false);
    expect(refused.data).toEqual({ thing: { id: 'po_1', secretNote: null } });
    expect(refused.errors?.map((e) => e.path)).toEqual([['thing', 'secretNote']]);
  });
});
