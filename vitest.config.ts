import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Tests that share the real Redis use distinct key prefixes, so files may run in parallel.
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    // dist/ built (when stale) once, before the files that run the built bin start.
    globalSetup: ['test/support/build-once.ts'],
  },
});
