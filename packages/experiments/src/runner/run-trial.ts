import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { initBackend } from '@vad/core';
import { buildSimulatorFromSection } from '../plugins/load-simulator';
import type { Trial } from '../config/experiment-config';
import { createTrainStream, writeFileAtomic, writeJsonAtomic } from '@vad/data';
import { imageGridPng } from '../plots/image-grid';
import { describeEnvironment } from './environment';
import { evaluateTrial, type TrialEvaluation } from './evaluate-trial';
import { figureRows, figureTitles } from './figure-samples';
import { openTrialData, type TrialData } from './open-trial-data';
import { trainTrial, type TrainedTrial } from './train-trial';
import { isTrialDone, readJsonIfExists, trialFiles } from './trial-files';
import { saveFinalModel } from './final-model';
import { readStepLog } from './step-log';

/**
 * metrics.json of a finished trial: only results, so the same config, seed and backend give the same
 * bytes whichever launcher ran the trial and however often it was resumed (timings: {@link TrialTimings}).
 */
export interface TrialMetrics {
  readonly trial: { readonly id: string; readonly group: string; readonly label: string; readonly seed: number; readonly assignment: Readonly<Record<string, unknown>> };
  readonly dataset: { readonly name: string; readonly partial: boolean; readonly trainVideos: number; readonly testVideos: number; readonly notes: readonly string[] };
  readonly evaluation: Omit<TrialEvaluation['result'], 'roc' | 'pr'>;
  readonly bootstrap: TrialEvaluation['bootstrap'];
  readonly training: { readonly steps: number; readonly finalSigma: number | null; readonly finalLogit: number | null };
}

/** timings.json of a finished trial: how long it took and the step its last session resumed from (differs run to run). */
export interface TrialTimings {
  readonly trainSeconds: number;
  readonly evalSeconds: number;
  readonly sessionSeconds: number;
  readonly resumedFrom: number;
}

/** How a trial ended: finished now, or found finished from an earlier run. */
export interface TrialOutcome {
  readonly id: string;
  readonly dir: string;
  readonly status: 'trained' | 'skipped';
  readonly metrics: TrialMetrics;
}

/** Options of {@link runTrial}. */
export interface RunTrialOptions {
  readonly log: (line: string) => void;
  readonly signal?: AbortSignal;
  /** The trial's data, already opened (and checked) by the caller; opened here otherwise. */
  readonly data?: TrialData;
}

function writeTrialHeader(trial: Trial, dir: string): void {
  mkdirSync(dir, { recursive: true });
  writeJsonAtomic(join(dir, trialFiles.config), trial.config);
  writeJsonAtomic(join(dir, trialFiles.trial), { id: trial.id, group: trial.group, label: trial.label, seed: trial.config.seed, assignment: trial.assignment });
}

async function writeFigure(trained: TrainedTrial, data: TrialData, trial: Trial, dir: string): Promise<void> {
  const samples = trial.config.report.figureSamples;
  if (samples === 0 || data.masks === null) return;
  const stream = createTrainStream(data.dataset, { frames: trained.model.geometry.frames, batchSize: samples, masks: data.masks });
  const simulator = await buildSimulatorFromSection(trial.config.simulator, trial.config.baseDir);
  for await (const batch of stream.batches(0, trial.config.seed)) {
    const rows = figureRows(trained.model, simulator, batch, trained.result.sigma ?? 0.5, trial.config.seed, stream.source);
    if (rows.length > 0) writeFileAtomic(join(dir, trialFiles.figures, 'figure4.png'), await imageGridPng(rows, figureTitles, 3));
    return;
  }
}

/**
 * Runs one trial end to end in `dir`: skips it when its done marker exists; otherwise writes the
 * resolved config, trial and environment files, trains (resuming from the newest checkpoint),
 * evaluates, writes scores.csv, metrics.json, timings.json and the Figure-4 panel, and finally the done marker.
 * A kill at any point leaves only complete files; the done marker is the last one written.
 */
export async function runTrial(trial: Trial, dir: string, options: RunTrialOptions): Promise<TrialOutcome> {
  if (isTrialDone(dir)) {
    const metrics = readJsonIfExists<TrialMetrics>(join(dir, trialFiles.metrics));
    if (metrics !== undefined) return { id: trial.id, dir, status: 'skipped', metrics };
  }
  const started = performance.now();
  writeTrialHeader(trial, dir);
  const backend = await initBackend(trial.config.backend);
  writeJsonAtomic(join(dir, trialFiles.environment), describeEnvironment(backend));
  options.log(`${trial.id}: backend ${backend.name} (${backend.provider})`);
  const data = options.data ?? (await openTrialData(trial.config.data));
  const trained = await trainTrial(trial.config, data, dir, options);
  try {
    if (trained.result.stopped) throw new TrialInterrupted(trial.id, trained.result.step);
    saveFinalModel(dir);
    const { evaluation } = await evaluateTrial(trial.config, trained.model, data.dataset.test, dir, options.log);
    await writeFigure(trained, data, trial, dir);
    const steps = readStepLog(dir);
    const { roc: _roc, pr: _pr, ...result } = evaluation.result;
    const metrics: TrialMetrics = {
      trial: { id: trial.id, group: trial.group, label: trial.label, seed: trial.config.seed, assignment: trial.assignment },
      dataset: { name: data.dataset.name, partial: data.dataset.partial, trainVideos: data.dataset.train.length, testVideos: data.dataset.test.length, notes: data.dataset.notes },
      evaluation: result,
      bootstrap: evaluation.bootstrap,
      training: { steps: trained.result.step, finalSigma: trained.result.sigma, finalLogit: trained.result.logit },
    };
    const timings: TrialTimings = {
      trainSeconds: steps.reduce((sum, record) => sum + record.ms, 0) / 1000,
      evalSeconds: evaluation.seconds,
      sessionSeconds: (performance.now() - started) / 1000,
      resumedFrom: trained.resumedFrom,
    };
    writeJsonAtomic(join(dir, trialFiles.timings), timings);
    writeJsonAtomic(join(dir, trialFiles.metrics), metrics);
    writeJsonAtomic(join(dir, trialFiles.done), { id: trial.id, finishedAt: new Date().toISOString() });
    return { id: trial.id, dir, status: 'trained', metrics };
  } finally {
    trained.model.dispose();
  }
}

/** Training stopped early (SIGINT/SIGTERM); the checkpoint lets the next run resume. */
export class TrialInterrupted extends Error {
  constructor(
    readonly trialId: string,
    readonly step: number,
  ) {
    super(`${trialId}: interrupted at step ${step}; rerun the same command to resume from the last checkpoint`);
    this.name = 'TrialInterrupted';
  }
}
