import { fileURLToPath } from 'node:url';
import type { CodegenConfig } from '@graphql-codegen/cli';
import { addTypenameSelectionDocumentTransform } from '@graphql-codegen/client-preset';

/**
 * The dashboard's typed documents (the `graphql()` calls in src/) and its persisted-documents
 * manifest, from the gateway's printed schema (graphcache reads the schema.introspection.json
 * that `npm run schema` writes beside it):
 * `npm run codegen` at the repository root. The output is committed; test/runtime/dashboard-codegen.test.ts
 * fails when it is out of date. Paths are relative to this file, so it runs from any directory.
 */
const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));


const config: CodegenConfig = {
  schema: here('../../schema.graphql'),
  documents: [here('src/**/*.{ts,tsx}'), `!${here('src/gql/**')}`],
  ignoreNoDocuments: false,
  generates: {
    [here('src/gql/')]: {
      preset: 'client',
      presetConfig: {
        fragmentMasking: false,
        // Each document carries `__meta__.hash` ("sha256:<hex>") and persisted-documents.json maps
        // hash → document: what a gateway that accepts only known documents is given.
        persistedDocuments: { mode: 'embedHashInDocument', hashAlgorithm: 'sha256' },
      },
      // graphcache needs __typename everywhere; with persisted documents the server runs the
      // manifest's text, so the typename fields must already be in it.
      documentTransforms: [addTypenameSelectionDocumentTransform],
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: {
          DateTime: 'string',
          Metadata: 'Record<string, string>',
          Currency: 'string',
          JSON: 'unknown',
        },
      },
    },
  },
};

export default config;
