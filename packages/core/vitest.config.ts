import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'core', include: ['src/**/*.spec.ts'], environment: 'node', setupFiles: ['../../tools/vitest-tfjs-setup.ts'] },
});
