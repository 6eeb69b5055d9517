import { defineProject } from 'vitest/config';
import { sourceResolve } from '../../tools/vitest-source.ts';

export default defineProject({
  ...sourceResolve,
  test: { name: 'core', include: ['src/**/*.spec.ts'], environment: 'node', setupFiles: ['../../tools/vitest-tfjs-setup.ts'] },
});
