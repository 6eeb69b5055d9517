import { defineProject } from 'vitest/config';
import { sourceResolve } from '../../tools/vitest-source.ts';

export default defineProject({
  ...sourceResolve,
  test: { name: 'native', include: ['src/**/*.spec.ts'], environment: 'node', setupFiles: ['../../tools/vitest-tfjs-setup.ts'], testTimeout: 120_000, hookTimeout: 120_000 },
});
