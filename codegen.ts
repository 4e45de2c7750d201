import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents for the example operations (examples/operations), which the
 * e2e tests import, and their persisted-documents manifest: `npm run codegen` after changing either the schema
 * (schema.graphql, printed by `npm run schema`) or an operation. The output is
 * committed; test/e2e/codegen.test.ts fails when it is out of date.
 */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['examples/operations/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'test/gql/': {
      preset: 'client',
      presetConfig: {
        fragmentMasking: false,
        // test/gql/persisted-documents.json: each document by `sha256:<hex>` of its text, the ids a
        // client sends instead of the query (README, "Trusted documents"); the ids are embedded in the
        // typed documents (`__meta__.hash`).
        persistedDocuments: { mode: 'embedHashInDocument', hashAlgorithm: 'sha256' },
      },
      config: {
        // NodeNext: relative imports need their .js extension.
        emitLegacyCommonJSImports: false,
        useTypeImports: true,
        enumsAsTypes: true,
        // What the custom scalars are on the wire.
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
