import { type Rng } from '@vad/core';
import { rasteriseBox } from '../pixels/boxes';
import { z } from 'zod';
import type { MaskProvider } from './mask-provider';

/** Options of the `random-box` mask. */
export const randomBoxMaskOptions = z
  .strictObject({
    type: z.literal('random-box'),
    minSize: z.number().gt(0).max(1).default(0.1), // box side, fraction of the frame side
    maxSize: z.number().gt(0).max(1).default(0.3), // box side, fraction of the frame side
    drift: z.number().min(0).default(0), // max movement in pixels per frame (0 = same box in all T frames)
  })
  .refine((o) => o.minSize <= o.maxSize, { message: 'minSize must be ≤ maxSize', path: ['minSize'] });
export type RandomBoxMaskOptions = z.infer<typeof randomBoxMaskOptions>;

/**
 * A random box per clip (side uniform in [minSize, maxSize] of the frame), optionally drifting by a
 * random velocity of up to `drift` pixels per frame around the target frame.
 *
 * @example
 * // 8×8 frames, size 0.5 → a 4×4 box somewhere inside, the same in every frame when drift = 0
 * randomBoxMask({type: 'random-box', minSize: 0.5, maxSize: 0.5, drift: 0}).fill(video8, [0, 1, 2], rng, out, 0); // => true
 */
export function randomBoxMask(options: RandomBoxMaskOptions): MaskProvider {
  return {
    type: 'random-box',
    fill: (video, indices, rng: Rng, out, offset) => {
      const { height: h, width: w } = video;
      const bh = Math.max(1, Math.round(rng.uniform(options.minSize, options.maxSize) * h));
      const bw = Math.max(1, Math.round(rng.uniform(options.minSize, options.maxSize) * w));
      const y = rng.int(h - bh + 1);
      const x = rng.int(w - bw + 1);
      const vx = rng.uniform(-options.drift, options.drift);
      const vy = rng.uniform(-options.drift, options.drift);
      const mid = (indices.length - 1) / 2;
      let set = 0;
      indices.forEach((_, k) => {
        const dx = Math.round(vx * (k - mid));
        const dy = Math.round(vy * (k - mid));
        set += rasteriseBox({ x0: x + dx, y0: y + dy, x1: x + dx + bw, y1: y + dy + bh }, h, w, out, offset + k * h * w);
      });
      return set > 0;
    },
  };
}
