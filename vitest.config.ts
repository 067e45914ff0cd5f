import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['subgraphs/*/src/**/*.test.ts', 'router/src/**/*.test.ts', 'scripts/**/*.test.ts', 'test/**/*.test.ts'],
    // Databases (PGlite boots in ~2 s) and real servers make these integration tests; give them room.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    fileParallelism: true,
    maxWorkers: 2,
  },
});
