import { defineConfig } from 'vitest/config';

// End-to-end journeys in Debian's Chromium against the built app (npm run e2e builds first).
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
