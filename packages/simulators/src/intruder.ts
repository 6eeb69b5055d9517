import * as tf from '@tensorflow/tfjs';
import type { Rng, SimulateInput } from '@vad/core';
import { middleIndex } from './blend';
import { texture, textureKinds } from './texture';

/** Where intruder content comes from. */
export const intruderSources = ['batch', 'source', 'texture'] as const;
export type IntruderSource = (typeof intruderSources)[number];

/** A full-frame T-frame texture clip [1, T, H, W, C] (static pattern), as host data. */
export function textureClip(rng: Rng, shape: readonly number[], scale: number): Float32Array {
  const [, t = 1, h = 1, w = 1, c = 1] = shape;
  const paint = texture(rng, textureKinds, scale);
  const frame = new Float32Array(h * w * c);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) for (let k = 0; k < c; k++) frame[(y * w + x) * c + k] = paint(y, x, k);
  const clip = new Float32Array(t * frame.length);
  for (let i = 0; i < t; i++) clip.set(frame, i * frame.length);
  return clip;
}

/**
 * The intruder clip for sample `b`, full frame (the patch mask picks the region, as in LNTRA), built
 * lazily: `source` = T consecutive frames at a random frame of a random video of the batch (falls back
 * to `batch` without `input.source`); `batch` = another sample's clip (falls back to `texture` for a
 * batch of one); `texture` = a procedural pattern with random colours.
 */
export function intruderClip(input: SimulateInput, b: number, kind: IntruderSource, scale: number): () => tf.Tensor5D {
  const [batch, t, h, w, c] = input.clips.shape;
  const rng = input.rng;
  if (kind === 'source' && input.source !== undefined && input.meta.length > 0) {
    const meta = input.meta[rng.int(input.meta.length)];
    const length = meta === undefined ? 0 : input.source.length(meta.video);
    if (meta !== undefined && length > 0) {
      const start = rng.int(length) - middleIndex(t);
      const indices = Array.from({ length: t }, (_, i) => Math.min(length - 1, Math.max(0, start + i)));
      const data = input.source.frames(meta.video, indices);
      return () => tf.tensor5d(data, [1, t, h, w, c]);
    }
  }
  if ((kind === 'source' || kind === 'batch') && batch > 1) {
    const other = (b + 1 + rng.int(batch - 1)) % batch;
    return () => tf.slice(input.clips, [other, 0, 0, 0, 0], [1, t, h, w, c]);
  }
  const data = textureClip(rng, [1, t, h, w, c], scale);
  return () => tf.tensor5d(data, [1, t, h, w, c]);
}
