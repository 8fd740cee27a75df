import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'packages/*/{src,test}/**/*.test.ts',
      'server/{src,test}/**/*.test.ts',
      'client/{src,test}/**/*.test.{ts,tsx}',
      // Real Chromium against the real server and the production client build (client/e2e/harness).
      'client/e2e/**/*.e2e.test.ts',
    ],
    reporters: ['default', './scripts/summaryReporter.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
