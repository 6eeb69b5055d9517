import type { ClipMeta } from '../contracts/data';
import type { LossValues, SigmaInput, StepBatch } from '../train/step';
import type { SigmaData } from './worker-protocol';
/** One shard of a batch on the host. */
export interface HostShard {
    readonly clips: Float32Array;
    readonly masks: Float32Array | null;
    readonly shape: readonly [number, number, number, number, number];
    readonly meta: readonly ClipMeta[];
}
/**
 * Splits a device batch into `parts` contiguous shards of (almost) equal size, on the host.
 *
 * @example
 * shardBatch(batchOf8Clips, 2).map((s) => s.shape[0]); // => [4, 4]
 */
export declare function shardBatch(batch: StepBatch, parts: number): HostShard[];
/** σ as plain data for a worker message. */
export declare function sigmaData(sigma: SigmaInput): SigmaData;
/**
 * Loss terms of the whole batch from the shards': weighted means (by shard size), masked pixels summed.
 *
 * @example
 * averageValues([{ loss: 1, …, maskedPixels: 3 }, { loss: 3, …, maskedPixels: 5 }], [0.5, 0.5]); // => { loss: 2, …, maskedPixels: 8 }
 */
export declare function averageValues(values: readonly LossValues[], weights: readonly number[]): LossValues;
