import { describe, expect, it } from 'vitest';
import { mulberry32 } from './__fixtures__/sklearn';
import { bootstrapCi, quantile } from './bootstrap';
import { postprocessScores } from './evaluate';
import { macroAuc, microAuc } from './video-auc';

/** A random source that plays back fixed draws, so the resamples are known by hand. */
function scripted(values: number[]): () => number {
  let i = 0;
  return () => values[i++ % values.length] as number;
}

const rows = [
  ...[0.1, 0.4, 0.35, 0.8].map((score, frame) => ({ video: 'v0', frame, score, label: frame < 2 ? 0 : 1 })), // AUC 0.75
  ...[0.1, 0.2, 0.8, 0.9].map((score, frame) => ({ video: 'v1', frame, score, label: frame < 2 ? 0 : 1 })), // AUC 1
];
const videos = postprocessScores(rows);

describe('bootstrapCi', () => {
  it('resamples videos with replacement and takes interpolated percentiles', () => {
    // draws floor(r·2): [v0, v0] → 0.75, [v1, v0] → 0.875, [v1, v1] → 1
    const result = bootstrapCi(videos, macroAuc, { unit: 'video', resamples: 3, level: 0.5, random: scripted([0.1, 0.2, 0.7, 0.1, 0.9, 0.6]) });
    expect(result).toEqual({ estimate: 0.875, lower: 0.8125, upper: 0.9375, level: 0.5, unit: 'video', resamples: 3, skipped: 0, standardError: 0.125 });
  });

  it('resamples frames and counts the one-class resamples it had to skip', () => {
    const single = postprocessScores(rows.slice(0, 4));
    // draws floor(r·4): frames [0, 0, 1, 1] are all normal → skipped; frames [0, 1, 2, 3] → 0.75
    const result = bootstrapCi(single, microAuc, { unit: 'frame', resamples: 2, random: scripted([0.1, 0.1, 0.3, 0.3, 0.1, 0.3, 0.6, 0.9]) });
    expect(result).toMatchObject({ estimate: 0.75, lower: 0.75, upper: 0.75, resamples: 2, skipped: 1 });
  });

  it('is reproducible for a seed and brackets the estimate', () => {
    const a = bootstrapCi(videos, microAuc, { unit: 'frame', resamples: 200, random: mulberry32(5) });
    const b = bootstrapCi(videos, microAuc, { unit: 'frame', resamples: 200, random: mulberry32(5) });
    const c = bootstrapCi(videos, microAuc, { unit: 'frame', resamples: 200, random: mulberry32(6) });
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(a.lower).toBeLessThanOrEqual(a.estimate);
    expect(a.upper).toBeGreaterThanOrEqual(a.estimate);
  });

  it('validates its options and fails when every resample is degenerate', () => {
    expect(() => bootstrapCi(videos, microAuc, { unit: 'video', resamples: 0, random: mulberry32(1) })).toThrow(
      'bootstrapCi(resamples) must be a positive integer, but got 0',
    );
    const constant = (): number => 0;
    const oneVideo = postprocessScores(rows.slice(0, 4));
    expect(() => bootstrapCi(oneVideo, microAuc, { unit: 'frame', resamples: 3, random: constant })).toThrow(
      'bootstrapCi: the statistic must be defined on some resample, but all 3 were degenerate',
    );
  });
});

describe('quantile', () => {
  it('interpolates linearly like numpy.quantile', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    // numpy.quantile([0.1, 0.3, 0.5, 0.7, 0.9], [0.025, 0.975]) = [0.12, 0.88]
    expect(quantile([0.1, 0.3, 0.5, 0.7, 0.9], 0.025)).toBeCloseTo(0.12, 14);
    expect(quantile([0.1, 0.3, 0.5, 0.7, 0.9], 0.975)).toBeCloseTo(0.88, 14);
  });
});
