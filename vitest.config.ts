import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
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
    // Importing the gateway (yoga, the SDK, graphql-jit, the schema) takes seconds; isolated,
    // every file paid it again (44 of the suite's 96 s were imports). Test files share nothing
    // mutable at module level (no module-level state in src/, no vi.mock), so each worker
    // imports once and runs its files one after another.
    isolate: false,
    // Files spend most of their time waiting on sockets and timers, so one worker per core
    // (vitest's default leaves one core free) keeps the machine busy.
    maxWorkers: availableParallelism(),
  },
});
