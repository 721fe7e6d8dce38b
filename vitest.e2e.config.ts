import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests: real server processes and a headless Chromium against the built web app
 * (`pnpm test:e2e` builds it first). One file at a time: the machine has two cores.
 */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 90_000,
    hookTimeout: 150_000,
    fileParallelism: false,
    pool: 'forks',
    reporters: ['default', ['json', { outputFile: 'test-results/e2e.json' }]],
  },
});
