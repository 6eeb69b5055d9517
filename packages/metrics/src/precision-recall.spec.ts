import { describe, expect, it } from 'vitest';
import { averagePrecision, precisionRecallCurve } from './precision-recall';
import { fixtureLabels, fixtureScores } from './__fixtures__/sklearn';

// Expected values from scikit-learn 1.6.1 average_precision_score / precision_recall_curve.
describe('averagePrecision', () => {
  it('is the step-wise sum Σ (Rₖ − Rₖ₋₁)·Pₖ (scikit-learn 0.8333333333333333)', () => {
    // thresholds 0.8 → P 1, R ½; 0.35 → P ⅔, R 1: ½·1 + ½·⅔ = 5/6
    expect(averagePrecision([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBeCloseTo(5 / 6, 15);
  });

  it('handles ties like scikit-learn', () => {
    // scikit-learn 0.7333333333333334: ⅓·1 + ⅔·(3/5)
    expect(averagePrecision([0.5, 0.5, 0.2, 0.8, 0.5, 0.5], [0, 1, 0, 1, 1, 0])).toBeCloseTo(0.7333333333333334, 15);
    expect(averagePrecision([1, 1, 1, 1], [0, 1, 0, 1])).toBe(0.5);
    expect(averagePrecision(fixtureScores, fixtureLabels)).toBeCloseTo(0.8973901098901099, 14);
  });

  it('rejects a single class', () => {
    expect(() => averagePrecision([0.2, 0.3], [1, 1])).toThrow(
      'averagePrecision(labels) requires at least one positive and one negative label, but got 0 negatives and 2 positives',
    );
  });
});

describe('precisionRecallCurve', () => {
  it('matches scikit-learn order and values, with (1, 0) appended', () => {
    const { precision, recall, thresholds } = precisionRecallCurve([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]);
    expect(precision).toEqual([0.5, 2 / 3, 0.5, 1, 1]);
    expect(recall).toEqual([1, 1, 0.5, 0.5, 0]);
    expect(thresholds).toEqual([0.1, 0.35, 0.4, 0.8]);
  });

  it('drops thresholds inside flat recall runs only when asked (scikit-learn drop_intermediate=True)', () => {
    expect(precisionRecallCurve(fixtureScores, fixtureLabels).thresholds).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]);
    const dropped = precisionRecallCurve(fixtureScores, fixtureLabels, { dropIntermediate: true });
    expect(dropped.thresholds).toEqual([0.1, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]);
    expect(dropped.recall).toEqual([1, 1, 0.9375, 0.75, 0.625, 0.5625, 0.25, 0]);
  });
});
