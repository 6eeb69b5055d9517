import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { writeJsonAtomic } from '@vad/data';
import { readJsonIfExists } from '../../runner/trial-files';

/** One `vad run --launcher slurm` submission: its job array (task i = trials[i]) and report job. */
export interface SlurmSubmission {
  readonly arrayJob: string;
  readonly reportJob: string;
  readonly script: string;
  readonly reportScript: string;
  readonly trials: readonly string[];
  readonly submittedAt: string;
}

/** `<experiment>/slurm/jobs.json`: the experiment's job name and every submission, oldest first. */
export interface SlurmJobs {
  readonly jobName: string;
  readonly submissions: readonly SlurmSubmission[];
}

/** `<experiment>/slurm`: scripts, jobs.json and logs/. */
export function slurmDir(dir: string): string {
  return join(dir, 'slurm');
}

/**
 * The experiment's SLURM job name: `vad-<name>-<8 hex of the folder path>`, the same for every
 * submission from one folder (so `--dependency=singleton` serialises them) and different for two
 * folders of the same config.
 *
 * @example
 * slurmJobName('tiny', '/scratch/runs/tiny'); // => 'vad-tiny-3f1c9a0e' (hash of the path)
 */
export function slurmJobName(name: string, dir: string): string {
  return `vad-${name}-${createHash('sha256').update(dir).digest('hex').slice(0, 8)}`;
}

/** jobs.json of an experiment folder, or undefined when nothing was submitted from it. */
export function readSlurmJobs(dir: string): SlurmJobs | undefined {
  return readJsonIfExists<SlurmJobs>(join(slurmDir(dir), 'jobs.json'));
}

/** Appends a submission to jobs.json (atomically). */
export function recordSubmission(dir: string, jobName: string, submission: SlurmSubmission): void {
  const previous = readSlurmJobs(dir)?.submissions ?? [];
  writeJsonAtomic(join(slurmDir(dir), 'jobs.json'), { jobName, submissions: [...previous, submission] } satisfies SlurmJobs);
}

/** The latest submission's array task of each trial (`<arrayJob>_<index>`), by trial id. */
export function latestTasks(jobs: SlurmJobs): Map<string, string> {
  const tasks = new Map<string, string>();
  for (const submission of jobs.submissions) submission.trials.forEach((id, index) => tasks.set(id, `${submission.arrayJob}_${index}`));
  return tasks;
}
