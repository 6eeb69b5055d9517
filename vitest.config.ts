import { defineConfig } from 'vitest/config';

// One run over every package; the summary reporter prints the CI line "N passed, N failed".
export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts'],
    reporters: ['default', './tools/summary-reporter.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
