import type { PreparedRun } from '../runner/run-experiment';

/** What a launcher knows about one trial it handed to a scheduler (the trial folder knows the rest). */
export interface QueuedTrial {
  readonly state: 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
  /** The scheduler's id of the task that holds the trial (`1234_5` for SLURM array task 5). */
  readonly job: string;
  /** The scheduler's word for it (`PENDING (Dependency)`, `TIMEOUT`, …). */
  readonly detail: string;
  /** Log file of the task. */
  readonly log?: string;
}

/** Options of {@link Launcher.submit}. */
export interface SubmitOptions {
  /** `--set` items (recorded in experiment.json). */
  readonly set: readonly string[];
  /** Local child processes (`--workers`). */
  readonly workers?: number;
  readonly log: (line: string) => void;
  readonly signal?: AbortSignal;
}

/**
 * Runs the trials of an experiment somewhere: on this machine (`local`) or through a scheduler
 * (`slurm`). The runner does not know which: every launcher ends up running `runTrial` in one trial
 * folder per trial (here, or via `vad train --trial ID`), so results are the same bytes whichever ran them.
 * A new launcher is one file implementing this, its options schema in launcher-config.ts and one
 * line in the registry (launchers/registry.ts).
 *
 * @example
 * await launchers.slurm.submit(await prepareRun({ config: 'configs/ablation.yaml', log }), { set: [], log });
 * // writes runs/ablation/slurm/array-1.sbatch, submits it and a report job, prints their ids
 */
export interface Launcher {
  /** Runs (local) or submits (scheduler) the run's unfinished trials; `vad report` follows them. */
  submit(run: PreparedRun, options: SubmitOptions): Promise<void>;
  /**
   * Scheduler state of each trial this launcher submitted from `dir`, by trial id (empty when none),
   * and notes on what the scheduler could not tell (e.g. no accounting database).
   */
  queued(dir: string): Promise<{ readonly trials: ReadonlyMap<string, QueuedTrial>; readonly notes: readonly string[] }>;
  /** Cancels every job this launcher submitted from `dir` that is still queued or running; returns their ids. */
  cancel(dir: string): Promise<readonly string[]>;
}
