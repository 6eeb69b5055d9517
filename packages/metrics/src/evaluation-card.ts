import type { EvaluationProtocol } from './protocol';
import type { VideoRows, VideoSeries } from './score-rows';

/**
 * Everything needed to compare a number like-for-like, stored next to it: how frames were scored,
 * post-processed and aggregated, and how many frames were counted.
 */
export interface EvaluationCard {
  readonly scorer: EvaluationProtocol['scorer'];
  /** Patch side in pixels for patch-max; null for the other scorers. */
  readonly patchSize: number | null;
  /** PSNR peak (frame value range) for psnr; null for the other scorers. */
  readonly psnrPeak: number | null;
  readonly normalization: EvaluationProtocol['normalization'];
  /** `{ type: 'median', window }`, `{ type: 'gaussian', sigma }` or `{ type: 'none' }`; applied after normalisation. */
  readonly smoothing: EvaluationProtocol['smoothing'];
  /** Recorded as given: whether the data side dropped or edge-replicated the (T − 1)/2 edge frames. */
  readonly edgePolicy: EvaluationProtocol['edgePolicy'];
  /** Which frame AUC is the headline; both are reported. */
  readonly auc: EvaluationProtocol['auc'];
  readonly aggregation: EvaluationProtocol['aggregation'];
  /** Rows given / rows with a score (used by the metrics) / anomalous rows among the scored. */
  readonly frames: { readonly total: number; readonly scored: number; readonly anomalous: number };
  /** Videos with at least one scored frame. */
  readonly videos: number;
  readonly scenes: number;
  /** Single-class videos padded for the macro AUC (each contributes an AUC of exactly 1). */
  readonly paddedVideos: number;
  /**
   * How frames were resampled to the model size, as the data side recorded it (e.g. `bilinear, no
   * antialias (torchvision), float32`); absent when unknown (scores read from a CSV).
   */
  readonly resize?: string;
}

/**
 * Builds the card of one evaluation.
 *
 * @example
 * evaluationCard(protocol, grouped, series, 0).frames; // => { total: 10, scored: 8, anomalous: 3 }
 */
export function evaluationCard(
  protocol: EvaluationProtocol,
  grouped: readonly VideoRows[],
  videos: readonly VideoSeries[],
  paddedVideos: number,
): EvaluationCard {
  let total = 0;
  for (const video of grouped) total += video.rows.length;
  let scored = 0;
  let anomalous = 0;
  for (const series of videos) {
    scored += series.labels.length;
    for (const label of series.labels) anomalous += label;
  }
  return {
    scorer: protocol.scorer,
    patchSize: protocol.scorer === 'patch-max' ? protocol.patchSize : null,
    psnrPeak: protocol.scorer === 'psnr' ? protocol.psnrPeak : null,
    normalization: protocol.normalization,
    smoothing: protocol.smoothing,
    edgePolicy: protocol.edgePolicy,
    auc: protocol.auc,
    aggregation: protocol.aggregation,
    frames: { total, scored, anomalous },
    videos: videos.length,
    scenes: new Set(videos.map((series) => series.scene)).size,
    paddedVideos,
  };
}
