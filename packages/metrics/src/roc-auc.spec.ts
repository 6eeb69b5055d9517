import { describe, expect, it } from 'vitest';
import { binaryCurve } from './binary-curve';
import { fixtureLabels, fixtureScores, mulberry32 } from './__fixtures__/sklearn';
import { rocAuc } from './roc-auc';

describe('binaryCurve', () => {
  it('accumulates tp/fp per distinct score, highest first, ties entering together', () => {
    const curve = binaryCurve([0.5, 0.5, 0.2, 0.8, 0.5, 0.5], [0, 1, 0, 1, 1, 0]);
    expect(Array.from(curve.thresholds)).toEqual([0.8, 0.5, 0.2]);
    expect(Array.from(curve.tps)).toEqual([1, 3, 3]);
    expect(Array.from(curve.fps)).toEqual([0, 2, 3]);
    expect([curve.positives, curve.negatives]).toEqual([3, 3]);
  });

  it('rejects mismatched lengths, bad labels and non-finite scores with the argument named', () => {
    expect(() => binaryCurve([0.1, 0.2], [0, 1, 1])).toThrow('binaryCurve(labels) must have the same length as scores (2), but got 3');
    expect(() => binaryCurve([0.1, 0.2], [0, 2])).toThrow('binaryCurve(labels) must contain only 0 and 1, but got 2 at index 1');
    expect(() => binaryCurve([0.1, Number.NaN], [0, 1])).toThrow('binaryCurve(scores) must be finite numbers, but got NaN at index 1');
  });
});

describe('rocAuc', () => {
  it('matches scikit-learn on the textbook case', () => {
    // roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) = 0.75: of the 4 (anomalous, normal) pairs only (0.35, 0.4) is misordered.
    expect(rocAuc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBe(0.75);
  });

  it('gives tied (anomalous, normal) pairs half credit like scikit-learn', () => {
    // roc_auc_score([0,1,0,1,1,0], [0.5,0.5,0.2,0.8,0.5,0.5]) = 0.7777…: 9 pairs, 5 won, 4 tied → (5 + 2) / 9
    expect(rocAuc([0.5, 0.5, 0.2, 0.8, 0.5, 0.5], [0, 1, 0, 1, 1, 0])).toBeCloseTo(7 / 9, 15);
    // all scores equal: every pair tied → 0.5 (scikit-learn 0.5)
    expect(rocAuc([1, 1, 1, 1], [0, 1, 0, 1])).toBe(0.5);
    // perfectly inverted → 0
    expect(rocAuc([0.9, 0.1], [0, 1])).toBe(0);
  });

  it('matches scikit-learn on a 40-frame fixture full of ties', () => {
    expect(rocAuc(fixtureScores, fixtureLabels)).toBeCloseTo(0.9361979166666666, 14); // scikit-learn 1.6.1
  });

  it('equals the brute-force Mann–Whitney count on seeded random data with ties', () => {
    const random = mulberry32(42);
    const scores = Array.from({ length: 300 }, () => Math.round(random() * 20) / 20);
    const labels = scores.map((s) => (random() < 0.3 + 0.4 * s ? 1 : 0));
    let wins = 0;
    let pairs = 0;
    for (let i = 0; i < scores.length; i++) {
      for (let j = 0; j < scores.length; j++) {
        if (labels[i] !== 1 || labels[j] !== 0) continue;
        pairs++;
        const a = scores[i] as number;
        const b = scores[j] as number;
        wins += a > b ? 1 : a === b ? 0.5 : 0;
      }
    }
    expect(rocAuc(scores, labels)).toBeCloseTo(wins / pairs, 14);
  });

  it('throws the house-style message when one class is missing', () => {
    expect(() => rocAuc(new Array(12).fill(0.3), new Array(12).fill(0))).toThrow(
      'rocAuc(labels) requires at least one positive and one negative label, but got 12 negatives and 0 positives',
    );
    expect(() => rocAuc([], [])).toThrow('rocAuc(labels) requires at least one positive and one negative label, but got 0 negatives and 0 positives');
  });

  it('accepts typed arrays', () => {
    expect(rocAuc(new Float32Array([0.1, 0.4, 0.35, 0.8]), new Uint8Array([0, 0, 1, 1]))).toBe(0.75);
  });
});
