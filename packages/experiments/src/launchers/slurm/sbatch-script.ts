import { join } from 'node:path';
import type { SlurmOptions } from './slurm-options';

/** What the array script of one submission needs (all paths absolute). */
export interface ArrayScriptInput {
  /** The experiment's stable job name (`--dependency=singleton` keys on it). */
  readonly jobName: string;
  readonly experiment: string;
  /** The experiment folder; logs go to `<dir>/slurm/logs/<arrayJob>_<task>.log`. */
  readonly dir: string;
  /** Working directory of every task (`--chdir`): where `vad run` was called. */
  readonly cwd: string;
  /** One array task per trial id, in this order. */
  readonly trials: readonly string[];
  /** The `vad train …` command line without `--trial` (`[node, vad.js, 'train', config, '--out', dir, …]`). */
  readonly command: readonly string[];
  readonly options: SlurmOptions;
}

/** Quotes a word for bash unless it is plainly safe. */
export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** A value on an `#SBATCH` line (no shell there: double quotes group words, nothing expands). */
function sbatchValue(value: string): string {
  if (/["\n]/.test(value)) throw new Error(`sbatchValue: value must not contain double quotes or newlines, but got ${JSON.stringify(value)}`);
  return /\s/.test(value) ? `"${value}"` : value;
}

/** The folder of the task logs (in `--output`, its `%` are doubled: SLURM expands %A, %a, … there). */
export function logDir(dir: string): string {
  return join(dir, 'slurm', 'logs');
}

function resourceLines(options: SlurmOptions, forReport: boolean): string[] {
  const lines: Array<[string, string | number | null]> = [
    ['partition', options.partition],
    ['time', options.time],
    ['account', options.account],
    ['qos', options.qos],
    ...(forReport ? [] : ([['cpus-per-task', options.cpusPerTask], ['mem', options.mem], ['gpus-per-task', options.gpusPerTask]] as Array<[string, number | string | null]>)),
  ];
  return [
    ...lines.filter(([, value]) => value !== null).map(([flag, value]) => `#SBATCH --${flag}=${sbatchValue(String(value))}`),
    ...options.extra.map((line) => `#SBATCH ${line}`),
  ];
}

/**
 * The kept `sbatch` script of one submission: a job array with one task per trial (at most
 * `parallelism` at once), each running `vad train --trial ID` on the experiment folder. Tasks are
 * requeueable; on SIGTERM (preemption, `scontrol requeue`, `scancel`) the trial checkpoints and exits,
 * and `signalSeconds` before the time limit the task checkpoints and requeues itself (at most
 * `timeoutRequeues` times), so the next attempt resumes. `--dependency=singleton` on the experiment's
 * job name keeps two submissions of one experiment from running at the same time.
 *
 * @example
 * arrayScript({ jobName: 'vad-tiny-1a2b3c4d', trials: ['a-seed0', 'b-seed0'], options: { parallelism: 1, … }, … });
 * // => '#!/bin/bash\n…#SBATCH --array=0-1%1\n#SBATCH --dependency=singleton\n…'
 */
export function arrayScript(input: ArrayScriptInput): string {
  const { options } = input;
  const logs = logDir(input.dir);
  const last = input.trials.length - 1;
  const requeues = options.timeoutRequeues;
  return [
    '#!/bin/bash',
    `# vad run --launcher slurm: experiment ${input.experiment}, ${input.trials.length} trial(s), one array task each.`,
    '# Kept so it can be read and resubmitted as is: sbatch THIS_FILE (finished trials are skipped, unfinished ones resume).',
    `#SBATCH --job-name=${sbatchValue(input.jobName)}`,
    `#SBATCH --array=0-${last}${options.parallelism === null ? '' : `%${options.parallelism}`}`,
    '#SBATCH --dependency=singleton',
    `#SBATCH --output=${sbatchValue(join(logs.replace(/%/g, '%%'), '%A_%a.log'))}`,
    '#SBATCH --open-mode=append',
    `#SBATCH --chdir=${sbatchValue(input.cwd)}`,
    '#SBATCH --ntasks=1',
    ...(options.requeue ? ['#SBATCH --requeue'] : ['#SBATCH --no-requeue']),
    ...(requeues > 0 ? [`#SBATCH --signal=B:USR2@${options.signalSeconds}`] : []),
    ...resourceLines(options, false),
    'set -uo pipefail',
    'trials=(',
    ...input.trials.map((id) => `  ${shellQuote(id)}`),
    ')',
    'trial=${trials[$SLURM_ARRAY_TASK_ID]}',
    'task="${SLURM_ARRAY_JOB_ID}_${SLURM_ARRAY_TASK_ID}"',
    `export VAD_TASK_LOG=${shellQuote(logs)}/"$task.log"`,
    'echo "vad: trial $trial, task $task on $(hostname), attempt $(( ${SLURM_RESTART_COUNT:-0} + 1 ))"',
    ...options.setup,
    `${input.command.map(shellQuote).join(' ')} --trial "$trial" &`,
    'child=$!',
    ...(requeues > 0
      ? [
          `# ${options.signalSeconds} s before the time limit SLURM sends USR2 (--signal): checkpoint, then requeue this task.`,
          'near_limit() {',
          `  if [ "\${SLURM_RESTART_COUNT:-0}" -ge ${requeues} ]; then echo "vad: time limit near, but $task was requeued ${requeues} times already"; return; fi`,
          '  echo "vad: time limit near: checkpointing $trial and requeueing $task"',
          '  kill -TERM "$child"; wait "$child"',
          '  scontrol requeue "$task"',
          '  exit 0',
          '}',
          'trap near_limit USR2',
        ]
      : []),
    '# Preemption, scontrol requeue and scancel send SIGTERM: vad train stops after the current step and checkpoints.',
    'trap \'kill -TERM "$child" 2>/dev/null\' TERM',
    'while kill -0 "$child" 2>/dev/null; do wait "$child"; done',
    'wait "$child"',
    '',
  ].join('\n');
}

/**
 * The kept script of the report job: `vad report` on the experiment folder, submitted with
 * `--dependency=afterany:<array job>` so that it runs once every task has ended, however it ended.
 */
export function reportScript(input: Omit<ArrayScriptInput, 'trials'>): string {
  return [
    '#!/bin/bash',
    `# vad run --launcher slurm: report of experiment ${input.experiment}, submitted with --dependency=afterany:<array job>.`,
    `#SBATCH --job-name=${sbatchValue(`${input.jobName}-report`)}`,
    `#SBATCH --output=${sbatchValue(join(logDir(input.dir).replace(/%/g, '%%'), 'report-%j.log'))}`,
    `#SBATCH --chdir=${sbatchValue(input.cwd)}`,
    '#SBATCH --ntasks=1',
    ...resourceLines(input.options, true),
    'set -euo pipefail',
    ...input.options.setup,
    input.command.map(shellQuote).join(' '),
    '',
  ].join('\n');
}
