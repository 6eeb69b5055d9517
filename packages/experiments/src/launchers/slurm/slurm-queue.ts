import { join } from 'node:path';
import { UserError } from '@vad/core';
import type { QueuedTrial } from '../launcher';
import { logDir } from './sbatch-script';
import { complaint, MissingCommand, slurmCommand } from './slurm-commands';
import { latestTasks, readSlurmJobs } from './slurm-jobs';
import { isActive, launcherState, parseSacct, parseSqueue, type TaskState } from './slurm-states';

/** Scheduler states of an experiment's trials, and notes on what could not be asked. */
export interface SlurmQueueView {
  readonly trials: ReadonlyMap<string, QueuedTrial>;
  readonly notes: readonly string[];
}

async function ask(command: string, args: readonly string[], notes: string[], parse: (text: string) => Map<string, TaskState>, without: string): Promise<Map<string, TaskState> | undefined> {
  try {
    const result = await slurmCommand(command, args);
    if (result.code === 0) return parse(result.stdout);
    notes.push(`${command}: ${complaint(result)} (${without})`);
  } catch (error) {
    if (!(error instanceof MissingCommand)) throw error;
    notes.push(`${command} is not on PATH: states come from the trial folders only`);
  }
  return undefined;
}

/**
 * What SLURM says about the latest array task of every trial submitted from `dir` (slurm/jobs.json):
 * `squeue` for tasks it still lists (every state, so also recently ended ones), `sacct` for the
 * rest. Without one of them (no accounting database, or no SLURM client on this machine) the view
 * is partial and `notes` says why; it never fails for that.
 *
 * @example
 * (await slurmQueue('runs/tiny')).trials.get('none-1a2b3c4d-seed0');
 * // => { state: 'queued', job: '12_0', detail: 'PENDING (Dependency)', log: 'runs/tiny/slurm/logs/12_0.log' }
 */
export async function slurmQueue(dir: string): Promise<SlurmQueueView> {
  const jobs = readSlurmJobs(dir);
  if (jobs === undefined) return { trials: new Map(), notes: [] };
  const notes: string[] = [];
  const queue = (await ask('squeue', ['-h', '-r', '-t', 'all', '-n', jobs.jobName, '-o', '%F|%K|%T|%r'], notes, parseSqueue, 'queued and running tasks unknown')) ?? new Map<string, TaskState>();
  const arrays = jobs.submissions.map((s) => s.arrayJob).join(',');
  const accounting = notes.some((n) => n.includes('not on PATH')) ? new Map<string, TaskState>() : ((await ask('sacct', ['-n', '-P', '-X', '-j', arrays, '-o', 'JobID,State,ExitCode'], notes, parseSacct, 'tasks that ended are known only while squeue lists them, see MinJobAge')) ?? new Map<string, TaskState>());
  const trials = new Map<string, QueuedTrial>();
  for (const [id, task] of latestTasks(jobs)) {
    const listed = queue.get(task);
    const known = listed !== undefined && isActive(listed.state) ? listed : (accounting.get(task) ?? listed);
    if (known === undefined) continue;
    const reason = known.reason === '' || known.reason === 'None' ? '' : ` (${known.reason})`;
    trials.set(id, { state: launcherState(known.state), job: task, detail: `${known.state}${reason}`, log: join(logDir(dir), `${task}.log`) });
  }
  return { trials, notes };
}

/**
 * Cancels every queued or running job submitted from `dir` (job arrays and report jobs, matched by
 * the experiment's job names); returns the ids passed to `scancel`.
 */
export async function slurmCancel(dir: string): Promise<string[]> {
  const jobs = readSlurmJobs(dir);
  if (jobs === undefined) return [];
  const listed = await slurmCommand('squeue', ['-h', '-n', `${jobs.jobName},${jobs.jobName}-report`, '-o', '%F']);
  if (listed.code !== 0) throw new UserError(`vad cancel: squeue must list the jobs of ${dir}, but it said: ${complaint(listed)}`, 1);
  const ids = [...new Set(listed.stdout.split('\n').map((line) => line.trim()).filter((line) => /^\d+$/.test(line)))];
  if (ids.length === 0) return [];
  const result = await slurmCommand('scancel', ids);
  if (result.code !== 0) throw new UserError(`vad cancel: scancel must cancel ${ids.join(' ')}, but it said: ${complaint(result)}`, 1);
  return ids;
}
