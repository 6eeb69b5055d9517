import { inferOfficialArchitecture, officialToWeights, weightsToOfficial, type OfficialArchitecture, type TensorRecord } from '@vad/core';
import { decodeStateDict, encodeStateDict, type StateDict } from './torch-state-dict';

/** A model trained by the official DDL code, read into our weight layout. */
export interface OfficialModel {
  readonly architecture: OfficialArchitecture;
  /** Raw model options for {@link createModel} (the input size comes from the caller: it is not in the weights). */
  readonly options: { readonly type: 'c3dsu' | 'unet'; readonly latent: number; readonly channels: number; readonly frames: number; readonly kernels: readonly number[]; readonly height: number; readonly width: number };
  /** Our weights by name, BatchNorm running statistics included. */
  readonly weights: TensorRecord[];
}

/**
 * Reads an official `state_dict` file (`torch.save(model.state_dict())`, e.g. train.py's
 * `train_DDL_V1_<dataset>.p`, DataParallel `module.` prefix or not) into our weights.
 *
 * @throws UserError naming `where` when the file is not such a state dict.
 * @example
 * const m = readOfficialModel(readFileSync('train_DDL_V1_ped2.p'), 'train_DDL_V1_ped2.p', { height: 256, width: 256 });
 * m.options; // => { type: 'c3dsu', latent: 512, channels: 3, frames: 3, kernels: [3, 5, 7], height: 256, width: 256 }
 */
export function readOfficialModel(bytes: Uint8Array, where: string, size: { readonly height: number; readonly width: number }): OfficialModel {
  const state = decodeStateDict(bytes, where);
  const architecture = inferOfficialArchitecture(state, where);
  const weights = officialToWeights(state, architecture, where);
  return { architecture, options: { ...architecture, ...size }, weights };
}

/**
 * Our weights → bytes of an official state dict that `model.load_state_dict(torch.load(f))` accepts;
 * `dataParallel` adds the `module.` prefix that train.py's `nn.DataParallel` model expects.
 *
 * @example
 * writeFileSync('model.p', officialStateDictBytes(checkpoint.weights, { type: 'c3dsu', latent: 64, channels: 3, frames: 3, kernels: [3, 5, 7] }, true));
 */
export function officialStateDictBytes(weights: readonly TensorRecord[], architecture: OfficialArchitecture, dataParallel: boolean): Uint8Array {
  const state: StateDict = new Map();
  for (const [key, tensor] of weightsToOfficial(weights, architecture)) {
    const integer = key.endsWith('num_batches_tracked');
    state.set(dataParallel ? `module.${key}` : key, { shape: tensor.shape, dtype: integer ? 'int64' : 'float32', values: tensor.values });
  }
  return encodeStateDict(state);
}
