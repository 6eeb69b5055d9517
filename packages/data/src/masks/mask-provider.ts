import type { Rng } from '@vad/core';
import type { Video } from '../types';

/**
 * Decides where pseudo anomalies may go in a training clip: writes T mask planes [T, H, W] (values
 * 0/1) for the frames `indices` of `video` into `out` at element `offset`, and says whether any pixel
 * was set (false = no object in this clip). Randomness only from `rng`.
 */
export interface MaskProvider {
  readonly type: string;
  fill(video: Video, indices: readonly number[], rng: Rng, out: Float32Array, offset: number): boolean | Promise<boolean>;
}
