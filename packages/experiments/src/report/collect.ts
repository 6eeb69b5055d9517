import { join } from 'node:path';
import type { StepRecord } from '@vad/core';
import type { ScoreRow } from '@vad/metrics';
import type { TrialConfig } from '../config/experiment-config';
import type { TrialMetrics, TrialTimings } from '../runner/run-trial';
import { readStepLog } from '../runner/step-log';
import { experimentFiles, isTrialDone, listTrialDirs, readJsonIfExists, trialFiles } from '../runner/trial-files';
import { readFileSync } from 'node:fs';
import { parseScoresCsv } from '../io/scores-csv';

/** A finished trial as the report reads it back from its folder. */
export interface TrialRecord {
  readonly dir: string;
  readonly config: TrialConfig;
  readonly metrics: TrialMetrics;
  /** timings.json (or the `timings` of a metrics.json written before timings moved out of it); undefined when neither exists. */
  readonly timings: TrialTimings | undefined;
  /** Lazily read: per-step records (σ, losses) and per-frame scores. */
  steps(): StepRecord[];
  scores(): ScoreRow[];
}

/** experiment.json (written by `vad run`). */
export interface ExperimentRecord {
  readonly name: string;
  readonly description: string;
  readonly config: string;
  readonly report: TrialConfig['report'];
  readonly trials: ReadonlyArray<{ readonly id: string; readonly group: string; readonly label: string; readonly seed: number }>;
}

/**
 * Reads every finished trial (done marker present) of an experiment folder, in experiment order
 * (then folder name for trials not listed). Unfinished trials are listed in `pending`.
 */
export function collectTrials(experimentDir: string): { experiment: ExperimentRecord | undefined; trials: TrialRecord[]; pending: string[] } {
  const experiment = readJsonIfExists<ExperimentRecord>(join(experimentDir, experimentFiles.experiment));
  const order = new Map((experiment?.trials ?? []).map((t, i) => [t.id, i]));
  const dirs = listTrialDirs(experimentDir);
  const done = dirs.filter(isTrialDone);
  const trials = done
    .map((dir): TrialRecord => {
      let steps: StepRecord[] | undefined;
      let scores: ScoreRow[] | undefined;
      const metrics = readJsonIfExists<TrialMetrics & { timings?: TrialTimings }>(join(dir, trialFiles.metrics));
      return {
        dir,
        config: readJsonIfExists<TrialConfig>(join(dir, trialFiles.config)) as TrialConfig,
        metrics: metrics as TrialMetrics,
        timings: readJsonIfExists<TrialTimings>(join(dir, trialFiles.timings)) ?? metrics?.timings,
        steps: () => (steps ??= readStepLog(dir)),
        scores: () => (scores ??= parseScoresCsv(readFileSync(join(dir, trialFiles.scores), 'utf8'), join(dir, trialFiles.scores))),
      };
    })
    .filter((t) => t.config !== undefined && t.metrics !== undefined)
    .sort((a, b) => (order.get(a.metrics.trial.id) ?? 1e9) - (order.get(b.metrics.trial.id) ?? 1e9) || a.dir.localeCompare(b.dir));
  const pending = dirs.filter((dir) => !isTrialDone(dir)).map((dir) => dir.split('/').pop() ?? dir);
  return { experiment, trials, pending };
}
