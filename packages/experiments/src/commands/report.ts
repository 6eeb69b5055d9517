import type { CommandModule } from 'yargs';
import { writeReport } from '../report/write-report';

/** `vad report EXPERIMENT_DIR` — comparison table (md/csv/json), plots and report.html. */
export const reportCommand: CommandModule<object, { dir: string; plots: boolean }> = {
  command: 'report <dir>',
  describe: 'Write the comparison table (Markdown, CSV, JSON), plots and report.html of an experiment folder',
  builder: (yargs) =>
    yargs
      .positional('dir', { type: 'string', demandOption: true, describe: 'experiment folder written by vad run' })
      .option('plots', { type: 'boolean', default: true, describe: 'render plots and report.html' }),
  handler: async (args) => {
    const report = await writeReport(args.dir, { plots: args.plots });
    process.stdout.write(`${report.text}\nreport: ${report.files.join(', ')}\n`);
  },
};
