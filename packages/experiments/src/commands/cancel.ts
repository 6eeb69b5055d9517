import { resolve } from 'node:path';
import type { CommandModule } from 'yargs';
import { launchers } from '../launchers/registry';

/** `vad cancel EXPERIMENT_DIR` — cancel the experiment's queued and running scheduler jobs. */
export const cancelCommand: CommandModule<object, { dir: string }> = {
  command: 'cancel <dir>',
  describe: 'Cancel the queued and running jobs submitted from an experiment folder (running trials checkpoint first)',
  builder: (yargs) => yargs.positional('dir', { type: 'string', demandOption: true, describe: 'experiment folder written by vad run' }),
  handler: async (args) => {
    const dir = resolve(args.dir);
    const cancelled = (await Promise.all(Object.values(launchers).map((launcher) => launcher.cancel(dir)))).flat();
    process.stdout.write(cancelled.length === 0 ? `nothing to cancel in ${dir}\n` : `cancelled job(s) ${cancelled.join(', ')}; rerun vad run to resume\n`);
  },
};
