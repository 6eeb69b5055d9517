import { describe, expect, it } from 'vitest';
import { timeStats } from './time-stats';

describe('timeStats', () => {
  it('median of an even count is the mean of the middle two', () => {
    expect(timeStats([30, 10, 20, 40])).toEqual({ median: 25, min: 10, max: 40, n: 4 });
  });
  it('odd count, rounded to 0.1 ms', () => {
    expect(timeStats([1.04, 3.16, 2.25])).toEqual({ median: 2.3, min: 1, max: 3.2, n: 3 });
  });
  it('refuses an empty list', () => {
    expect(() => timeStats([])).toThrow('timeStats(ms) must have at least one timing, but got none');
  });
});
