import { writeReport } from '../report/write-report';
import { runTrialsHere } from '../runner/run-experiment';
import type { Launcher } from './launcher';

/**
 * The default launcher: trials run on this machine, one after another in this process or in
 * `--workers N` child processes, then the report is written and its table printed — what `vad run`
 * always did. Nothing is queued, so there is nothing to report on or cancel (Ctrl-C stops a run).
 */
export const localLauncher: Launcher = {
  async submit(run, options) {
    await runTrialsHere(run, options);
    const report = await writeReport(run.dir);
    options.log(`\n${report.text}`);
    options.log(`report: ${report.files.join(', ')}`);
  },
  queued: async () => ({ trials: new Map(), notes: [] }),
  cancel: async () => [],
};
