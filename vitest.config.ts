import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Tests that share the real Redis use distinct key prefixes, so files may run in parallel.
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
  },
});
