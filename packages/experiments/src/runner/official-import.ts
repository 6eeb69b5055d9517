import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildModel, createRng, decodeCheckpoint, encodeCheckpoint, loadWeights, parseModelOptions, UserError, type Checkpoint, type JsonValue, type OfficialArchitecture, type TensorRecord } from '@vad/core';
import { sectionSchemas } from '../config/catalogs';
import type { TrialConfig } from '../config/experiment-config';
import { loadExperiment } from '../config/load-experiment';
import { writeFileAtomic, writeJsonAtomic } from '@vad/data';
import { officialStateDictBytes, readOfficialModel } from '../io/official-checkpoint';
import { trialFiles } from './trial-files';

/** The shipped paper setup, the default config of an imported model (train.py's 256×256, latent 512). */
export const paperConfig = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../configs/base/ddl-paper.yaml');

/** Options of {@link importOfficialCheckpoint}. */
export interface ImportOptions {
  readonly out: string;
  /** Experiment config whose data / evaluation sections the imported trial uses (default: the paper setup). */
  readonly config?: string;
  readonly trial?: string;
  readonly set?: readonly string[];
  /** ℓ of the official PseudoAnomalyCreator (train.py does not save it); recorded in the checkpoint. */
  readonly logit?: number;
}

async function trialConfig(options: ImportOptions): Promise<TrialConfig> {
  const file = options.config ?? paperConfig;
  const experiment = await loadExperiment(file, options.set ? { set: options.set } : {}, sectionSchemas);
  const trial = options.trial === undefined ? experiment.trials[0] : experiment.trials.find((t) => t.id === options.trial);
  if (trial === undefined) throw new UserError(`vad import-checkpoint: --trial must be one of ${experiment.trials.map((t) => t.id).join(', ')}, but got ${options.trial}`);
  return trial.config;
}

/**
 * Imports a model trained by the official DDL code (`torch.save(model.state_dict())`, e.g.
 * `train_DDL_V1_ped2.p`) as a trial folder `vad eval` and `vad infer` read: config.json (the config's
 * trial with its model section replaced by the architecture read from the weights, at the data size),
 * model.ckpt and import.json (source file, SHA-256, architecture).
 *
 * @throws UserError for a file that is not an official state dict, or weights that do not fit.
 */
export async function importOfficialCheckpoint(file: string, options: ImportOptions): Promise<{ dir: string; architecture: OfficialArchitecture; config: TrialConfig }> {
  if (!existsSync(file)) throw new UserError(`vad import-checkpoint: MODEL must be a file written by torch.save, but ${file} does not exist`);
  const bytes = new Uint8Array(readFileSync(file));
  const base = await trialConfig(options);
  const official = readOfficialModel(bytes, file, { height: base.data.height, width: base.data.width });
  const model = parseModelOptions({ ...official.options }, `${file}: the imported model`);
  const config: TrialConfig = { ...base, data: { ...base.data, channels: model.channels }, model };
  const built = buildModel(model, createRng(config.seed).fork('model'));
  try {
    loadWeights(built, official.weights, file);
  } finally {
    built.dispose();
  }
  const dir = resolve(options.out);
  const rng = createRng(config.seed);
  const checkpoint: Checkpoint = {
    version: 1,
    model: { type: model.type, geometry: { frames: model.frames, height: model.height, width: model.width, channels: model.channels } },
    step: 0,
    epoch: 0,
    stepsPerEpoch: 1,
    weights: official.weights,
    logit: options.logit ?? null,
    sigma: options.logit === undefined ? null : 1 / (1 + Math.exp(-options.logit)),
    optimizer: { model: [], logit: [] },
    rng: { simulator: rng.fork('simulator').state(), schedule: rng.fork('schedule').state(), shuffleSeed: 0 },
    schedule: { type: config.schedule.type, state: null, history: [] },
    config: config as unknown as JsonValue,
  };
  writeFileAtomic(join(dir, trialFiles.model), encodeCheckpoint(checkpoint));
  writeJsonAtomic(join(dir, trialFiles.config), config);
  writeJsonAtomic(join(dir, 'import.json'), { source: resolve(file), sha256: createHash('sha256').update(bytes).digest('hex'), architecture: official.architecture, logit: options.logit ?? null });
  return { dir, architecture: official.architecture, config };
}

/** The official architecture of our weights (c3dsu or unet), read from their names and shapes. */
function architectureOf(checkpoint: Checkpoint, where: string): OfficialArchitecture {
  const { type, geometry } = checkpoint.model;
  if (type !== 'c3dsu' && type !== 'unet') throw new UserError(`${where}: model must be c3dsu or unet to export to the official code, but got ${type}`);
  const byName = new Map(checkpoint.weights.map((w) => [w.name, w]));
  const kernels: number[] = [];
  for (let b = 0; byName.has(`enc1.branch${b}.weight`); b++) kernels.push((byName.get(`enc1.branch${b}.weight`) as TensorRecord).shape[0] as number);
  const latent = byName.get('enc4.projection.bias')?.shape[0];
  if (latent === undefined || kernels.length === 0) throw new UserError(`${where}: checkpoint must hold the ConvBlock weights of a ${type}, but enc1/enc4 are missing`);
  return { type, latent, channels: geometry.channels, frames: geometry.frames, kernels };
}

/**
 * Writes a trained trial's weights (a trial folder or a `.ckpt` file) as an official state dict that
 * `model.load_state_dict(torch.load(f))` accepts — with the `module.` prefix of train.py's
 * `nn.DataParallel` model unless `dataParallel` is false.
 *
 * @throws UserError when the source is not a checkpoint of a c3dsu or unet.
 */
export function exportOfficialCheckpoint(source: string, out: string, dataParallel: boolean): { architecture: OfficialArchitecture; logit: number | null } {
  const path = existsSync(join(source, trialFiles.model)) ? join(source, trialFiles.model) : source;
  if (!existsSync(path)) throw new UserError(`vad export-checkpoint: SOURCE must be a trial folder with ${trialFiles.model} or a .ckpt file, but ${source} has neither`);
  const checkpoint = decodeCheckpoint(new Uint8Array(readFileSync(path)));
  const architecture = architectureOf(checkpoint, basename(path));
  writeFileAtomic(resolve(out), officialStateDictBytes(checkpoint.weights, architecture, dataParallel));
  return { architecture, logit: checkpoint.logit };
}
