import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generate } from '@graphql-codegen/cli';
import { printGatewaySchema } from '../../scripts/print-schema.js';
import config from '../../codegen.js';

/** The committed typed documents (test/gql) must match the code's schema and examples/operations. */
describe('generated client documents', () => {
  it('are up to date (otherwise: npm run schema && npm run codegen)', async () => {
    const outputs = await generate({ ...config, schema: printGatewaySchema(), silent: true }, false);
    expect(outputs.length).toBeGreaterThan(0);
    for (const { filename, content } of outputs) {
      expect(readFileSync(filename, 'utf8'), filename).toBe(content);
    }
  }, 60_000);
});
