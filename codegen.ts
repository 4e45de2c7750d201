import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents for the example operations (examples/operations), which the
 * e2e tests import: `npm run codegen` after changing either the schema
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
      presetConfig: { fragmentMasking: false },
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
