import { bestF1FromCurve } from './best-f1';
import { binaryCurve } from './binary-curve';
import { equalErrorRateFromCurve } from './equal-error-rate';
import { MetricsError } from './metrics-error';
import { averagePrecisionFromCurve } from './precision-recall';
import { rocAucFromCurve } from './roc-auc';
import type { VideoSeries } from './score-rows';
import { pooledFrames } from './video-auc';

/** Metrics of one scene; the pooled ones are null when the scene holds one class only. */
export interface SceneMetrics {
  readonly scene: string;
  readonly videos: number;
  readonly frames: number;
  readonly anomalousFrames: number;
  readonly aucMicro: number | null;
  readonly aucMacro: number;
  readonly ap: number | null;
  readonly eer: number | null;
  readonly f1: number | null;
  readonly threshold: number | null;
}

/**
 * Per-scene metrics, scenes in first-appearance order. `videoAucs[i]` is the (padded) AUC of
 * `videos[i]`, computed once by the caller.
 *
 * @example
 * sceneMetrics(videos, aucs).map((s) => s.scene); // => ['01', '02']
 */
export function sceneMetrics(videos: readonly VideoSeries[], videoAucs: readonly number[]): SceneMetrics[] {
  const byScene = new Map<string, number[]>();
  videos.forEach((series, i) => {
    const members = byScene.get(series.scene);
    if (members === undefined) byScene.set(series.scene, [i]);
    else members.push(i);
  });
  return [...byScene].map(([scene, members]) => {
    const { scores, labels } = pooledFrames(members.map((i) => videos[i] as VideoSeries));
    const aucMacro = members.reduce((sum, i) => sum + (videoAucs[i] as number), 0) / members.length;
    return sceneRow(scene, members.length, aucMacro, scores, labels);
  });
}

/**
 * One scene's line from its pooled frames; pooled metrics are null when they hold one class.
 *
 * @example
 * sceneRow('A', 1, 0.75, [0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]).aucMicro; // => 0.75
 */
export function sceneRow(scene: string, videos: number, aucMacro: number, scores: ArrayLike<number>, labels: ArrayLike<number>): SceneMetrics {
  let anomalousFrames = 0;
  for (let i = 0; i < labels.length; i++) anomalousFrames += labels[i] as number;
  const base = { scene, videos, frames: labels.length, anomalousFrames, aucMacro };
  if (anomalousFrames === 0 || anomalousFrames === labels.length) {
    return { ...base, aucMicro: null, ap: null, eer: null, f1: null, threshold: null };
  }
  const curve = binaryCurve(scores, labels, 'sceneMetrics');
  const best = bestF1FromCurve(curve);
  const metrics = { aucMicro: rocAucFromCurve(curve), ap: averagePrecisionFromCurve(curve), eer: equalErrorRateFromCurve(curve) };
  return { ...base, ...metrics, f1: best.f1, threshold: best.threshold };
}

/**
 * Mean or median of one metric over the scenes (median of an even count: mean of the middle two).
 *
 * @example
 * aggregateScenes([{ scene: 'a', value: 0.7 }, { scene: 'b', value: 0.9 }, { scene: 'c', value: 0.8 }], 'median', 'aucMicro'); // => 0.8
 * @throws MetricsError when a scene has no value (one class only).
 */
export function aggregateScenes(values: readonly { scene: string; value: number | null }[], mode: 'mean' | 'median', metric: string): number {
  const missing = values.find((entry) => entry.value === null);
  if (missing !== undefined) {
    throw new MetricsError(
      `evaluate(protocol.aggregation) "${mode}" needs ${metric} for every scene, but scene "${missing.scene}" holds frames of one class only`,
    );
  }
  const sorted = values.map((entry) => entry.value as number).sort((a, b) => a - b);
  if (mode === 'mean') return sorted.reduce((sum, v) => sum + v, 0) / sorted.length;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
