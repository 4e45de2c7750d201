import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildClientSchema, isAbstractType, type IntrospectionQuery } from 'graphql';
import { clientArtifacts, printGatewaySchema, SCHEMA_FILE } from '../../scripts/print-schema.js';
import { schema } from '../../src/schema/index.js';

describe('schema.graphql', () => {
  it('matches the schema the code builds (run `npm run schema` after changing the schema)', () => {
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    expect(committed === printGatewaySchema(), 'schema.graphql is out of date: run `npm run schema` and commit it').toBe(true);
  });
});

describe('client schema artifacts (schema.introspection.json, possible-types.json)', () => {
  it('match the schema the code builds (run `npm run schema` after changing the schema)', () => {
    for (const [file, content] of Object.entries(clientArtifacts())) {
      expect(readFileSync(file, 'utf8') === content, `${file} is out of date: run \`npm run schema\` and commit it`).toBe(true);
    }
  });

  it('describe the same types as schema.graphql, so a client cache resolves unions and interfaces as the gateway does', () => {
    const files = Object.entries(clientArtifacts()).map(([file]) => JSON.parse(readFileSync(file, 'utf8')) as unknown);
    const [introspection, possibleTypes] = files as [IntrospectionQuery, Record<string, string[]>];
    const client = buildClientSchema(introspection);
    expect(Object.keys(client.getTypeMap()).sort()).toEqual(Object.keys(schema.getTypeMap()).sort());
    // A mutation's result union: the payload and the typed errors a client matches with `... on`.
    expect(possibleTypes.CancelPayoutResult).toContain('CancelPayoutPayload');
    expect(possibleTypes.CancelPayoutResult).toContain('PayoutInvalidStateError');
    expect(possibleTypes.Node).toContain('Payout');
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isAbstractType(type) || type.name.startsWith('__')) continue;
      const names = schema.getPossibleTypes(type).map((t) => t.name).sort();
      expect(possibleTypes[type.name], type.name).toEqual(names);
      expect(client.getPossibleTypes(client.getType(type.name) as typeof type).map((t) => t.name).sort(), type.name).toEqual(names);
    }
    expect(client.getDirective('defer')).toBeDefined();
  });
});
