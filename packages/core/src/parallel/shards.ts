import * as tf from '@tensorflow/tfjs';
import type { ClipMeta } from '../contracts/data';
import type { LossValues, SigmaInput, StepBatch } from '../train/step-types';
import type { SigmaData } from './worker-protocol';

/** One shard of a batch on the host. */
export interface HostShard {
  readonly clips: Float32Array;
  readonly masks: Float32Array | null;
  readonly shape: readonly [number, number, number, number, number]; // [b, T, H, W, C]
  readonly meta: readonly ClipMeta[];
}

/**
 * Splits a device batch into `parts` contiguous shards of (almost) equal size, on the host.
 *
 * @example
 * shardBatch(batchOf8Clips, 2).map((s) => s.shape[0]); // => [4, 4]
 */
export function shardBatch(batch: StepBatch, parts: number): HostShard[] {
  const [b, t, h, w, c] = batch.clips.shape;
  const clips = batch.clips.dataSync() as Float32Array;
  const masks = batch.masks === null ? null : (batch.masks.dataSync() as Float32Array);
  const per = t * h * w;
  const shards: HostShard[] = [];
  let start = 0;
  for (let p = 0; p < parts && start < b; p++) {
    const size = Math.floor(b / parts) + (p < b % parts ? 1 : 0);
    shards.push({
      clips: clips.slice(start * per * c, (start + size) * per * c),
      masks: masks === null ? null : masks.slice(start * per, (start + size) * per),
      shape: [size, t, h, w, c],
      meta: batch.meta.slice(start, start + size),
    });
    start += size;
  }
  return shards;
}

/** σ as plain data for a worker message. */
export function sigmaData(sigma: SigmaInput): SigmaData {
  if (sigma === null) return null;
  if (sigma.kind === 'fixed') return { kind: 'fixed', sigma: sigma.sigma };
  return { kind: 'learned', logit: tf.tidy(() => sigma.logit.variable.dataSync()[0] ?? 0) };
}

/**
 * Loss terms of the whole batch from the shards': weighted means (by shard size), masked pixels summed.
 *
 * @example
 * averageValues([{ loss: 1, …, maskedPixels: 3 }, { loss: 3, …, maskedPixels: 5 }], [0.5, 0.5]); // => { loss: 2, …, maskedPixels: 8 }
 */
export function averageValues(values: readonly LossValues[], weights: readonly number[]): LossValues {
  const mean = (pick: (v: LossValues) => number | null): number | null => {
    let sum = 0;
    let weight = 0;
    values.forEach((v, i) => {
      const x = pick(v);
      if (x !== null) {
        sum += x * (weights[i] ?? 0);
        weight += weights[i] ?? 0;
      }
    });
    return weight > 0 ? sum / weight : null;
  };
  return {
    loss: mean((v) => v.loss) ?? NaN,
    lRecon: mean((v) => v.lRecon) ?? NaN,
    lPseudo: mean((v) => v.lPseudo),
    lDist: mean((v) => v.lDist),
    p: mean((v) => v.p),
    n: mean((v) => v.n),
    maskedPixels: values.reduce((s, v) => s + v.maskedPixels, 0),
  };
}
