import { describe, expect, it } from 'vitest';
import { bestF1 } from './best-f1';
import { equalErrorRate } from './equal-error-rate';
import { fixtureLabels, fixtureScores } from './__fixtures__/sklearn';

// References: scipy brentq(lambda x: 1 - x - interp1d(fpr, tpr)(x), 0, 1) on scikit-learn 1.6.1 roc_curve
// (EER), and max of 2PR/(P+R) over precision_recall_curve points (best F1).
describe('equalErrorRate', () => {
  it('interpolates where FNR meets FPR', () => {
    expect(equalErrorRate([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBe(0.5); // brentq: 0.4999999999998459
    expect(equalErrorRate([0.5, 0.5, 0.2, 0.8, 0.5, 0.5], [0, 1, 0, 1, 1, 0])).toBeCloseTo(1 / 3, 14); // brentq: 0.3333333333333333
    expect(equalErrorRate(fixtureScores, fixtureLabels)).toBeCloseTo(0.175, 14); // brentq: 0.175
  });

  it('is 0 for perfect separation and 0.5 for all-tied scores', () => {
    expect(equalErrorRate([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1])).toBe(0);
    expect(equalErrorRate([1, 1, 1, 1], [0, 1, 0, 1])).toBe(0.5);
  });
});

describe('bestF1', () => {
  it('finds the best threshold on the textbook case', () => {
    const best = bestF1([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]);
    expect(best.f1).toBeCloseTo(0.8, 15); // scikit-learn PR points: max F1 0.8 at threshold 0.35
    expect(best.threshold).toBe(0.35);
    expect(best.precision).toBeCloseTo(2 / 3, 15);
    expect(best.recall).toBe(1);
  });

  it('matches the PR-curve maximum with ties', () => {
    expect(bestF1([0.5, 0.5, 0.2, 0.8, 0.5, 0.5], [0, 1, 0, 1, 1, 0])).toMatchObject({ f1: 0.75, threshold: 0.5 });
    const fixture = bestF1(fixtureScores, fixtureLabels);
    expect(fixture.f1).toBeCloseTo(0.8108108108108109, 14);
    expect(fixture.threshold).toBe(0.5);
  });

  it('breaks an exact tie towards the lowest threshold', () => {
    // threshold 0.9 → tp 1, fp 0: F1 2/3; threshold 0.1 → tp 2, fp 2: F1 2/3
    expect(bestF1([0.9, 0.1, 0.1, 0.1], [1, 1, 0, 0])).toMatchObject({ f1: 2 / 3, threshold: 0.1 });
  });
});
