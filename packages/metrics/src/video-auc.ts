import { MetricsError } from './metrics-error';
import { rocAuc } from './roc-auc';
import type { VideoSeries } from './score-rows';

/** A video's frame AUC and whether the single-class padding was needed. */
export interface VideoAucResult {
  readonly auc: number;
  readonly padded: boolean;
}

/**
 * Frame AUC of one video. A video whose frames are all one class is padded with one normal frame
 * scoring strictly below every frame of the video and one anomalous frame strictly above (the
 * literature's "0 at the start, 1 at the end"); the padding adds no ties, and such a video therefore
 * always scores exactly 1 — the convention's known optimism, reported as `padded`.
 *
 * @example
 * videoAuc([0.3, 0.5], [1, 1]); // => { auc: 1, padded: true }
 */
export function videoAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): VideoAucResult {
  let positives = 0;
  for (let i = 0; i < labels.length; i++) positives += labels[i] === 1 ? 1 : 0;
  if (positives > 0 && positives < labels.length) return { auc: rocAuc(scores, labels), padded: false };
  if (scores.length === 0) throw new MetricsError('videoAuc(scores) must hold at least one frame, but got 0');
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < scores.length; i++) {
    min = Math.min(min, scores[i] as number);
    max = Math.max(max, scores[i] as number);
  }
  const below = min - Math.max(1, Math.abs(min)); // strictly below even for |min| > 2^53
  const above = max + Math.max(1, Math.abs(max));
  return { auc: rocAuc([below, ...Array.from(scores), above], [0, ...Array.from(labels), 1]), padded: true };
}

/**
 * Micro frame AUC: every frame of every video pooled into one ROC (what most VAD papers report).
 *
 * @example
 * microAuc(videos); // => rocAuc(all scores, all labels)
 */
export function microAuc(videos: readonly VideoSeries[]): number {
  const { scores, labels } = pooledFrames(videos);
  return rocAuc(scores, labels);
}

/**
 * Macro frame AUC: the mean of the per-video AUCs ({@link videoAuc}, single-class videos padded).
 *
 * @example
 * macroAuc(videos); // => mean of videoAuc per video
 */
export function macroAuc(videos: readonly VideoSeries[]): number {
  if (videos.length === 0) throw new MetricsError('macroAuc(videos) must hold at least one video, but got 0');
  let sum = 0;
  for (const series of videos) sum += videoAuc(series.scores, series.labels).auc;
  return sum / videos.length;
}

/**
 * All frames of the videos concatenated, in video order.
 *
 * @example
 * pooledFrames(videos).scores.length; // => total scored frames
 */
export function pooledFrames(videos: readonly VideoSeries[]): { scores: Float64Array; labels: Uint8Array } {
  let n = 0;
  for (const series of videos) n += series.scores.length;
  const scores = new Float64Array(n);
  const labels = new Uint8Array(n);
  let offset = 0;
  for (const series of videos) {
    scores.set(series.scores, offset);
    labels.set(series.labels, offset);
    offset += series.scores.length;
  }
  return { scores, labels };
}
