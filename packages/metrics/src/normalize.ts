/**
 * Min–max rescaling to [0, 1] with the given bounds; a constant input (max = min) maps to 0.
 *
 * @example
 * minMaxScale([2, 4, 6], 2, 6); // => [0, 0.5, 1]
 */
export function minMaxScale(scores: ArrayLike<number>, min: number, max: number): Float64Array {
  const out = new Float64Array(scores.length);
  const range = max - min;
  if (range > 0) for (let i = 0; i < scores.length; i++) out[i] = ((scores[i] as number) - min) / range;
  return out;
}

/**
 * Smallest and largest value of a non-empty list.
 *
 * @example
 * scoreRange([3, 1, 2]); // => { min: 1, max: 3 }
 */
export function scoreRange(scores: ArrayLike<number>): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i] as number;
    if (s < min) min = s;
    if (s > max) max = s;
  }
  return { min, max };
}

/**
 * Causal min–max normalisation: each frame is rescaled with the min and max of the frames up to and
 * including itself, so no future frame is used (unlike per-video min–max). The first frame, and any
 * frame while the running range is 0, maps to 0.
 *
 * @example
 * runningMinMax([2, 4, 3, 6, 0]); // => [0, 1, 0.5, 1, 0]
 */
export function runningMinMax(scores: ArrayLike<number>): Float64Array {
  const out = new Float64Array(scores.length);
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i] as number;
    if (s < min) min = s;
    if (s > max) max = s;
    out[i] = max > min ? (s - min) / (max - min) : 0;
  }
  return out;
}
