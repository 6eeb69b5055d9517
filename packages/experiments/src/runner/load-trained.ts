import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildModel, createRng, decodeCheckpoint, isUserError, loadCheckpointWeights, UserError, type AnomalyModel, type Checkpoint } from '@vad/core';
import { sectionSchemas } from '../config/catalogs';
import { ConfigError } from '../config/config-error';
import type { TrialConfig } from '../config/experiment-config';
import { validateSections } from '../config/validate-sections';
import { describeErrorCode } from '../io/system-error';
import { trialFiles } from './trial-files';

/** A trained trial loaded back from its folder. */
export interface TrainedModel {
  readonly config: TrialConfig;
  readonly model: AnomalyModel;
  readonly checkpoint: Checkpoint;
}

function readBytes(path: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new UserError(`${path}: ${what} must be a readable file (written by vad run), but got ${describeErrorCode((error as NodeJS.ErrnoException).code ?? String(error))}`);
  }
}

/**
 * Reads and validates a trial's config.json: JSON, with every section passing the same schemas as a
 * YAML config (so a hand-edited or foreign file is reported key by key, not as a crash later).
 */
async function readTrialConfig(path: string): Promise<TrialConfig> {
  let raw: unknown;
  try {
    raw = JSON.parse(readBytes(path, 'the resolved trial config').toString('utf8'));
  } catch (error) {
    if (isUserError(error)) throw error;
    throw new UserError(`${path}: must be the JSON trial config written by vad run, but it does not parse: ${(error as Error).message}`);
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new UserError(`${path}: must be a JSON object (the trial config written by vad run), but got ${JSON.stringify(raw)?.slice(0, 40)}`);
  const config = raw as Record<string, unknown>;
  const baseDir = typeof config['baseDir'] === 'string' ? config['baseDir'] : '.';
  const sections = await validateSections(path, config, sectionSchemas, baseDir);
  const problems = sections.ok ? [] : [...sections.problems];
  if (!Number.isInteger(config['seed'])) problems.push({ file: path, path: 'seed', message: `must be an integer, but got ${JSON.stringify(config['seed'])}` });
  if (problems.length > 0 || !sections.ok) throw new ConfigError(problems);
  return { name: String(config['name'] ?? 'trial'), description: String(config['description'] ?? ''), backend: 'auto', ...config, ...sections.value, seed: config['seed'] as number, baseDir } as TrialConfig;
}

/**
 * Loads a finished trial folder written by `vad run`/`vad train`: its resolved config.json (validated
 * like a YAML config), and the weights of model.ckpt into a freshly built model of the same
 * architecture.
 *
 * @throws UserError naming the folder or the file: not a folder, no config.json or model.ckpt, a file
 *   that does not parse or validate, or weights that do not fit.
 */
export async function loadTrained(trialDir: string): Promise<TrainedModel> {
  const stat = statSync(trialDir, { throwIfNoEntry: false });
  if (stat === undefined || !stat.isDirectory()) {
    throw new UserError(`${trialDir}: must be a trial folder written by vad run (with ${trialFiles.config} and ${trialFiles.model}), but it ${stat === undefined ? 'does not exist' : 'is a file'}`);
  }
  const configPath = join(trialDir, trialFiles.config);
  const weights = join(trialDir, trialFiles.model);
  const missing = [configPath, weights].filter((p) => statSync(p, { throwIfNoEntry: false }) === undefined);
  if (missing.length > 0) {
    throw new UserError(`${trialDir}: a trained trial folder must contain ${trialFiles.config} and ${trialFiles.model} (written by vad run), but got no ${missing.map((p) => p.slice(trialDir.length + 1)).join(' and no ')}`);
  }
  const config = await readTrialConfig(configPath);
  let checkpoint: Checkpoint;
  try {
    checkpoint = decodeCheckpoint(new Uint8Array(readBytes(weights, 'the trained model')));
  } catch (error) {
    if (isUserError(error)) throw new UserError(`${weights}: ${error.message.replace(/^decodeCheckpoint: /, '')}`);
    throw error;
  }
  const model = buildModel(config.model, createRng(config.seed).fork('model')); // validated above
  try {
    loadCheckpointWeights(model, checkpoint);
  } catch (error) {
    model.dispose();
    if (isUserError(error)) throw new UserError(`${weights}: ${error.message}`);
    throw error;
  }
  return { config, model, checkpoint };
}
