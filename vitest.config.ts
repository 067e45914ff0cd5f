import { defineConfig } from 'vitest/config';

// One project per workspace package (each package's `npm test` runs its own), the root's own tests, and e2e.

export default defineConfig({
  // graphql 16 ships CJS and ESM builds without an exports map: Node (and @apollo/*) load the CJS one, Vitest would
  // load the ESM one for our sources, and schemas/errors crossing the two fail graphql's realm checks. One copy.
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    // Databases (PGlite boots in ~2 s) and real servers make these integration tests; give them room.
    testTimeout: 30_000,
    // Routers started inside tests must not report usage to Apollo (nor probe cloud metadata endpoints);
    // @apollo/gateway only reads this variable, which router/src/main.ts and `npm start` set from APOLLO_TELEMETRY.
    env: { APOLLO_TELEMETRY_DISABLED: 'true' },
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      ...['subgraphs/shared', 'subgraphs/auth', 'subgraphs/plants', 'subgraphs/notifications', 'router'].map((dir) => ({
        extends: true as const,
        test: { name: dir.replace(/^subgraphs\//, ''), include: [`${dir}/src/**/*.test.ts`] },
      })),
      { extends: true, test: { name: 'root', include: ['scripts/**/*.test.ts', 'test/*.test.ts'] } },
      {
        // End-to-end suites boot whole stacks (up to six processes) and assert live-delivery latency: one at a time,
        // so they measure the system rather than contention with each other on a 2-core machine.
        extends: true,
        // The fuzz suite (test/fuzz) boots the whole supergraph in process too.
        test: { name: 'e2e', include: ['test/e2e/**/*.test.ts', 'test/fuzz/**/*.test.ts'], fileParallelism: false },
      },
    ],
  },
});
