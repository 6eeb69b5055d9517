import { describe, expect, it } from 'vitest';
import { bytesToUnit, fmaf32, resizeBilinear } from './resize-bilinear';

// Exact cases computed by hand; bit-for-bit agreement with torchvision on real frames is checked by
// packages/experiments/src/parity/golden-frames.spec.ts against tensors exported from PyTorch.
describe('resizeBilinear (torchvision Resize on float tensors, no antialiasing)', () => {
  it('upsamples a ramp with half-pixel centres, clamping the source index at 0 and the last pixel', () => {
    // 2 → 4: source x = 0.5·(o + ½) − ½ = −0.25 → 0, 0.25, 0.75, 1.25 → [0, 0.25, 0.75, 1]
    expect(Array.from(resizeBilinear(Float32Array.of(0, 1), 1, 2, 1, 1, 4))).toEqual([0, 0.25, 0.75, 1]);
    expect(Array.from(resizeBilinear(Float32Array.of(0, 1), 1, 2, 1, 1, 4, 'interleaved'))).toEqual([0, 0.25, 0.75, 1]);
  });

  it('downsamples 4 → 2 by averaging the two middle taps (no antialiasing: the outer pixels are ignored)', () => {
    // source x = 2·(o + ½) − ½ = 0.5, 2.5 → (x0 + x1)/2, (x2 + x3)/2; 8 and 16 never enter a sharp box filter
    expect(Array.from(resizeBilinear(Float32Array.of(8, 0, 2, 16), 1, 4, 1, 1, 2))).toEqual([4, 9]);
  });

  it('interpolates rows and columns of every channel independently (HWC layout)', () => {
    // [2, 2, 2]: channel 0 = [[0, 2], [4, 6]], channel 1 = its negative; 2×2 → 1×1 is the mean
    const src = Float32Array.of(0, -0, 2, -2, 4, -4, 6, -6);
    expect(Array.from(resizeBilinear(src, 2, 2, 2, 1, 1))).toEqual([3, -3]);
    expect(Array.from(resizeBilinear(src, 2, 2, 2, 2, 2))).toEqual(Array.from(src)); // same size: a copy
  });

  it('rejects a source of the wrong size', () => {
    expect(() => resizeBilinear(new Float32Array(5), 2, 2, 1, 4, 4)).toThrow('resizeBilinear(src) must have 4 entries, but got 5');
  });
});

describe('fmaf32 and bytesToUnit', () => {
  it('rounds a·b + c once, also where the double sum lands on a float32 tie', () => {
    const a = 1 + 2 ** -15;
    const b = 2 ** -24 * (1 - 2 ** -15);
    const c = 1 + 2 ** -23; // exact a·b + c = 1 + 2⁻²³ + 2⁻²⁴ − 2⁻⁵⁴: just below the tie
    expect(Math.fround(a * b + c)).toBe(1 + 2 ** -22); // double rounding goes to the tie, then to even
    expect(fmaf32(a, b, c)).toBe(1 + 2 ** -23);
    expect(fmaf32(0.5, 0.5, 0.25)).toBe(0.5);
  });

  it('divides by 255 like PyTorch (correctly rounded float32 quotients)', () => {
    const unit = bytesToUnit(Uint8Array.of(0, 1, 51, 255));
    expect(Array.from(unit)).toEqual([0, Math.fround(1 / 255), Math.fround(0.2), 1]);
  });
});
