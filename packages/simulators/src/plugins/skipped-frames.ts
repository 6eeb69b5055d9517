import { z } from 'zod';
import type { SimulateInput, SimulateResult, Simulator } from '@vad/core';
import { middleIndex, sampleGates } from '../blend';
import { defineSimulator } from '../define-simulator';
import { retimeResult } from '../retime';

export const skippedFramesOptions = z.strictObject({
  type: z.literal('skipped-frames'), // = YAML `type` = registry key = file name
  strides: z.array(z.number().int().min(2)).min(1).default([2, 3, 4, 5]), // frames skipped per step; LNTRA & STEAL READMEs `--jump 2 3 4 5`
  anchor: z.enum(['start', 'centre']).default('start'), // LNTRA train.py: clip i, i+s, … starts where the normal window starts
  p: z.number().min(0).max(1).default(1), // per-sample probability; LNTRA README 0.2, STEAL 0.01 — use p or `mixture`
});
export type SkippedFramesOptions = z.output<typeof skippedFramesOptions>;

/**
 * Window offsets (relative to the target frame) of a clip taken with stride s.
 *
 * @example
 * skipOffsets(3, 2, 'start');  // => [-1, 1, 3]  (the target frame now shows f + 1)
 * skipOffsets(3, 2, 'centre'); // => [-2, 0, 2]  (the target frame is unchanged)
 */
export function skipOffsets(frames: number, stride: number, anchor: 'start' | 'centre'): number[] {
  const mid = middleIndex(frames);
  return Array.from({ length: frames }, (_, t) => (anchor === 'start' ? -mid + stride * t : stride * (t - mid)));
}

/**
 * Abnormally fast motion (LNTRA/STEAL): the window is taken with a stride s drawn per sample from
 * `strides`, σ-blended with the normal window inside the object mask of the changed frames.
 * Frames come from `input.source` (beyond the window); without a source only the window's own
 * frames are available, so offsets are clamped to it (T = 3 with `anchor: centre` then changes nothing).
 */
export class SkippedFrames implements Simulator {
  readonly type = 'skipped-frames';

  constructor(readonly options: SkippedFramesOptions) {}

  simulate(input: SimulateInput): SimulateResult {
    const [b, t] = input.clips.shape;
    const { strides, anchor, p } = this.options;
    const offsets = sampleGates(input.rng, b, p).map((gate) =>
      gate === 0 ? null : skipOffsets(t, strides[input.rng.int(strides.length)] ?? 2, anchor),
    );
    return retimeResult(input, offsets);
  }
}

export const skippedFrames = defineSimulator({
  type: 'skipped-frames',
  description: 'Abnormally fast motion: the window taken with stride s ∈ {2,3,4,5} (LNTRA, STEAL)',
  options: skippedFramesOptions,
  create: (options) => new SkippedFrames(options),
});
