import { describe, expect, it } from 'vitest';
import { frameScore, meanSquaredError, psnrScore } from './frame-score';

describe('frame scores', () => {
  it('mse is the mean of the squared per-pixel errors', () => {
    expect(meanSquaredError([0, 1, 2, 1])).toBe(1.5);
    expect(() => meanSquaredError([])).toThrow('meanSquaredError(errorMap) must hold at least one pixel, but got 0');
  });

  it('psnr is negated so higher means more anomalous, with the peak from the value range', () => {
    expect(psnrScore([0.1, 0.1, 0.1, 0.1], 1)).toBeCloseTo(-20, 12); // MSE 0.01 → 10·log10(1/0.01) = 20 dB
    expect(psnrScore([0.1, 0.1, 0.1, 0.1], 2)).toBeCloseTo(-10 * Math.log10(400), 12); // [−1, 1] frames: peak 2
    expect(psnrScore([0.2, 0.2], 1)).toBeGreaterThan(psnrScore([0.1, 0.1], 1)); // larger error → higher score
    expect(psnrScore([0, 0, 0], 1)).toBeCloseTo(-100, 10); // capped at 100 dB, stays finite
    expect(() => psnrScore([0.1], 0)).toThrow('psnrScore(peak) must be a positive number, but got 0');
  });

  it('dispatches on the scorer', () => {
    const map = new Float32Array(16 * 16).fill(0.5); // [16, 16]
    map[0] = 4.5; // one hot pixel: patch mean (0.5·255 + 4.5)/256 = 0.515625
    const options = { patchSize: 16, psnrPeak: 1 } as const;
    expect(frameScore(map, 16, 16, { ...options, scorer: 'patch-max' })).toBe(0.515625);
    expect(frameScore(map, 16, 16, { ...options, scorer: 'mse' })).toBeCloseTo((0.25 * 255 + 20.25) / 256, 12);
    expect(frameScore(map, 16, 16, { ...options, scorer: 'psnr' })).toBeCloseTo(10 * Math.log10((0.25 * 255 + 20.25) / 256), 12);
    expect(() => frameScore(map, 16, 8, { ...options, scorer: 'mse' })).toThrow('frameScore(errorMap) must have height·width = 128 values, but got 256');
  });
});
