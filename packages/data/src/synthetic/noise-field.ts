import type { Rng } from '@vad/core';

/** A smooth deterministic 2-D noise field in [0, 1] (bilinear value noise over a hashed lattice). */
export type NoiseField = (x: number, y: number) => number;

/**
 * Value noise with `octaves` octaves (each half the amplitude, twice the frequency), lattice values
 * drawn from `rng` once. The lattice repeats every `period` cells (a power of two) in both directions.
 *
 * @example
 * const f = createNoiseField(createRng(1), 2);
 * f(0.5, 0.5) === f(0.5, 0.5); // => true, and 0 ≤ f(x, y) ≤ 1
 */
export function createNoiseField(rng: Rng, octaves = 1, period = 256): NoiseField {
  if (!Number.isInteger(Math.log2(period))) throw new Error(`createNoiseField(period) must be a power of two, but got ${period}`);
  const mask = period - 1;
  const lattice = Float32Array.from({ length: period * period }, () => rng.next());
  const perm = rng.shuffle(Array.from({ length: period }, (_, i) => i));
  const at = (ix: number, iy: number): number => lattice[(ix & mask) * period + (perm[iy & mask] as number)] as number;
  const smooth = (t: number): number => t * t * (3 - 2 * t);
  const single = (x: number, y: number): number => {
    const ix = Math.floor(x);
    const iy = Math.floor(y);
    const fx = smooth(x - ix);
    const fy = smooth(y - iy);
    const top = at(ix, iy) * (1 - fx) + at(ix + 1, iy) * fx;
    const bottom = at(ix, iy + 1) * (1 - fx) + at(ix + 1, iy + 1) * fx;
    return top * (1 - fy) + bottom * fy;
  };
  return (x, y) => {
    let sum = 0;
    let amplitude = 1;
    let total = 0;
    for (let o = 0; o < octaves; o++) {
      sum += amplitude * single(x * 2 ** o + o * 17.3, y * 2 ** o + o * 5.1);
      total += amplitude;
      amplitude /= 2;
    }
    return sum / total;
  };
}
