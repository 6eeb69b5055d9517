import { describe, expect, it } from 'vitest';
import { seedSummary } from './seed-summary';

// References: numpy mean, std(ddof=1) and scipy.stats.t.ppf(0.975, n − 1).
describe('seedSummary', () => {
  it('reports mean ± std and the t interval', () => {
    const s = seedSummary([0.981, 0.975, 0.99, 0.969, 0.984]);
    expect(s.n).toBe(5);
    expect(s.mean).toBeCloseTo(0.9797999999999998, 14);
    expect(s.std).toBeCloseTo(0.008105553651663785, 14);
    expect(s.lower).toBeCloseTo(0.9697356258452198, 10);
    expect(s.upper).toBeCloseTo(0.9898643741547798, 10);
  });

  it('uses t(0.975, 2) = 4.3027 for three seeds', () => {
    const s = seedSummary([0.9, 0.92, 0.94]);
    expect(s.std).toBeCloseTo(0.02, 14);
    expect(s.lower).toBeCloseTo(0.8703172457649935, 10);
    expect(s.upper).toBeCloseTo(0.9696827542350064, 10);
  });

  it('has no spread or interval for a single seed, and rejects bad input', () => {
    expect(seedSummary([0.8])).toEqual({ n: 1, mean: 0.8, std: null, standardError: null, lower: null, upper: null, level: 0.95 });
    expect(() => seedSummary([])).toThrow('seedSummary(values) must hold at least one value, but got 0');
    expect(() => seedSummary([0.1, Number.NaN])).toThrow('seedSummary(values) must be finite numbers, but got NaN at index 1');
  });
});
