import { describe, expect, it } from 'vitest';
import {
  GraphQLObjectType,
  GraphQLScalarType,
  GraphQLSchema,
  execute,
  parse,
  parseValue as parseValueAst,
} from 'graphql';
import type Stripe from 'stripe';
import { schema } from '../../src/schema/index.js';
import { viewOf } from '../../src/schema/plugins/views.js';

const scalar = (name: string) => schema.getType(name) as GraphQLScalarType;

describe('DateTime', () => {
  const dateTime = scalar('DateTime');

  it('sends Stripe’s Unix seconds as ISO-8601 in UTC', () => {
    expect(dateTime.serialize(1767225600)).toBe('2026-01-01T00:00:00.000Z');
  });

  it('reads ISO-8601 date-times with a zone, and dates, as Unix seconds', () => {
    expect(dateTime.parseValue('2026-01-01T00:00:00Z')).toBe(1767225600);
    expect(dateTime.parseValue('2026-01-01T01:00:00+01:00')).toBe(1767225600);
    expect(dateTime.parseValue('2026-01-01')).toBe(1767225600);
    expect(dateTime.parseLiteral(parseValueAst('"2026-01-01T00:00:00.999Z"'))).toBe(1767225600);
  });

  it('refuses anything else with a message that shows the expected form', () => {
    expect(() => dateTime.parseValue('yesterday')).toThrow(/ISO-8601.*"yesterday"/);
    expect(() => dateTime.parseValue(1767225600)).toThrow(/ISO-8601/);
    expect(() => dateTime.parseValue('2026-01-01T00:00:00')).toThrow(/time zone/);
  });
});

describe('Metadata', () => {
  const metadata = scalar('Metadata');

  it('takes string values, and null to delete a key', () => {
    expect(metadata.parseValue({ order: '42', stale: null })).toEqual({ order: '42', stale: null });
    expect(metadata.parseLiteral(parseValueAst('{ order: "42", stale: null }'))).toEqual({ order: '42', stale: null });
  });

  it('refuses non-string values and non-objects', () => {
    expect(() => metadata.parseValue({ order: 42 })).toThrow(/"order" is 42/);
    expect(() => metadata.parseLiteral(parseValueAst('{ nested: { a: "b" } }'))).toThrow(/must be strings/);
    expect(() => metadata.parseValue(['a'])).toThrow(/JSON object/);
  });
});

describe('Currency', () => {
  const currency = scalar('Currency');

  it('accepts three letters in any case and gives Stripe lowercase', () => {
    expect(currency.parseValue('USD')).toBe('usd');
    expect(currency.parseLiteral(parseValueAst('"eur"'))).toBe('eur');
  });

  it('refuses anything else', () => {
    expect(() => currency.parseValue('us')).toThrow(/three-letter/);
    expect(() => currency.parseValue('dollars')).toThrow(/three-letter/);
  });
});

describe('open Stripe enums', () => {
  // A one-field schema over the real Payout and FinancialAccount types: no loaders, no SDK.
  // Its fields hand the objects over as views, as the gateway's own fields do.
  const payoutType = schema.getType('Payout') as GraphQLObjectType;
  const accountType = schema.getType('FinancialAccount') as GraphQLObjectType;
  const probe = (root: { payout?: Partial<Stripe.Payout>; account?: Partial<Stripe.Treasury.FinancialAccount> }) =>
    new GraphQLSchema({
      query: new GraphQLObjectType({
        name: 'Probe',
        fields: {
          payout: { type: payoutType, resolve: () => viewOf(payoutType, root.payout) },
          account: { type: accountType, resolve: () => viewOf(accountType, root.account) },
        },
      }),
    });

  it('resolves a value newer than the schema to UNRECOGNIZED, with the raw string beside it', async () => {
    const payout = {
      id: 'po_1',
      status: 'in_review',
      failure_code: 'account_closed',
      method: 'standard',
      trace_id: { status: 'delayed', value: null },
      created: 1767225600,
    };
    const result = await execute({
      schema: probe({ payout: payout as Partial<Stripe.Payout> }),
      document: parse('{ payout { id status statusRaw failureCode failureCodeRaw method traceId { status statusRaw } created } }'),
      contextValue: {},
    });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      payout: {
        id: 'po_1',
        status: 'UNRECOGNIZED',
        statusRaw: 'in_review',
        failureCode: 'ACCOUNT_CLOSED',
        failureCodeRaw: 'account_closed',
        method: 'STANDARD',
        traceId: { status: 'UNRECOGNIZED', statusRaw: 'delayed' },
        created: '2026-01-01T00:00:00.000Z',
      },
    });
  });

  it('keeps null enums null and maps lists item by item', async () => {
    const account = { id: 'fa_1', active_features: ['outbound_payments.ach', 'teleportation'], status: 'open' };
    const result = await execute({
      schema: probe({ payout: { id: 'po_2', failure_code: null, status: 'paid' }, account: account as never }),
      document: parse('{ payout { failureCode failureCodeRaw status } account { activeFeatures activeFeaturesRaw status } }'),
      contextValue: {},
    });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      payout: { failureCode: null, failureCodeRaw: null, status: 'PAID' },
      account: {
        activeFeatures: ['OUTBOUND_PAYMENTS_ACH', 'UNRECOGNIZED'],
        activeFeaturesRaw: ['outbound_payments.ach', 'teleportation'],
        status: 'OPEN',
      },
    });
  });
});
