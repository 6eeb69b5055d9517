import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'native', include: ['src/**/*.spec.ts'], environment: 'node', setupFiles: ['../../tools/vitest-tfjs-setup.ts'], testTimeout: 120_000 },
});
