import { describe, expect, it } from 'vitest';
import { fixtureLabels, fixtureScores } from './__fixtures__/sklearn';
import { rocCurve } from './roc-curve';

// Expected points from scikit-learn 1.6.1 roc_curve(y, s) (drop_intermediate=True, the default).
describe('rocCurve', () => {
  it('matches scikit-learn on the textbook case, starting at (0, 0) with threshold Infinity', () => {
    const { fpr, tpr, thresholds } = rocCurve([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]);
    expect(fpr).toEqual([0, 0, 0.5, 0.5, 1]);
    expect(tpr).toEqual([0, 0.5, 0.5, 1, 1]);
    expect(thresholds).toEqual([Infinity, 0.8, 0.4, 0.35, 0.1]);
  });

  it('drops collinear points like scikit-learn (10 points → 9 on the fixture)', () => {
    const dropped = rocCurve(fixtureScores, fixtureLabels);
    expect(dropped.fpr).toEqual([0, 0, 0, 0, 0.125, 0.25, 5 / 12, 7 / 12, 1]);
    expect(dropped.tpr).toEqual([0, 0.25, 0.5625, 0.625, 0.75, 0.9375, 1, 1, 1]);
    expect(dropped.thresholds).toEqual([Infinity, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.1]);
    const full = rocCurve(fixtureScores, fixtureLabels, { dropIntermediate: false });
    expect(full.thresholds).toEqual([Infinity, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1]);
  });

  it('collapses all-tied scores to one step', () => {
    expect(rocCurve([1, 1, 1, 1], [0, 1, 0, 1])).toEqual({ fpr: [0, 1], tpr: [0, 1], thresholds: [Infinity, 1] });
  });
});
