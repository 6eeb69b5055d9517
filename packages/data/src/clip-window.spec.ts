import { describe, expect, it } from 'vitest';
import { scoredFrames, scoredLabels, trainTargets, windowIndices, windowRadius } from './clip-window';

describe('clip windows', () => {
  it('centres the window on the target and clamps at the edges', () => {
    expect(windowIndices(0, 3, 10)).toEqual([0, 0, 1]);
    expect(windowIndices(9, 3, 10)).toEqual([8, 9, 9]);
    expect(windowIndices(5, 5, 10)).toEqual([3, 4, 5, 6, 7]);
    expect(windowIndices(0, 5, 2)).toEqual([0, 0, 0, 1, 1]);
    expect(windowIndices(3, 1, 4)).toEqual([3]);
  });

  it('rejects even windows and out-of-range targets with the house message', () => {
    expect(() => windowRadius(4)).toThrow(/windowRadius\(frames\) must be an odd positive integer, but got 4/);
    expect(() => windowIndices(10, 3, 10)).toThrow(/must be an integer in \[0, 9\], but got 10/);
  });

  it('drops (T-1)/2 frames at each end only under the drop policy', () => {
    expect(scoredFrames(6, 3, 'drop')).toEqual([1, 2, 3, 4]);
    expect(scoredFrames(6, 5, 'drop')).toEqual([2, 3]);
    expect(scoredFrames(3, 3, 'replicate')).toEqual([0, 1, 2]);
    expect(scoredFrames(2, 5, 'drop')).toEqual([]);
    expect(Array.from(scoredLabels(Uint8Array.of(1, 0, 0, 1, 1), 3, 'drop'))).toEqual([0, 0, 1]);
    expect(Array.from(scoredLabels([1, 0, 0, 1, 1], 3, 'replicate'))).toEqual([1, 0, 0, 1, 1]);
  });

  it('keeps only full windows for training, every stride frames', () => {
    expect(trainTargets(10, 3, 4)).toEqual([1, 5]);
    expect(trainTargets(10, 3, 1)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(trainTargets(7, 7, 1)).toEqual([3]);
    expect(trainTargets(6, 7, 1)).toEqual([]);
    expect(() => trainTargets(10, 3, 0)).toThrow(/stride\) must be a positive integer, but got 0/);
  });
});
