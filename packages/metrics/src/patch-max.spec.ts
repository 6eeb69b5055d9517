import { describe, expect, it } from 'vitest';
import { mulberry32 } from './__fixtures__/sklearn';
import { patchMax } from './patch-max';

/** Direct definition: every patch of both grids averaged by a double loop. */
function bruteForce(map: ArrayLike<number>, height: number, width: number, p: number): number {
  let best = -Infinity;
  for (const offset of [0, p / 2]) {
    for (let y = offset; y + p <= height - offset; y += p) {
      for (let x = offset; x + p <= width - offset; x += p) {
        let sum = 0;
        for (let dy = 0; dy < p; dy++) for (let dx = 0; dx < p; dx++) sum += map[(y + dy) * width + x + dx] as number;
        best = Math.max(best, sum / (p * p));
      }
    }
  }
  return best;
}

describe('patchMax', () => {
  it('finds a blob that only the shifted grid covers whole', () => {
    const map = new Float32Array(32 * 32); // [H, W]
    for (let y = 12; y < 20; y++) for (let x = 12; x < 20; x++) map[y * 32 + x] = 1;
    // regular patches hold 16 of the 64 ones each (mean 1/16); the shifted patch at (8, 8) holds all 64 → 0.25
    expect(patchMax(map, 32, 32, 16)).toBe(0.25);
  });

  it('uses the regular grid when the blob sits in one of its patches', () => {
    const map = new Float32Array(32 * 32);
    for (let y = 16; y < 32; y++) for (let x = 0; x < 16; x++) map[y * 32 + x] = 0.5;
    expect(patchMax(map, 32, 32, 16)).toBe(0.5); // shifted patch (8, 8) holds 8×8 of it → 0.125
  });

  it('drops the border remainder when the size is not a multiple of P', () => {
    const map = new Float32Array(4 * 6); // [4, 6], P = 2: regular columns 0..5, shifted 1..4 (crop 1)
    map[1 * 6 + 5] = 8; // in regular patch (0, 4)
    expect(patchMax(map, 4, 6, 2)).toBe(2);
    const narrow = new Float32Array(4 * 5); // [4, 5]: column 4 is in no regular patch and is cropped from the shifted grid
    narrow[0 * 5 + 4] = 8;
    expect(patchMax(narrow, 4, 5, 2)).toBe(0);
  });

  it('equals the direct definition on seeded random maps', () => {
    const random = mulberry32(3);
    for (const [h, w, p] of [[40, 56, 16], [33, 47, 8], [16, 16, 16], [20, 24, 4]] as const) {
      const map = Float32Array.from({ length: h * w }, () => random());
      expect(patchMax(map, h, w, p)).toBeCloseTo(bruteForce(map, h, w, p), 10);
    }
  });

  it('rejects odd patches, maps smaller than a patch and wrong lengths', () => {
    expect(() => patchMax(new Float32Array(256), 16, 16, 5)).toThrow('patchMax(patchSize) must be an even integer >= 2, but got 5');
    expect(() => patchMax(new Float32Array(120), 8, 15, 16)).toThrow('patchMax(height, width) must be integers >= patchSize (16), but got 8×15');
    expect(() => patchMax(new Float32Array(10), 16, 16, 16)).toThrow('patchMax(errorMap) must have height·width = 256 values, but got 10');
  });
});
