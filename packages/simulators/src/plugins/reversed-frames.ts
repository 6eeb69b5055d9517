import { z } from 'zod';
import type { SimulateInput, SimulateResult, Simulator } from '@vad/core';
import { middleIndex, sampleGates } from '../blend';
import { defineSimulator } from '../define-simulator';
import { retimeResult } from '../retime';

export const reversedFramesOptions = z.strictObject({
  type: z.literal('reversed-frames'), // = YAML `type` = registry key = file name
  strides: z.array(z.number().int().min(1)).min(1).default([1]), // 1 = plain reversal (moving backward, UR 2022); add 2–5 to combine with skipping (anchors §2.6)
  anchor: z.enum(['start', 'centre']).default('start'), // as skipped-frames; identical for stride 1
  p: z.number().min(0).max(1).default(1), // per-sample probability; MB's value unverified (anchors §2.4)
});
export type ReversedFramesOptions = z.output<typeof reversedFramesOptions>;

/**
 * Window offsets (relative to the target frame) of the window played backwards with stride s.
 *
 * @example
 * reverseOffsets(3, 1, 'start'); // => [1, 0, -1]
 * reverseOffsets(3, 2, 'start'); // => [3, 1, -1]
 */
export function reverseOffsets(frames: number, stride: number, anchor: 'start' | 'centre'): number[] {
  const mid = middleIndex(frames);
  return Array.from({ length: frames }, (_, t) => (anchor === 'start' ? -mid + stride * (frames - 1 - t) : stride * (mid - t)));
}

/**
 * Moving backward: the window played in reverse (optionally with a stride from `strides`),
 * σ-blended inside the object mask of the changed frames. With stride 1 and odd T the target frame
 * itself is unchanged, so only losses that see the whole input react. Frames beyond the window come
 * from `input.source`; without one, offsets are clamped to the window.
 */
export class ReversedFrames implements Simulator {
  readonly type = 'reversed-frames';

  constructor(readonly options: ReversedFramesOptions) {}

  simulate(input: SimulateInput): SimulateResult {
    const [b, t] = input.clips.shape;
    const { strides, anchor, p } = this.options;
    const offsets = sampleGates(input.rng, b, p).map((gate) =>
      gate === 0 ? null : reverseOffsets(t, strides[input.rng.int(strides.length)] ?? 1, anchor),
    );
    return retimeResult(input, offsets);
  }
}

export const reversedFrames = defineSimulator({
  type: 'reversed-frames',
  description: 'Moving backward: the window played in reverse order (optionally with a stride)',
  options: reversedFramesOptions,
  create: (options) => new ReversedFrames(options),
});
