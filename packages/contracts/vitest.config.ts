import { defineProject } from 'vitest/config';
import { sourceResolve } from '../../tools/vitest-source.ts';

export default defineProject({
  ...sourceResolve,
  test: { name: 'contracts', include: ['src/**/*.spec.ts'], environment: 'node', testTimeout: 120_000, hookTimeout: 120_000 },
});
