import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '@graphql-codegen/cli';
import { printGatewaySchema } from '../../scripts/print-schema.js';
import config from '../../examples/dashboard/codegen.js';

/**
 * The sample dashboard's committed codegen output (examples/dashboard/src/gql: typed documents, the
 * persisted-documents manifest, graphcache's introspection) must match the code's schema and the
 * dashboard's documents.
 */
describe("the dashboard's generated documents, manifest and introspection", () => {
  it('are up to date (otherwise: npm run schema && npm run codegen)', async () => {
    const outputs: { filename: string; content: string }[] = await generate({ ...config, schema: printGatewaySchema(), silent: true }, false);
    expect(outputs.map((o) => basename(o.filename))).toEqual(
      expect.arrayContaining(['graphql.ts', 'persisted-documents.json']),
    );
    for (const { filename, content } of outputs) {
      expect(readFileSync(filename, 'utf8'), filename).toBe(content);
    }
  }, 60_000);

  it("hash every operation the way the manifest does: sha256 of the manifest's text, which the documents carry", () => {
    const read = (file: string) => readFileSync(new URL(`../../examples/dashboard/src/gql/${file}`, import.meta.url), 'utf8');
    const manifest = JSON.parse(read('persisted-documents.json')) as Record<string, string>;
    const embedded = new Set([...read('graphql.ts').matchAll(/"__meta__":\{"hash":"(sha256:[0-9a-f]{64})"\}/g)].map((m) => m[1]));
    expect(Object.keys(manifest).length).toBeGreaterThan(0);
    for (const [hash, text] of Object.entries(manifest)) {
      expect(`sha256:${createHash('sha256').update(text).digest('hex')}`).toBe(hash);
      expect(embedded.has(hash), hash).toBe(true);
      // graphcache normalizes by __typename: the server runs this text, so it must ask for it.
      expect(text).toContain('__typename');
    }
  });
});
