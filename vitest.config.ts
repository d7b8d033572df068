import { defineConfig } from 'vitest/config';

/**
 * Projects: pure unit tests beside the code (and the web app's, under web/), the integration tests twice,
 * once on the embedded PGlite and once on a throwaway PostgreSQL cluster started by the global setup, and the
 * browser tests (test/e2e: Debian Chromium against a real server on PGlite).
 *
 * Much of the integration suite waits on other processes (PostgreSQL, `credence` children, nodes talking over
 * HTTP), so three files run at once even on two cores. The browser tests run last and alone: they measure
 * search latency in the page.
 */
export default defineConfig({
  test: {
    reporters: ['default', './test/support/summary-reporter.ts'],
    globalSetup: ['./test/support/temp-root.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    maxWorkers: 3,
    projects: [
      { test: { name: 'unit', include: ['src/**/*.test.ts'] } },
      { test: { name: 'web', include: ['web/src/**/*.test.ts'] } },
      {
        test: {
          name: 'browser',
          include: ['test/e2e/**/*.test.ts'],
          sequence: { groupOrder: 1 },
          maxWorkers: 1,
          globalSetup: ['./test/e2e/build-web.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'pglite',
          include: ['test/integration/**/*.test.ts'],
          env: { TEST_DB: 'pglite' },
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'postgres',
          include: ['test/integration/**/*.test.ts'],
          env: { TEST_DB: 'postgres' },
          globalSetup: ['./test/support/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
