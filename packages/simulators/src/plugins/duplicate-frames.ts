import { z } from 'zod';
import type { SimulateInput, SimulateResult, Simulator } from '@vad/core';
import { middleIndex, sampleGates } from '../blend';
import { defineSimulator } from '../define-simulator';
import { retimeResult } from '../retime';

export const duplicateFramesOptions = z.strictObject({
  type: z.literal('duplicate-frames'), // = YAML `type` = registry key = file name
  holds: z.array(z.number().int().min(2)).min(1).default([2]), // slow-down factor r; LNTRA's (unused) data-loader argument `hold=[2]`
  p: z.number().min(0).max(1).default(1), // per-sample probability; 1 = every sample, as DDL does for its noise
});
export type DuplicateFramesOptions = z.output<typeof duplicateFramesOptions>;

/**
 * Window offsets (relative to the target frame) of a clip slowed down r× around window position
 * `anchor`: position i shows frame anchor + trunc((i − anchor) / r), so frames repeat; r ≥ T freezes it.
 *
 * @example
 * holdOffsets(3, 2, 0); // => [-1, -1, 0]  (shows frames 0, 0, 1 of the window)
 * holdOffsets(5, 2, 2); // => [-1, 0, 0, 0, 1]
 */
export function holdOffsets(frames: number, hold: number, anchor: number): number[] {
  const mid = middleIndex(frames);
  return Array.from({ length: frames }, (_, i) => anchor + Math.trunc((i - anchor) / hold) - mid);
}

/**
 * Abnormally slow or stalled motion: frames repeated inside the window (slow-down factor r from
 * `holds`, anchor position uniform in the window), σ-blended inside the object mask of the changed
 * frames. Only frames of the window are shown, so `input.source` is never needed.
 */
export class DuplicateFrames implements Simulator {
  readonly type = 'duplicate-frames';

  constructor(readonly options: DuplicateFramesOptions) {}

  simulate(input: SimulateInput): SimulateResult {
    const [b, t] = input.clips.shape;
    const { holds, p } = this.options;
    const offsets = sampleGates(input.rng, b, p).map((gate) =>
      gate === 0 ? null : holdOffsets(t, holds[input.rng.int(holds.length)] ?? 2, input.rng.int(t)),
    );
    return retimeResult(input, offsets);
  }
}

export const duplicateFrames = defineSimulator({
  type: 'duplicate-frames',
  description: 'Abnormally slow or stalled motion: frames repeated inside the window',
  options: duplicateFramesOptions,
  create: (options) => new DuplicateFrames(options),
});
