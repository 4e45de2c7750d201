import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { printGatewaySchema, SCHEMA_FILE } from '../../scripts/print-schema.js';

describe('schema.graphql', () => {
  it('matches the schema the code builds (run `npm run schema` after changing the schema)', () => {
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    expect(committed === printGatewaySchema(), 'schema.graphql is out of date: run `npm run schema` and commit it').toBe(true);
  });
});
