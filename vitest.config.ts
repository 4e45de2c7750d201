import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql 16 ships index.mjs (vite's pick) and index.js (what Node gives Pothos, yoga and envelop).
    // Two copies break graphql's instanceof checks ("Cannot use GraphQLSchema from another module"),
    // so tests load the same copy as the libraries do.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
