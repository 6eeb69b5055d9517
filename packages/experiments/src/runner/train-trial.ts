import { buildModel, createRng, train, type AnomalyModel, type JsonValue, type TrainResult, type WorkerEngine } from '@vad/core';
import { buildSchedule } from '@vad/schedules';
import { buildSimulatorFromSection } from '../plugins/load-simulator';
import type { TrialConfig } from '../config/experiment-config';
import { createTrainStream } from '@vad/data';
import type { TrialData } from './open-trial-data';
import { latestCheckpoint, saveCheckpoint } from './checkpoint-files';
import { wholeEpochSummary } from './epoch-summary';
import { logStep, readStepLog, truncateStepLog } from './step-log';
import { createTrialEngine } from './trial-engine';

/** What training a trial produced. */
export interface TrainedTrial {
  readonly model: AnomalyModel;
  readonly result: TrainResult;
  /** Global step training resumed from (0 for a fresh start). */
  readonly resumedFrom: number;
  /** Wall seconds of this training session (not counting earlier, interrupted sessions). */
  readonly seconds: number;
}

/** Options of {@link trainTrial}. */
export interface TrainTrialOptions {
  readonly log: (line: string) => void;
  /** Aborting stops training before the next step; a checkpoint is still written. */
  readonly signal?: AbortSignal;
}

/**
 * Trains one trial in `trialDir`: builds model (seeded from the trial seed), simulator, schedule and
 * the training stream, resumes from the newest checkpoint when there is one (dropping step records
 * written after it), logs every step to steps.jsonl and writes checkpoints atomically. With
 * `trainer.threads` > 1 the gradients come from worker threads, which are stopped when training
 * ends (also on errors and interrupts).
 */
export async function trainTrial(config: TrialConfig, data: TrialData, trialDir: string, options: TrainTrialOptions): Promise<TrainedTrial> {
  const rng = createRng(config.seed);
  const model = buildModel(config.model, rng.fork('model')); // validated by the config loader
  const simulator = await buildSimulatorFromSection(config.simulator, config.baseDir);
  const schedule = buildSchedule(config.schedule);
  const stream = createTrainStream(data.dataset, { frames: model.geometry.frames, batchSize: config.trainer.batchSize, masks: data.masks });
  const resume = latestCheckpoint(trialDir, options.log);
  truncateStepLog(trialDir, resume?.checkpoint.step ?? 0);
  if (resume !== undefined) options.log(`resuming from ${resume.path} (step ${resume.checkpoint.step})`);
  const { threads: _threads, ...trainer } = config.trainer; // the engine honours threads; core's options have none
  const started = performance.now();
  let engine: WorkerEngine | null = null;
  try {
    engine = await createTrialEngine(config, model);
    const result = await train({
      model,
      simulator,
      schedule,
      data: stream,
      options: trainer,
      seed: config.seed,
      config: config as unknown as JsonValue,
      ...(resume === undefined ? {} : { resume: resume.checkpoint }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      ...(engine === null ? {} : { engine }),
      callbacks: {
        onStep: (record) => logStep(trialDir, record), // train() yields to the event loop per step, so SIGINT/SIGTERM handlers run
        onEpoch: (summary) => {
          const resumedHere = resume !== undefined && summary.epoch === Math.floor(resume.checkpoint.step / stream.stepsPerEpoch) && resume.checkpoint.step % stream.stepsPerEpoch !== 0;
          const s = resumedHere ? wholeEpochSummary(summary, readStepLog(trialDir), stream.stepsPerEpoch) : summary;
          const note = 'partial' in s && s.partial !== undefined ? ` (${s.partial})` : '';
          options.log(
            `epoch ${s.epoch + 1}/${s.totalEpochs}: loss ${fmt(s.loss)}, L_recon ${fmt(s.lRecon)}, L_dist ${fmt(s.lDist)}, σ ${fmt(s.sigma)}, ${(s.ms / 1000).toFixed(1)} s${note}`,
          );
        },
        onCheckpoint: (checkpoint) => {
          saveCheckpoint(trialDir, checkpoint, config.output.keepCheckpoints);
        },
      },
    });
    return { model, result, resumedFrom: resume?.checkpoint.step ?? 0, seconds: (performance.now() - started) / 1000 };
  } catch (error) {
    model.dispose();
    throw error;
  } finally {
    await engine?.dispose();
  }
}

function fmt(value: number | null): string {
  return value === null ? '–' : value.toPrecision(4);
}
