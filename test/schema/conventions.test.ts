// The schema is the product's face: everything in it is described, and names
// follow GraphQL conventions (PascalCase types, camelCase fields and
// arguments, SCREAMING_CASE enum values).
import { describe, expect, it } from 'vitest';
import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isSpecifiedScalarType,
  type GraphQLNamedType,
} from 'graphql';
import { schema } from '../../src/schema/index.js';

const PASCAL = /^[A-Z][A-Za-z0-9]*$/;
const CAMEL = /^[a-z][A-Za-z0-9]*$/;
const SCREAMING = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;

function ownTypes(): GraphQLNamedType[] {
  return Object.values(schema.getTypeMap()).filter((t) => !t.name.startsWith('__') && !isSpecifiedScalarType(t));
}

/** Every problem found in the schema, one line each, so a failure lists them all. */
function problems(): string[] {
  const found: string[] = [];
  const described = (what: string, description: string | null | undefined) => {
    if (!description?.trim()) found.push(`${what} has no description`);
  };
  const named = (what: string, name: string, pattern: RegExp) => {
    if (!pattern.test(name)) found.push(`${what} is not ${pattern === CAMEL ? 'camelCase' : pattern === PASCAL ? 'PascalCase' : 'SCREAMING_CASE'}`);
  };
  for (const type of ownTypes()) {
    described(`type ${type.name}`, type.description);
    named(`type ${type.name}`, type.name, PASCAL);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        const where = `${type.name}.${field.name}`;
        described(where, field.description);
        named(where, field.name, CAMEL);
        for (const arg of field.args) {
          described(`${where}(${arg.name})`, arg.description);
          named(`${where}(${arg.name})`, arg.name, CAMEL);
        }
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        described(`${type.name}.${field.name}`, field.description);
        named(`${type.name}.${field.name}`, field.name, CAMEL);
      }
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) {
        described(`${type.name}.${value.name}`, value.description);
        named(`${type.name}.${value.name}`, value.name, SCREAMING);
      }
    }
  }
  return found;
}

describe('schema conventions', () => {
  it('describes every type, field, argument and enum value, and names them conventionally', () => {
    expect(problems()).toEqual([]);
  });

  it('has the query fields the product promises', () => {
    const query = schema.getQueryType()!.getFields();
    for (const name of [
      'node',
      'nodes',
      'payout',
      'payouts',
      'refund',
      'refunds',
      'transfer',
      'transfers',
      'transferReversal',
      'outboundPayment',
      'outboundPayments',
      'financialAccount',
      'financialAccounts',
      'balanceTransaction',
      'balanceTransactions',
    ]) {
      expect(query, name).toHaveProperty(name);
    }
  });

  it('makes the Stripe resources Relay nodes', () => {
    const implementers = schema.getImplementations(schema.getType('Node') as never).objects.map((t) => t.name).sort();
    expect(implementers).toEqual(
      [
        'BalanceTransaction',
        'Charge',
        'FinancialAccount',
        'OutboundPayment',
        'PaymentIntent',
        'Payout',
        'Refund',
        'Transfer',
        'TransferReversal',
        'TreasuryTransaction',
      ].sort(),
    );
  });
});
