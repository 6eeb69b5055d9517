import { describe, expect, it } from 'vitest';
import { postprocessScores } from './evaluate';
import { macroAuc, microAuc, videoAuc } from './video-auc';

describe('videoAuc', () => {
  it('is the plain AUC for a video with both classes', () => {
    expect(videoAuc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toEqual({ auc: 0.75, padded: false });
  });

  it('pads a single-class video without ties, which always gives exactly 1', () => {
    // all anomalous, even with tied scores: the padded normal frame is below all, the padded anomalous above all
    expect(videoAuc([0.3, 0.3, 0.5], [1, 1, 1])).toEqual({ auc: 1, padded: true });
    expect(videoAuc([0.3, 0.3, 0.5], [0, 0, 0])).toEqual({ auc: 1, padded: true });
    expect(videoAuc([1e300, 1e300], [0, 0])).toEqual({ auc: 1, padded: true }); // stays strict for huge scores
    expect(videoAuc([7], [1])).toEqual({ auc: 1, padded: true });
  });
});

describe('micro and macro AUC', () => {
  it('pool frames (micro) or average per-video AUCs (macro)', () => {
    const rows = [
      ...[0.1, 0.4, 0.35, 0.8].map((score, frame) => ({ video: 'v1', frame, score, label: frame < 2 ? 0 : 1 })),
      ...[0.2, 0.3].map((score, frame) => ({ video: 'v2', frame, score, label: 0 })),
    ];
    const videos = postprocessScores(rows);
    // pooled: positives {0.35, 0.8}, negatives {0.1, 0.4, 0.2, 0.3}: 0.35 beats 3 of 4, 0.8 beats 4 → 7/8
    expect(microAuc(videos)).toBe(7 / 8);
    expect(macroAuc(videos)).toBe((0.75 + 1) / 2);
  });
});
