import { z } from 'zod';
import type { MaskProvider } from './mask-provider';

/** Options of the `full-frame` mask: the whole frame is the object (pseudo anomalies everywhere). */
export const fullFrameMaskOptions = z.strictObject({ type: z.literal('full-frame') });
export type FullFrameMaskOptions = z.infer<typeof fullFrameMaskOptions>;

/**
 * Masks every pixel of every frame.
 *
 * @example
 * const out = new Float32Array(2 * 4);
 * fullFrameMask().fill(video2x2, [0, 1], rng, out, 0); // => true; out is all ones
 */
export function fullFrameMask(): MaskProvider {
  return {
    type: 'full-frame',
    fill: (video, indices, _rng, out, offset) => {
      out.fill(1, offset, offset + indices.length * video.height * video.width);
      return true;
    },
  };
}
