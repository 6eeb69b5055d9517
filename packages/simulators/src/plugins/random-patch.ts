import * as tf from '@tensorflow/tfjs';
import { z } from 'zod';
import type { Rng, SimulateInput, SimulateResult, Simulator } from '@vad/core';
import { blendResult, sampleGates } from '../blend';
import { defineSimulator } from '../define-simulator';
import { intruderClip, intruderSources } from '../intruder';
import { patchBlends, patchWeight } from '../patch-weight';
import type { Patch } from '../patch-weight';
import { frameBoxes, restrictToMask, unionBox } from '../regions';
import type { Box } from '../regions';

export const randomPatchOptions = z.strictObject({
  type: z.literal('random-patch'), // = YAML `type` = registry key = file name
  alpha: z.number().gt(0).max(1).default(0.5), // max patch side as a fraction of the object box side; LNTRA README `--max_size 0.5`
  minSize: z.number().int().min(1).default(10), // px; LNTRA pseudoanomaly_utils.py max(10, …)
  beta: z.number().int().min(0).default(10), // random-walk step, px per frame; LNTRA README `--max_move 10`
  blend: z.enum(patchBlends).default('smoothmix-box'), // LNTRA README run `pacifinSB0.2-0.5-10` (SmoothBorder)
  intruder: z.enum(intruderSources).default('batch'), // LNTRA Ped2/SHT intruders are training frames; batch needs no extra data
  p: z.number().min(0).max(1).default(1), // per-sample probability; LNTRA README 0.2 — use p or `mixture`
});
export type RandomPatchOptions = z.output<typeof randomPatchOptions>;

/**
 * Patch boxes for the T frames: side max(minSize, U(0, α)·area side) per axis (at most the area side),
 * top-left uniform in `area`, then a random walk of up to β px per frame clamped to `area`.
 *
 * @example
 * // area 16×16, alpha 0.5, minSize 10, beta 0 → three identical 10×10 … 16×16 boxes inside the area
 */
export function walkPatches(rng: Rng, area: Box, frames: number, options: RandomPatchOptions): Patch[] {
  const side = (extent: number): number => Math.min(extent, Math.max(options.minSize, Math.round(rng.uniform(0, options.alpha) * extent)));
  const height = side(area.y1 - area.y0);
  const width = side(area.x1 - area.x0);
  const clampY = (y: number): number => Math.min(area.y1 - height, Math.max(area.y0, y));
  const clampX = (x: number): number => Math.min(area.x1 - width, Math.max(area.x0, x));
  let y = area.y0 + rng.int(area.y1 - area.y0 - height + 1);
  let x = area.x0 + rng.int(area.x1 - area.x0 - width + 1);
  const patches: Patch[] = [];
  for (let t = 0; t < frames; t++) {
    if (t > 0 && options.beta > 0) {
      y = clampY(y + rng.int(2 * options.beta + 1) - options.beta);
      x = clampX(x + rng.int(2 * options.beta + 1) - options.beta);
    }
    patches.push({ y, x, height, width });
  }
  return patches;
}

/**
 * Random patch (LNTRA): an intruder (another clip of the batch, a source video or a procedural texture)
 * pasted as a cutmix / smoothmix-box / smoothmix-gaussian / mixup patch that may move by a random walk.
 * The patch lives in the bounding box of the object mask (α is relative to that box, so a full-frame
 * mask gives LNTRA's fraction of the frame) and is cut to the mask; σ blends it in.
 */
export class RandomPatch implements Simulator {
  readonly type = 'random-patch';

  constructor(readonly options: RandomPatchOptions) {}

  simulate(input: SimulateInput): SimulateResult {
    const [b, t, h, w] = input.clips.shape;
    const gates = sampleGates(input.rng, b, this.options.p);
    const masks = input.masks.dataSync();
    const boxes = frameBoxes(masks, { batch: b, frames: t, height: h, width: w });
    const weight = new Float32Array(masks.length);
    const parts: (() => tf.Tensor5D)[] = [];
    for (let i = 0; i < b; i++) {
      const area = unionBox(boxes[i] ?? []);
      if (gates[i] === 0 || area === null) {
        parts.push(() => tf.slice(input.clips, [i, 0, 0, 0, 0], [1, ...input.clips.shape.slice(1)]));
        continue;
      }
      walkPatches(input.rng, area, t, this.options).forEach((patch, frame) => {
        patchWeight(this.options.blend, patch, h, w, weight.subarray((i * t + frame) * h * w, (i * t + frame + 1) * h * w));
      });
      parts.push(intruderClip(input, i, this.options.intruder, Math.max(4, Math.round((area.y1 - area.y0) / 4))));
    }
    restrictToMask(weight, masks);
    return blendResult(input, () => tf.concat(parts.map((part) => part()), 0), weight);
  }
}

export const randomPatch = defineSimulator({
  type: 'random-patch',
  description: 'Intruder patch (other clip, source video or texture), cutmix/smoothmix/mixup, random-walk motion (LNTRA)',
  options: randomPatchOptions,
  create: (options) => new RandomPatch(options),
});
