import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '@vad/core';
import type { ExperimentRecord } from '../report/collect';
import { stepLogPath } from '../runner/step-log';
import { readTrialError } from '../runner/trial-error';
import { experimentFiles, isTrialDone, listCheckpoints, readJsonIfExists } from '../runner/trial-files';
import type { QueuedTrial } from './launcher';
import { launchers } from './registry';

/** States `vad status` reports; `unfinished`: started or not, not done, and no scheduler holds it. */
export const trialStates = ['queued', 'running', 'done', 'failed', 'cancelled', 'unfinished'] as const;
export type TrialState = (typeof trialStates)[number];

/** One line of `vad status`. */
export interface TrialStatus {
  readonly id: string;
  readonly state: TrialState;
  readonly detail: string;
  /** Scheduler task (`12_3`), when one ran or holds the trial. */
  readonly job?: string;
  /** Log of a failed trial's task. */
  readonly log?: string;
}

function stepsLogged(trialDir: string): number {
  const path = stepLogPath(trialDir);
  return existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter((line) => line.endsWith('}')).length : 0;
}

function progress(trialDir: string): string {
  const checkpoint = listCheckpoints(trialDir).at(-1);
  const steps = stepsLogged(trialDir);
  if (steps === 0 && checkpoint === undefined) return 'not started';
  return `${steps} step(s) logged${checkpoint === undefined ? '' : `, last checkpoint ${checkpoint.split('/').pop()}`}`;
}

/** Status of one trial from its folder and, when a scheduler knows it, the scheduler's state. */
export function trialStatus(dir: string, id: string, queued: QueuedTrial | undefined): TrialStatus {
  const trialDir = join(dir, id);
  const job = queued === undefined ? {} : { job: queued.job };
  if (isTrialDone(trialDir)) return { id, state: 'done', detail: '', ...job };
  if (queued !== undefined && (queued.state === 'queued' || queued.state === 'running')) {
    return { id, state: queued.state, detail: `${queued.detail}${queued.state === 'running' ? `, ${progress(trialDir)}` : ''}`, ...job };
  }
  const error = readTrialError(trialDir);
  const log = error?.log ?? queued?.log;
  if (error !== undefined) return { id, state: 'failed', detail: error.message.split('\n')[0] ?? '', ...job, ...(log === undefined ? {} : { log }) };
  if (queued?.state === 'failed' || queued?.state === 'done') {
    const detail = queued.state === 'done' ? `${queued.detail}: the task ended without finishing the trial` : queued.detail;
    return { id, state: 'failed', detail: `${detail}, ${progress(trialDir)}`, ...job, ...(log === undefined ? {} : { log }) };
  }
  if (queued?.state === 'cancelled') return { id, state: 'cancelled', detail: `${queued.detail}, ${progress(trialDir)}`, ...job };
  return { id, state: 'unfinished', detail: progress(trialDir) };
}

/**
 * The state of every trial of an experiment folder: its trial folders (done.json, error.json,
 * checkpoints) plus what each launcher's scheduler says (`squeue`/`sacct` for SLURM).
 *
 * @example
 * (await experimentStatus('runs/tiny')).trials.map((t) => t.state); // => ['done', 'running', 'queued', 'failed']
 */
export async function experimentStatus(dir: string): Promise<{ name: string; trials: TrialStatus[]; notes: string[] }> {
  const experiment = readJsonIfExists<ExperimentRecord>(join(dir, experimentFiles.experiment));
  if (experiment === undefined) throw new UserError(`vad status: ${dir} must be an experiment folder written by vad run, but it has no ${experimentFiles.experiment}`);
  const views = await Promise.all(Object.values(launchers).map((launcher) => launcher.queued(dir)));
  const queued = new Map(views.flatMap((view) => [...view.trials]));
  return { name: experiment.name, trials: experiment.trials.map((t) => trialStatus(dir, t.id, queued.get(t.id))), notes: views.flatMap((view) => [...view.notes]) };
}

/**
 * `vad status` text: one line per trial (state, id, detail), the log of every failed one, notes, and
 * a summary line counting each state.
 */
export function formatStatus(dir: string, status: { name: string; trials: readonly TrialStatus[]; notes: readonly string[] }): string {
  const width = Math.max(...status.trials.map((t) => t.id.length));
  const lines = [`${status.name}: ${status.trials.length} trial(s) in ${dir}`];
  for (const trial of status.trials) {
    const job = trial.job === undefined ? '' : `  [${trial.job}]`;
    lines.push(`  ${trial.state.padEnd(10)} ${trial.id.padEnd(width)}${job}${trial.detail === '' ? '' : `  ${trial.detail}`}`);
    if (trial.state === 'failed' && trial.log !== undefined) lines.push(`  ${''.padEnd(10)} log: ${trial.log}`);
  }
  for (const note of status.notes) lines.push(`note: ${note}`);
  const counts = trialStates.map((state) => `${status.trials.filter((t) => t.state === state).length} ${state}`);
  lines.push(`summary: ${counts.join(', ')} (${status.trials.length} trial(s))`);
  return lines.join('\n');
}
