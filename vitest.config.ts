import { defineConfig } from 'vitest/config';
import { sourceResolve } from './tools/vitest-source';

// One run over every package; the summary reporter prints the CI line "N passed, N failed".
export default defineConfig({
  test: {
    projects: [
      'packages/*/vitest.config.ts',
      // The fallback job: backend selection with the native addon unavailable (auto → wasm with the
      // advice line, explicit native → exit 2), counted in the same summary line as everything else.
      {
        ...sourceResolve,
        test: {
          name: 'core-fallback',
          root: 'packages/core',
          include: ['src/backend.spec.ts'],
          environment: 'node',
          env: { VAD_NATIVE: 'off' },
          testTimeout: 120_000,
          setupFiles: ['../../tools/vitest-tfjs-setup.ts'],
        },
      },
      // Workspace-level checks (package boundaries through ESLint + Nx, see tools/boundaries.spec.ts).
      { test: { name: 'workspace', root: '.', include: ['tools/**/*.spec.ts'], environment: 'node', testTimeout: 120_000, hookTimeout: 120_000 } },
    ],
    reporters: ['default', './tools/summary-reporter.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
