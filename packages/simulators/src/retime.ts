import * as tf from '@tensorflow/tfjs';
import type { SimulateInput, SimulateResult } from '@vad/core';
import { blendResult, middleIndex } from './blend';

function clamp(value: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, value));
}

interface Shown {
  /** Which frames differ from the normal window (1) or not (0), length T. */
  readonly changed: number[];
  /** The shown frames [1, T, H, W, C]; built lazily inside the result's tidy. */
  readonly frames: () => tf.Tensor5D;
}

function shownFrames(input: SimulateInput, b: number, offsets: readonly number[]): Shown {
  const [, t, h, w, c] = input.clips.shape;
  const mid = middleIndex(t);
  const meta = input.meta[b];
  if (input.source !== undefined && meta !== undefined) {
    const source = input.source;
    const last = source.length(meta.video) - 1;
    const indices = offsets.map((offset) => clamp(meta.frame + offset, 0, last));
    const changed = indices.map((index, i) => (index === clamp(meta.frame + i - mid, 0, last) ? 0 : 1));
    const data = source.frames(meta.video, indices);
    if (data.length !== t * h * w * c) {
      throw new Error(`retime(source.frames): result must hold ${t}×${h}×${w}×${c} values, but got ${data.length}`);
    }
    return { changed, frames: () => tf.tensor5d(data, [1, t, h, w, c]) };
  }
  const window = offsets.map((offset) => clamp(mid + offset, 0, t - 1)); // fallback: frames of the window only
  return {
    changed: window.map((index, i) => (index === i ? 0 : 1)),
    frames: () => tf.gather(tf.slice(input.clips, [b, 0, 0, 0, 0], [1, t, h, w, c]), window, 1) as tf.Tensor5D,
  };
}

/**
 * Shared core of the temporal simulators: sample b shows, at window position i, the frame at
 * `offsets[b][i]` relative to its target frame (null = the sample stays normal). Frames come from
 * `input.source` when present (beyond the window, clamped to the video), otherwise from the window
 * itself (offsets clamped to it, so edge frames repeat). The anomalous clip is σ-blended inside the
 * object mask of the frames that actually show another frame; the returned mask is that region.
 *
 * @example
 * // T = 3, offsets [[-2, 0, 2]] with a source: frames f−2, f, f+2 (stride 2); mask on frames 0 and 2
 */
export function retimeResult(input: SimulateInput, offsets: readonly (readonly number[] | null)[]): SimulateResult {
  const [b, t, h, w, c] = input.clips.shape;
  const plane = h * w;
  const masks = input.masks.dataSync();
  const weight = new Float32Array(b * t * plane);
  const shown = offsets.map((list, i) => (list === null ? null : shownFrames(input, i, list)));
  shown.forEach((entry, i) => {
    entry?.changed.forEach((flag, frame) => {
      if (flag === 0) return;
      const base = (i * t + frame) * plane;
      for (let k = 0; k < plane; k++) weight[base + k] = (masks[base + k] ?? 0) > 0 ? 1 : 0;
    });
  });
  const anomalous = (): tf.Tensor5D =>
    tf.concat(
      shown.map((entry, i) => (entry === null ? tf.slice(input.clips, [i, 0, 0, 0, 0], [1, t, h, w, c]) : entry.frames())),
      0,
    );
  return blendResult(input, anomalous, weight);
}
