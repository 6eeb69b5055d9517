import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '@vad/core';
import { writeFileAtomic } from '@vad/data';
import { displayPath } from '../../config/compose';
import { openCheckedData, writeExperimentRecord, type PreparedRun } from '../../runner/run-experiment';
import { isTrialDone } from '../../runner/trial-files';
import { vadBin } from '../../runner/worker-pool';
import type { SubmitOptions } from '../launcher';
import { arrayScript, logDir, reportScript } from './sbatch-script';
import { complaint, slurmCommand } from './slurm-commands';
import { readSlurmJobs, recordSubmission, slurmDir, slurmJobName } from './slurm-jobs';
import { slurmQueue } from './slurm-queue';

async function sbatch(args: readonly string[], what: string, script?: string): Promise<string> {
  const result = await slurmCommand('sbatch', args, script);
  if (result.code !== 0) throw new UserError(`vad run --launcher slurm: sbatch must accept the ${what}, but it said: ${complaint(result)}`, 2);
  const id = result.stdout.trim().split(';')[0] ?? '';
  if (args.includes('--parsable') && !/^\d+$/.test(id)) throw new UserError(`vad run --launcher slurm: sbatch must print the ${what}'s job id, but printed ${JSON.stringify(result.stdout.trim())}`, 2);
  return id;
}

/** Undoes what a failed submission wrote: the experiment folder if it created it, else its own files. */
function rollback(dir: string, existed: { dir: boolean; slurm: boolean; logs: boolean }, files: readonly string[]): void {
  if (!existed.dir) return rmSync(dir, { recursive: true, force: true });
  for (const file of files) rmSync(file, { force: true });
  if (!existed.slurm) rmSync(slurmDir(dir), { recursive: true, force: true });
  else if (!existed.logs) rmSync(logDir(dir), { recursive: true, force: true });
}

/**
 * `vad run --launcher slurm`: submits every trial that is neither done nor already queued or running
 * as one job array (one task per trial, `vad train --trial ID`), plus a report job that runs after
 * it (`afterany`). The scripts are kept in `<dir>/slurm/`, the submission is recorded in
 * `slurm/jobs.json`. sbatch is asked first with `--test-only`, so a missing sbatch, an unknown
 * partition or any rejected option fails (exit 2) before anything is written; a later failure
 * removes what this submission wrote (and cancels its array if only the report job was refused).
 */
export async function submitToSlurm(run: PreparedRun, options: SubmitOptions): Promise<void> {
  const { experiment, dir } = run;
  const slurm = experiment.launcher.slurm;
  if (/["\n]/.test(dir) || /["\n]/.test(process.cwd())) throw new UserError(`vad run --launcher slurm: the experiment folder and working directory must not contain double quotes or newlines (#SBATCH lines), but got ${JSON.stringify(dir)}`);
  if (options.workers !== undefined) throw new UserError(`--workers must not be used with --launcher slurm (use --array-parallelism or launcher.slurm.parallelism), but got ${options.workers}`);
  await sbatch(['--version'], 'version query');
  const jobName = slurmJobName(experiment.name, dir);
  const queue = await slurmQueue(dir);
  const done = run.trials.filter((t) => isTrialDone(join(dir, t.id)));
  const active = run.trials.filter((t) => !done.includes(t) && ['queued', 'running'].includes(queue.trials.get(t.id)?.state ?? ''));
  const todo = run.trials.filter((t) => !done.includes(t) && !active.includes(t));
  options.log(`${experiment.name}: ${run.trials.length} trial(s), ${done.length} already done, ${active.length} already queued or running, output ${dir}`);
  const follow = `follow: vad status ${dir}   (squeue --name=${jobName}; cancel: vad cancel ${dir})`;
  if (todo.length === 0) return void options.log(`nothing to submit\n${follow}`);
  await openCheckedData(displayPath(experiment.file), todo); // bad data fails here, not in every task
  const index = (readSlurmJobs(dir)?.submissions.length ?? 0) + 1;
  const node = slurm.node ?? process.execPath;
  const input = { jobName, experiment: experiment.name, dir, cwd: process.cwd(), trials: todo.map((t) => t.id), command: [node, vadBin, ...run.trainArgs], options: slurm };
  const script = arrayScript(input);
  const report = reportScript({ ...input, command: [node, vadBin, 'report', dir] });
  await sbatch(['--test-only'], 'job array', script);
  const existed = { dir: existsSync(dir), slurm: existsSync(slurmDir(dir)), logs: existsSync(logDir(dir)) };
  const files = [join(slurmDir(dir), `array-${index}.sbatch`), join(slurmDir(dir), `report-${index}.sbatch`)] as const;
  try {
    mkdirSync(logDir(dir), { recursive: true }); // SLURM does not create the folder of --output
    writeFileAtomic(files[0], script);
    writeFileAtomic(files[1], report);
    const arrayJob = await sbatch(['--parsable', files[0]], 'job array');
    const reportJob = await sbatch(['--parsable', `--dependency=afterany:${arrayJob}`, files[1]], 'report job').catch(async (error: unknown) => {
      await slurmCommand('scancel', [arrayJob]);
      throw error;
    });
    writeExperimentRecord(run, options.set);
    recordSubmission(dir, jobName, { arrayJob, reportJob, script: files[0], reportScript: files[1], trials: input.trials, submittedAt: new Date().toISOString() });
    const cap = slurm.parallelism === null ? '' : `, at most ${slurm.parallelism} at once`;
    options.log(`submitted ${todo.length} trial(s) as job array ${arrayJob} (tasks 0-${todo.length - 1}${cap}) and report job ${reportJob} (after the array ends)`);
    options.log(`script: ${files[0]}\nlogs: ${logDir(dir)}/${arrayJob}_<task>.log\n${follow}`);
  } catch (error) {
    rollback(dir, existed, files);
    throw error;
  }
}
