import type { Rng } from '@vad/core';

function fade(t: number): number {
  return t * t * t * (t * (t * 6 - 15) + 10); // 6t⁵ − 15t⁴ + 10t³ (improved Perlin)
}

/**
 * A 2-D Perlin gradient-noise function on a periodic lattice of `cellsY × cellsX` cells with random unit
 * gradients drawn from `rng`; `(y, x)` are in cell units, values lie in about [−0.71, 0.71] and are 0
 * on lattice points.
 *
 * @example
 * const noise = perlinNoise(createRng(1), 4, 4);
 * noise(0, 0);     // => 0 (lattice point)
 * noise(0.5, 1.5); // => a value in (−0.71, 0.71)
 */
export function perlinNoise(rng: Rng, cellsY: number, cellsX: number): (y: number, x: number) => number {
  const angles = Float64Array.from({ length: cellsY * cellsX }, () => rng.uniform(0, 2 * Math.PI));
  const wrap = (value: number, n: number): number => ((value % n) + n) % n;
  const dot = (iy: number, ix: number, dy: number, dx: number): number => {
    const angle = angles[wrap(iy, cellsY) * cellsX + wrap(ix, cellsX)] ?? 0;
    return Math.sin(angle) * dy + Math.cos(angle) * dx;
  };
  return (y, x) => {
    const iy = Math.floor(y);
    const ix = Math.floor(x);
    const fy = y - iy;
    const fx = x - ix;
    const top = dot(iy, ix, fy, fx) + fade(fx) * (dot(iy, ix + 1, fy, fx - 1) - dot(iy, ix, fy, fx));
    const bottom = dot(iy + 1, ix, fy - 1, fx) + fade(fx) * (dot(iy + 1, ix + 1, fy - 1, fx - 1) - dot(iy + 1, ix, fy - 1, fx));
    return top + fade(fy) * (bottom - top);
  };
}
