import { describe, expect, it } from 'vitest';
import { fixtureLabels, fixtureScores, mulberry32 } from './__fixtures__/sklearn';
import { delongTest, midranks } from './delong';
import { normalSf } from './special-functions';

// Second score vector for the 40-frame fixture (numpy default_rng(11)); expected values from a
// direct O(P·N) numpy implementation of DeLong et al. (1988): ψ matrices, np.cov, scipy norm.sf.
const fixtureScoresB = [
  0.1, 0.4, 0.5, 0.2, 0.3, 0.7, 0.3, 0.1, 0.8, 0.5, 0.5, 0.6, 0.7, 0.2, 0.1, 0.6, 0.5, 0.4, 0.7, 0.4, 1.0, 0.4, 0.4, 0.6, 0.5, 0.5,
  0.2, 0.6, 0.7, 0.1, 0.4, 0.4, 0.3, 0.9, 0.3, 0.3, 0.5, 0.4, 0.7, 0.4,
];

/** The textbook definition: ψ(x, y) = 1, ½, 0 for every (anomalous, normal) pair, O(P·N). */
function naiveDelong(a: number[], b: number[], labels: number[]) {
  const parts = [a, b].map((s) => {
    const pos = s.filter((_, i) => labels[i] === 1);
    const neg = s.filter((_, i) => labels[i] === 0);
    const psi = (x: number, y: number): number => (x > y ? 1 : x === y ? 0.5 : 0);
    const v10 = pos.map((x) => neg.reduce((t, y) => t + psi(x, y), 0) / neg.length);
    const v01 = neg.map((y) => pos.reduce((t, x) => t + psi(x, y), 0) / pos.length);
    return { auc: v10.reduce((t, v) => t + v, 0) / pos.length, v10, v01 };
  });
  const cov = (x: number[], y: number[]): number => {
    const mx = x.reduce((t, v) => t + v, 0) / x.length;
    const my = y.reduce((t, v) => t + v, 0) / y.length;
    return x.reduce((t, v, i) => t + (v - mx) * ((y[i] as number) - my), 0) / (x.length - 1);
  };
  const [p, q] = parts as [(typeof parts)[0], (typeof parts)[0]];
  const m = p.v10.length;
  const n = p.v01.length;
  const variance = cov(p.v10, p.v10) / m + cov(p.v01, p.v01) / n + cov(q.v10, q.v10) / m + cov(q.v01, q.v01) / n - 2 * (cov(p.v10, q.v10) / m + cov(p.v01, q.v01) / n);
  const z = (p.auc - q.auc) / Math.sqrt(variance);
  return { z, pValue: 2 * normalSf(Math.abs(z)) };
}

describe('midranks', () => {
  it('gives ties the mean of their 1-based ranks', () => {
    expect(Array.from(midranks([0.3, 0.1, 0.3]))).toEqual([2.5, 1, 2.5]);
    expect(Array.from(midranks([5, 5, 5, 5]))).toEqual([2.5, 2.5, 2.5, 2.5]);
  });
});

describe('delongTest', () => {
  it('matches the direct DeLong computation on the tied 40-frame fixture', () => {
    const result = delongTest(fixtureScores, fixtureScoresB, fixtureLabels);
    expect(result.aucA).toBeCloseTo(0.9361979166666666, 14);
    expect(result.aucB).toBeCloseTo(0.5286458333333334, 14);
    expect(result.covariance[0][0]).toBeCloseTo(0.001157102723052536, 15);
    expect(result.covariance[0][1]).toBeCloseTo(0.00026747354946658633, 15);
    expect(result.covariance[1][1]).toBeCloseTo(0.008899731720511275, 15);
    expect(result.z).toBeCloseTo(4.176587631613344, 11);
    expect(result.pValue / 2.9591477305530185e-5).toBeCloseTo(1, 9);
  });

  it('a classifier against itself has z 0 and p 1', () => {
    const result = delongTest(fixtureScores, fixtureScores, fixtureLabels);
    expect([result.difference, result.standardError, result.z, result.pValue]).toEqual([0, 0, 0, 1]);
  });

  it('handles a zero-variance side (small hand case, numpy reference z −0.70711, p 0.47950)', () => {
    const result = delongTest([0.1, 0.4, 0.35, 0.8, 0.7], [0.2, 0.3, 0.6, 0.9, 0.5], [0, 0, 1, 1, 1]);
    expect(result.aucA).toBeCloseTo(5 / 6, 15);
    expect(result.aucB).toBe(1);
    expect(result.z).toBeCloseTo(-0.7071067811865474, 13);
    expect(result.pValue).toBeCloseTo(0.4795001221869536, 13);
  });

  it('agrees with the O(P·N) definition on seeded random data with ties', () => {
    const random = mulberry32(9);
    const labels = Array.from({ length: 120 }, () => (random() < 0.4 ? 1 : 0));
    const a = labels.map((l) => Math.round((random() + 0.5 * l) * 10) / 10);
    const b = labels.map((l, i) => Math.round(((a[i] as number) * 0.5 + random() * 0.7 + 0.2 * l) * 10) / 10);
    const expected = naiveDelong(a, b, labels);
    const result = delongTest(a, b, labels);
    expect(result.z).toBeCloseTo(expected.z, 10);
    expect(result.pValue).toBeCloseTo(expected.pValue, 12);
  });

  it('needs two frames of each class', () => {
    expect(() => delongTest([0.1, 0.2, 0.3], [0.1, 0.2, 0.3], [0, 1, 1])).toThrow(
      'delongTest(labels) requires at least 2 positive and 2 negative labels, but got 1 negatives and 2 positives',
    );
  });
});
