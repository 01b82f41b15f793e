import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Integration tests spawn worker pools; two cores, so keep files from piling up.
    maxWorkers: 2,
    globalSetup: ['test/global-setup.ts'],
  },
});
