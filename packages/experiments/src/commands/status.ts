import { resolve } from 'node:path';
import type { CommandModule } from 'yargs';
import { experimentStatus, formatStatus } from '../launchers/experiment-status';

/** `vad status EXPERIMENT_DIR` — one line per trial (queued / running / done / failed / cancelled / unfinished). */
export const statusCommand: CommandModule<object, { dir: string; json: boolean }> = {
  command: 'status <dir>',
  describe: 'State of every trial of an experiment folder (trial folders plus squeue/sacct for SLURM runs), failed tasks with their logs',
  builder: (yargs) =>
    yargs
      .positional('dir', { type: 'string', demandOption: true, describe: 'experiment folder written by vad run' })
      .option('json', { type: 'boolean', default: false, describe: 'print JSON instead of text' }),
  handler: async (args) => {
    const dir = resolve(args.dir);
    const status = await experimentStatus(dir);
    process.stdout.write(`${args.json ? JSON.stringify(status, null, 2) : formatStatus(dir, status)}\n`);
  },
};
