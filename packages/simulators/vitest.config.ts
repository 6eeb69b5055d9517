import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'simulators', include: ['src/**/*.spec.ts'], environment: 'node', testTimeout: 120_000, hookTimeout: 120_000, setupFiles: ['../../tools/vitest-tfjs-setup.ts'] },
});
