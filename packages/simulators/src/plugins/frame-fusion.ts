import * as tf from '@tensorflow/tfjs';
import { z } from 'zod';
import type { Rng, SimulateInput, SimulateResult, Simulator } from '@vad/core';
import { blendResult, middleIndex, sampleGates } from '../blend';
import { defineSimulator } from '../define-simulator';

export const frameFusionOptions = z.strictObject({
  type: z.literal('frame-fusion'), // = YAML `type` = registry key = file name
  minGap: z.number().int().min(1).default(8), // frames between the target and a fused frame of the same video; PB detail unverified (anchors §2.4), our choice
  p: z.number().min(0).max(1).default(1), // per-sample probability; 1 = every sample, as DDL does for its noise
});
export type FrameFusionOptions = z.output<typeof frameFusionOptions>;

/**
 * A frame index of a video of `length` frames at least `minGap` away from `frame` (or the farthest one).
 *
 * @example
 * distantFrame(createRng(1), 20, 10, 8); // => 0, 1, 2, 18 or 19
 */
export function distantFrame(rng: Rng, length: number, frame: number, minGap: number): number {
  const candidates = Array.from({ length }, (_, j) => j).filter((j) => Math.abs(j - frame) >= minGap);
  if (candidates.length > 0) return candidates[rng.int(candidates.length)] ?? 0;
  return frame < length / 2 ? length - 1 : 0;
}

/**
 * Frame fusion: each frame is σ-blended, inside the object mask, with the matching frame of a clip
 * from another time or video (σ is the fusion weight). With `input.source`, the other clip is read at
 * a random frame of a video of the batch (≥ `minGap` frames away when it is the same video). Without a
 * source it is another sample's clip from the batch, or — for a batch of one — the window reversed.
 */
export class FrameFusion implements Simulator {
  readonly type = 'frame-fusion';

  constructor(readonly options: FrameFusionOptions) {}

  simulate(input: SimulateInput): SimulateResult {
    const [b, t, h, w, c] = input.clips.shape;
    const mid = middleIndex(t);
    const gates = sampleGates(input.rng, b, this.options.p);
    const masks = input.masks.dataSync();
    const videos = [...new Set(input.meta.map((meta) => meta.video))];
    const weight = new Float32Array(masks.length);
    const parts: (() => tf.Tensor5D)[] = [];
    for (let i = 0; i < b; i++) {
      const own = (): tf.Tensor5D => tf.slice(input.clips, [i, 0, 0, 0, 0], [1, t, h, w, c]);
      let changed = Array.from({ length: t }, () => gates[i] ?? 0);
      if (gates[i] === 0) {
        parts.push(own);
      } else if (input.source !== undefined && input.meta[i] !== undefined && videos.length > 0) {
        const source = input.source;
        const video = videos[input.rng.int(videos.length)] ?? '';
        const length = source.length(video);
        const j = video === input.meta[i]?.video ? distantFrame(input.rng, length, input.meta[i]?.frame ?? 0, this.options.minGap) : input.rng.int(length);
        const data = source.frames(video, Array.from({ length: t }, (_, k) => Math.min(length - 1, Math.max(0, j + k - mid))));
        if (data.length !== t * h * w * c) throw new Error(`frameFusion(source.frames): result must hold ${t}×${h}×${w}×${c} values, but got ${data.length}`);
        parts.push(() => tf.tensor5d(data, [1, t, h, w, c]));
      } else if (b > 1) {
        const other = (i + 1 + input.rng.int(b - 1)) % b;
        parts.push(() => tf.slice(input.clips, [other, 0, 0, 0, 0], [1, t, h, w, c]));
      } else {
        const reversed = Array.from({ length: t }, (_, k) => t - 1 - k);
        changed = reversed.map((k, frame) => (k === frame ? 0 : 1));
        parts.push(() => tf.gather(own(), reversed, 1) as tf.Tensor5D);
      }
      changed.forEach((flag, frame) => {
        const base = (i * t + frame) * h * w;
        for (let k = 0; k < h * w; k++) weight[base + k] = flag * ((masks[base + k] ?? 0) > 0 ? 1 : 0);
      });
    }
    return blendResult(input, () => tf.concat(parts.map((part) => part()), 0), weight);
  }
}

export const frameFusion = defineSimulator({
  type: 'frame-fusion',
  description: 'Frame fusion: the clip blended with a clip from another time or video',
  options: frameFusionOptions,
  create: (options) => new FrameFusion(options),
});
