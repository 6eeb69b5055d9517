import { describe, expect, it } from 'vitest';
import { gaussianSmooth, medianSmooth } from './smooth';

const x = [0.1, 0.5, 0.2, 0.9, 0.4, 0.3, 0.8, 0.05];

// References: scipy 1.17.1 ndimage.median_filter(x, size, mode='reflect') and ndimage.gaussian_filter1d(x, sigma).
describe('medianSmooth', () => {
  it('matches scipy median_filter with reflected edges', () => {
    expect(Array.from(medianSmooth([1, 9, 2, 8, 3], 3))).toEqual([1, 2, 8, 3, 3]);
    expect(Array.from(medianSmooth(x, 5))).toEqual([0.2, 0.2, 0.4, 0.4, 0.4, 0.4, 0.3, 0.3]);
  });

  it('handles a window longer than the video (DDL window 17 on 8 frames)', () => {
    expect(Array.from(medianSmooth(x, 17))).toEqual([0.3, 0.4, 0.3, 0.4, 0.4, 0.3, 0.4, 0.3]);
    expect(Array.from(medianSmooth([0.7], 17))).toEqual([0.7]);
  });

  it('rejects even windows', () => {
    expect(() => medianSmooth(x, 16)).toThrow('medianSmooth(window) must be a positive odd integer, but got 16');
  });
});

describe('gaussianSmooth', () => {
  it('matches scipy gaussian_filter1d (truncate 4, reflect)', () => {
    const impulse = Array.from(gaussianSmooth([0, 0, 1, 0, 0], 1));
    [0.05842298904073567, 0.24210527628121548, 0.39894346935609776, 0.24210527628121548, 0.05842298904073567].forEach((v, i) =>
      expect(impulse[i]).toBeCloseTo(v, 14),
    );
    const smoothed15 = [0.2812040518298427, 0.3441952601277806, 0.43063415012127293, 0.4888105413197399, 0.49322116762164636, 0.45855552665212657, 0.40251726026270823, 0.3508620420648828];
    Array.from(gaussianSmooth(x, 1.5)).forEach((v, i) => expect(v).toBeCloseTo(smoothed15[i] as number, 14));
    const smoothed3 = [0.3759255723072474, 0.38529750086347037, 0.3998088115517151, 0.4132926512338144, 0.42097314667616226, 0.4217190265888374, 0.4181781354390461, 0.4148051553397073];
    Array.from(gaussianSmooth(x, 3)).forEach((v, i) => expect(v).toBeCloseTo(smoothed3[i] as number, 14));
  });

  it('rejects a non-positive sigma', () => {
    expect(() => gaussianSmooth(x, 0)).toThrow('gaussianSmooth(sigma) must be a positive number, but got 0');
  });
});
