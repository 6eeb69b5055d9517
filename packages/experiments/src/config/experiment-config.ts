import type { BackendChoice } from '@vad/core';
import type { LauncherConfig } from '../launchers/launcher-config';
import type { TrialSections } from './validate-sections';

/** The fully-defaulted, frozen config of ONE trial: every section resolved, one seed. */
export interface TrialConfig extends TrialSections {
  readonly name: string;
  readonly description: string;
  readonly seed: number;
  readonly backend: BackendChoice;
  /** Folder of the config file; plugin paths (`simulator.type: ./my-sim.ts`) are relative to it. */
  readonly baseDir: string;
}

/** One run of the grid × seeds product, with its own output folder. */
export interface Trial {
  /** Folder name: `<label>-<groupHash>-seed<seed>` (label omitted for an experiment without grid). */
  readonly id: string;
  /** Trials that differ only by seed share `group` (`<label>-<groupHash>`). */
  readonly group: string;
  /** Readable grid label (`static_weighted-noise`), or the experiment name without a grid. */
  readonly label: string;
  /** Grid values of this trial (dotted key → value). */
  readonly assignment: Readonly<Record<string, unknown>>;
  readonly config: TrialConfig;
}

/**
 * A validated experiment: the sections of its first trial (for display), the seeds and grid, the
 * files it was composed from (`extends`), and every trial.
 */
export interface ExperimentConfig extends TrialSections {
  readonly name: string;
  readonly description: string;
  readonly seeds: readonly number[];
  readonly backend: BackendChoice;
  readonly grid: Readonly<Record<string, readonly unknown[]>>;
  /** Trials run in parallel (child processes); `--workers` overrides. */
  readonly workers: number;
  /** Who runs the trials (`launcher:`, `--launcher`); experiment-level, so it never changes a trial id. */
  readonly launcher: LauncherConfig;
  /** Absolute paths of the composed files, bases first, the named file last. */
  readonly extends: readonly string[];
  readonly file: string;
  readonly trials: readonly Trial[];
}

/** Recursively freezes a plain object/array tree (configs are immutable once validated). */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value as object)) deepFreeze(item);
  }
  return value;
}
