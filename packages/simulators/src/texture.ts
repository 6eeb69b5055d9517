import type { Rng } from '@vad/core';
import { perlinNoise } from './perlin-noise';

/** Procedural pattern kinds used for intruder patches, shapes and Perlin fills. */
export const textureKinds = ['flat', 'stripes', 'checker', 'noise'] as const;
export type TextureKind = (typeof textureKinds)[number];

/**
 * A random coloured pattern: `(y, x, channel) → value in [0, 1]`, mixing two random colours by a
 * stripes, checker, Perlin-noise or flat pattern (`kind` drawn from `kinds`). `scale` is the pattern's
 * period in pixels (stripes, checker) or cell size (noise).
 *
 * @example
 * const paint = texture(createRng(3), ['flat'], 8);
 * paint(0, 0, 0) === paint(5, 7, 0); // => true (flat colour)
 */
export function texture(rng: Rng, kinds: readonly TextureKind[], scale: number): (y: number, x: number, channel: number) => number {
  const kind = kinds[rng.int(kinds.length)] ?? 'flat';
  const colours = [0, 1].map(() => [rng.next(), rng.next(), rng.next()]);
  const angle = rng.uniform(0, Math.PI);
  const period = Math.max(2, scale);
  const noise = perlinNoise(rng, 64, 64);
  const pattern = (y: number, x: number): number => {
    if (kind === 'stripes') return 0.5 + 0.5 * Math.sin((2 * Math.PI * (x * Math.cos(angle) + y * Math.sin(angle))) / period);
    if (kind === 'checker') return (Math.floor(y / (period / 2)) + Math.floor(x / (period / 2))) % 2 === 0 ? 0 : 1;
    if (kind === 'noise') return Math.min(1, Math.max(0, 0.5 + noise(y / period, x / period)));
    return 0;
  };
  return (y, x, channel) => {
    const v = pattern(y, x);
    const [a, b] = [colours[0]?.[channel % 3] ?? 0, colours[1]?.[channel % 3] ?? 1];
    return a * (1 - v) + b * v;
  };
}
