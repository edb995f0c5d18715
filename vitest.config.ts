import { defineConfig } from 'vitest/config';

// Three projects:
//  - unit:     pure functions (*.unit.test.ts), no database
//  - pglite:   API and repository tests (*.test.ts) on embedded PGlite
//  - postgres: the same API and repository tests on the PostgreSQL server (TEST_DATABASE_URL)
//  - e2e:      browser tests in Debian's Chromium (tests/e2e)
const apiTests = ['server/src/**/*.test.ts', 'scripts/**/*.test.ts'];
const unitTests = [
  'server/src/**/*.unit.test.ts',
  'scripts/**/*.unit.test.ts',
  'web/src/**/*.unit.test.ts',
  'shared-code/**/*.unit.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'unit', include: unitTests, environment: 'node' } },
      {
        extends: true,
        test: {
          name: 'pglite',
          include: apiTests,
          exclude: unitTests,
          env: { TEST_DB: 'pglite' },
        },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: apiTests,
          exclude: unitTests,
          env: { TEST_DB: 'postgres' },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
