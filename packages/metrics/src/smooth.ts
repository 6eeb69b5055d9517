import { MetricsError } from './metrics-error';

/** Index into [0, n) under scipy.ndimage's `reflect` boundary (d c b a | a b c d | d c b a). */
function reflectIndex(j: number, n: number): number {
  const period = 2 * n;
  const m = ((j % period) + period) % period;
  return m < n ? m : period - 1 - m;
}

/**
 * Running median over an odd `window` centred on each frame, edges mirrored — scipy
 * `ndimage.median_filter(scores, size=window, mode='reflect')`. DDL's paper uses window 17.
 *
 * @example
 * medianSmooth([1, 9, 2, 8, 3], 3); // => [1, 2, 8, 3, 3]
 * @throws MetricsError when window is not a positive odd integer.
 */
export function medianSmooth(scores: ArrayLike<number>, window: number): Float64Array {
  if (!Number.isInteger(window) || window < 1 || window % 2 === 0) {
    throw new MetricsError(`medianSmooth(window) must be a positive odd integer, but got ${window}`);
  }
  const n = scores.length;
  const half = (window - 1) / 2;
  const out = new Float64Array(n);
  const buffer = new Float64Array(window);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < window; k++) {
      // insertion sort: far cheaper than a native sort call for windows of a few dozen frames
      const value = scores[reflectIndex(i - half + k, n)] as number;
      let j = k - 1;
      while (j >= 0 && (buffer[j] as number) > value) (buffer[j + 1] = buffer[j] as number), j--;
      buffer[j + 1] = value;
    }
    out[i] = buffer[half] as number;
  }
  return out;
}

/**
 * Gaussian smoothing with standard deviation `sigma` frames, kernel truncated at
 * round(4·sigma) frames, edges mirrored — scipy `ndimage.gaussian_filter1d(scores, sigma)`.
 *
 * @example
 * gaussianSmooth([0, 0, 1, 0, 0], 1)[2]; // => 0.4026 (scipy 0.40261994689424435)
 * @throws MetricsError when sigma is not a positive finite number.
 */
export function gaussianSmooth(scores: ArrayLike<number>, sigma: number): Float64Array {
  if (!(sigma > 0) || !Number.isFinite(sigma)) {
    throw new MetricsError(`gaussianSmooth(sigma) must be a positive number, but got ${sigma}`);
  }
  const radius = Math.floor(4 * sigma + 0.5);
  const weights = new Float64Array(2 * radius + 1);
  let total = 0;
  for (let x = -radius; x <= radius; x++) total += weights[x + radius] = Math.exp((-0.5 * x * x) / (sigma * sigma));
  for (let k = 0; k < weights.length; k++) weights[k] = (weights[k] as number) / total;
  const n = scores.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let x = -radius; x <= radius; x++) sum += (weights[x + radius] as number) * (scores[reflectIndex(i + x, n)] as number);
    out[i] = sum;
  }
  return out;
}
