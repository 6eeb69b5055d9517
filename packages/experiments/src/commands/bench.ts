import type { CommandModule } from 'yargs';
import { UserError } from '@vad/core';

/** `vad bench` — placeholder until the benchmark lands (replaced by the core/perf work). */
export const benchCommand: CommandModule = {
  command: 'bench',
  describe: 'Time the DDL train step and inference (speed contract)',
  handler: () => {
    throw new UserError('vad bench: not available in this build');
  },
};
