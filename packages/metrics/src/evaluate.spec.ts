import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate';
import { rocAuc } from './roc-auc';
import type { ScoreRow } from './score-rows';

function video(name: string, scores: (number | null)[], labels: number[], scene?: string): ScoreRow[] {
  return scores.map((score, frame) => ({ video: name, frame, score, label: labels[frame] as number, ...(scene === undefined ? {} : { scene }) }));
}

describe('evaluate', () => {
  it('reports the scikit-learn numbers and a full card for one video', () => {
    const result = evaluate(video('v1', [0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]));
    expect(result).toMatchObject({ aucMicro: 0.75, aucMacro: 0.75, eer: 0.5, threshold: 0.35, frames: 4, anomalousFrames: 2, videos: 1 });
    expect(result.ap).toBeCloseTo(5 / 6, 15); // scikit-learn average_precision_score 0.8333333333333333
    expect(result.f1).toBeCloseTo(0.8, 15);
    expect(result.card).toEqual({
      scorer: 'patch-max',
      patchSize: 16,
      psnrPeak: null,
      normalization: 'none',
      smoothing: { type: 'none' },
      edgePolicy: 'drop',
      auc: 'micro',
      aggregation: 'pooled',
      frames: { total: 4, scored: 4, anomalous: 2 },
      videos: 1,
      scenes: 1,
      paddedVideos: 0,
    });
    expect(result.perVideo).toEqual([{ video: 'v1', scene: 'all', frames: 4, anomalousFrames: 2, unscored: 0, auc: 0.75, padded: false }]);
    // one scene: its line is the pooled numbers
    expect(result.perScene).toEqual([
      { scene: 'all', videos: 1, frames: 4, anomalousFrames: 2, aucMicro: 0.75, aucMacro: 0.75, ap: result.ap, eer: 0.5, f1: result.f1, threshold: 0.35 },
    ]);
    expect(result.roc.fpr).toEqual([0, 0, 0.5, 0.5, 1]);
    expect(result.pr.thresholds).toEqual([0.1, 0.35, 0.4, 0.8]);
  });

  it('records only the parameters of the scorer in use', () => {
    const card = evaluate(video('v1', [0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]), { scorer: 'psnr', psnrPeak: 2, patchSize: 8 }).card;
    expect([card.scorer, card.patchSize, card.psnrPeak]).toEqual(['psnr', null, 2]);
  });

  it('leaves unscored (edge) frames out of every metric but counts them in the card', () => {
    const rows = video('v1', [null, 0.1, 0.4, 0.35, 0.8, null], [1, 0, 0, 1, 1, 0]);
    const result = evaluate(rows, { edgePolicy: 'drop' });
    expect(result.aucMicro).toBe(0.75);
    expect(result.card.frames).toEqual({ total: 6, scored: 4, anomalous: 2 });
    expect(result.perVideo[0]?.unscored).toBe(2);
  });

  it('pads single-class videos for the macro AUC and records how many', () => {
    const result = evaluate([...video('v1', [0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]), ...video('v2', [0.2, 0.3], [0, 0])]);
    expect(result.aucMicro).toBe(7 / 8); // pooled: 0.35 beats 3 of 4 normals, 0.8 beats 4
    expect(result.aucMacro).toBe(0.875); // (0.75 + 1) / 2
    expect(result.card.paddedVideos).toBe(1);
    expect(result.perVideo[1]).toMatchObject({ video: 'v2', auc: 1, padded: true });
  });

  it('normalises per video before pooling, which changes the micro AUC', () => {
    const rows = [...video('v1', [10, 11, 12, 13], [0, 0, 1, 1]), ...video('v2', [0, 1, 2, 3], [0, 0, 1, 1])];
    expect(evaluate(rows).aucMicro).toBe(0.75); // raw: 12 of 16 pairs ordered
    expect(evaluate(rows, { normalization: 'per-video-minmax' }).aucMicro).toBe(1); // both videos → [0, ⅓, ⅔, 1]
    expect(evaluate(rows, { normalization: 'global-minmax' }).aucMicro).toBe(0.75); // monotone: ranking unchanged
    const running = evaluate(rows, { normalization: 'running' });
    expect(running.aucMicro).toBe(rocAuc([0, 1, 1, 1, 0, 1, 1, 1], [0, 0, 1, 1, 0, 0, 1, 1])); // causal: each frame the new max
  });

  it('smooths each video in frame order, after sorting the rows', () => {
    const rows = video('v1', [0.1, 0.9, 0.2, 0.3, 0.8, 0.7], [0, 0, 0, 1, 1, 1]).reverse();
    const result = evaluate(rows, { smoothing: { type: 'median', window: 3 } });
    // median-3 with reflected edges: [0.1, 0.2, 0.3, 0.3, 0.7, 0.7]
    expect(result.aucMicro).toBe(rocAuc([0.1, 0.2, 0.3, 0.3, 0.7, 0.7], [0, 0, 0, 1, 1, 1]));
    expect(result.card.smoothing).toEqual({ type: 'median', window: 3 });
  });

  it('aggregates per-scene values by median or mean (DDL ShanghaiTech: median of scene AUCs)', () => {
    const rows = [
      ...video('a1', [0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1], 'A'), // 0.75
      ...video('b1', [0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1], 'B'), // 1
      ...video('c1', [0.9, 0.2, 0.1, 0.8], [0, 0, 1, 1], 'C'), // 0.25
    ];
    const median = evaluate(rows, { aggregation: 'median' });
    expect(median.aucMicro).toBe(0.75);
    expect(median.threshold).toBeNull();
    expect(median.perScene.map((scene) => [scene.scene, scene.aucMicro])).toEqual([['A', 0.75], ['B', 1], ['C', 0.25]]);
    expect(evaluate(rows, { aggregation: 'mean' }).aucMicro).toBeCloseTo(2 / 3, 15);
    expect(median.card.scenes).toBe(3);
  });

  it('refuses to aggregate over a scene that holds one class', () => {
    const rows = [...video('a1', [0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1], 'A'), ...video('b1', [0.1, 0.2], [0, 0], 'B')];
    expect(evaluate(rows).perScene[1]).toMatchObject({ scene: 'B', aucMicro: null, aucMacro: 1 });
    expect(() => evaluate(rows, { aggregation: 'median' })).toThrow(
      'evaluate(protocol.aggregation) "median" needs aucMicro for every scene, but scene "B" holds frames of one class only',
    );
  });

  it('rejects bad rows with the offending index', () => {
    const good = video('v1', [0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]);
    expect(() => evaluate([...good, { video: 'v1', frame: 2, score: 0.5, label: 1 }])).toThrow(
      'evaluate(rows): (video, frame) must be unique, but got ("v1", 2) twice',
    );
    expect(() => evaluate([...good, { video: 'v2', frame: 0, score: 0.5, label: 2 }])).toThrow('evaluate(rows)[4].label must be 0 or 1, but got 2');
    expect(() => evaluate([...good, { video: 'v2', frame: 0, score: 0.5, label: 1, scene: 'A' }])).toThrow(
      'evaluate(rows)[4].scene must be given for every row or for none, but got "A" here',
    );
    expect(() => evaluate(video('v1', [0.1, 0.2], [0, 0]))).toThrow(
      'evaluate(labels) requires at least one positive and one negative label, but got 2 negatives and 0 positives',
    );
    expect(() => evaluate([])).toThrow('evaluate(rows) must hold at least one frame, but got 0 rows');
    expect(() => evaluate(good, { auc: 'weighted' } as never)).toThrow(/^evaluate\(protocol\)\.auc: /);
  });
});
