import { defineConfig } from 'vitest/config';

// Unit and integration tests. QIFU_TEST_DB=postgres runs the same suite against PostgreSQL.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
