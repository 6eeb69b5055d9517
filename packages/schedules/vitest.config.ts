import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'schedules', include: ['src/**/*.spec.ts'], environment: 'node' },
});
