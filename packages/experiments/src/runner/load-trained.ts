import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createModel, createRng, decodeCheckpoint, loadCheckpointWeights, UserError, type AnomalyModel, type Checkpoint } from '@vad/core';
import type { TrialConfig } from '../config/experiment-config';
import { readJsonIfExists, trialFiles } from './trial-files';

/** A trained trial loaded back from its folder. */
export interface TrainedModel {
  readonly config: TrialConfig;
  readonly model: AnomalyModel;
  readonly checkpoint: Checkpoint;
}

/**
 * Loads a finished trial folder written by `vad run`/`vad train`: its resolved config.json, and the
 * weights of model.ckpt into a freshly built model of the same architecture.
 *
 * @throws UserError when the folder lacks config.json or model.ckpt, or the weights do not fit.
 */
export function loadTrained(trialDir: string): TrainedModel {
  const config = readJsonIfExists<TrialConfig>(join(trialDir, trialFiles.config));
  const weights = join(trialDir, trialFiles.model);
  if (config === undefined || !existsSync(weights)) {
    throw new UserError(`${trialDir}: a trained trial folder must contain ${trialFiles.config} and ${trialFiles.model} (written by vad run), but got ${config === undefined ? 'no config.json' : 'no model.ckpt'}`);
  }
  const checkpoint = decodeCheckpoint(new Uint8Array(readFileSync(weights)));
  const model = createModel(config.model, createRng(config.seed).fork('model'));
  try {
    loadCheckpointWeights(model, checkpoint);
  } catch (error) {
    model.dispose();
    throw error;
  }
  return { config, model, checkpoint };
}
