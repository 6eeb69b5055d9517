import { bestF1FromCurve } from './best-f1';
import { binaryCurve } from './binary-curve';
import { equalErrorRateFromCurve } from './equal-error-rate';
import { evaluationCard } from './evaluation-card';
import type { EvaluationCard } from './evaluation-card';
import { postprocess } from './postprocess';
import { averagePrecisionFromCurve, precisionRecallFromCurve } from './precision-recall';
import type { PrecisionRecallCurve } from './precision-recall';
import { parseEvaluationProtocol } from './protocol';
import type { EvaluationProtocol, EvaluationProtocolInput } from './protocol';
import { rocAucFromCurve } from './roc-auc';
import { rocCurveFromCurve } from './roc-curve';
import type { RocCurve } from './roc-curve';
import { aggregateScenes, sceneMetrics } from './scene-metrics';
import type { SceneMetrics } from './scene-metrics';
import { kindAucs, kindsLookup } from './kind-auc';
import type { KindAuc } from './kind-auc';
import { groupRows } from './score-rows';
import type { ScoreRow, VideoSeries } from './score-rows';
import { pooledFrames, videoAuc } from './video-auc';

/** One line of the per-video table. */
export interface VideoMetrics {
  readonly video: string;
  readonly scene: string;
  readonly frames: number;
  readonly anomalousFrames: number;
  readonly unscored: number;
  readonly auc: number;
  /** True when the video held one class and was padded (its AUC is then 1). */
  readonly padded: boolean;
}

/** Everything `evaluate` reports; numbers are fractions in [0, 1]. */
export interface EvaluationResult {
  readonly aucMicro: number;
  readonly aucMacro: number;
  readonly ap: number;
  readonly eer: number;
  readonly f1: number;
  /** Best-F1 threshold (score >= threshold is anomalous); null when scenes are aggregated by mean/median. */
  readonly threshold: number | null;
  /** Scored frames, anomalous among them, and videos with a scored frame. */
  readonly frames: number;
  readonly anomalousFrames: number;
  readonly videos: number;
  readonly card: EvaluationCard;
  readonly perVideo: VideoMetrics[];
  readonly perScene: SceneMetrics[];
  /** Frame AUC of each anomaly kind against all normal frames, pooled; empty when the rows carry no kinds. */
  readonly perKind: KindAuc[];
  /** Pooled curves over all scored frames (also under mean/median aggregation), intermediate points dropped. */
  readonly roc: RocCurve;
  readonly pr: PrecisionRecallCurve;
}

/**
 * Scores a test set under an explicit protocol: drops unscored rows, normalises and smooths each
 * video, then reports micro and macro frame AUC, AP, EER, best F1, per-video and per-scene tables,
 * per-kind AUCs (rows carrying `kinds`), curves and the evaluation card. With aggregation `mean`/`median` each headline metric is that
 * statistic of the per-scene values (DDL's ShanghaiTech number is the median of per-scene AUCs).
 *
 * @example
 * evaluate([
 *   { video: 'v1', frame: 0, score: 0.1, label: 0 }, { video: 'v1', frame: 1, score: 0.4, label: 0 },
 *   { video: 'v1', frame: 2, score: 0.35, label: 1 }, { video: 'v1', frame: 3, score: 0.8, label: 1 },
 * ]).aucMicro; // => 0.75
 * @throws MetricsError on invalid rows or protocol, or when the pooled frames hold one class only.
 */
export function evaluate(rows: readonly ScoreRow[], protocolInput: EvaluationProtocolInput = {}): EvaluationResult {
  const protocol = parseEvaluationProtocol(protocolInput, 'evaluate(protocol)');
  const grouped = groupRows(rows);
  const videos = postprocess(grouped, protocol);
  const perVideo = videos.map((series) => videoMetrics(series));
  const { scores, labels } = pooledFrames(videos);
  const curve = binaryCurve(scores, labels, 'evaluate');
  const pooled = pooledMetrics(curve, perVideo);
  const aucs = perVideo.map((video) => video.auc);
  const single = videos[0]?.scene;
  const perScene = videos.every((series) => series.scene === single)
    ? [{ scene: single ?? '', videos: videos.length, frames: labels.length, anomalousFrames: curve.positives, ...pooled }] // one scene = the pooled numbers
    : sceneMetrics(videos, aucs);
  const headline = protocol.aggregation === 'pooled' ? pooled : aggregated(perScene, protocol.aggregation);
  const padded = perVideo.filter((video) => video.padded).length;
  return {
    ...headline,
    frames: labels.length,
    anomalousFrames: curve.positives,
    videos: videos.length,
    card: evaluationCard(protocol, grouped, videos, padded),
    perVideo,
    perScene,
    perKind: rows.some((row) => row.kinds !== undefined) ? kindAucs(videos, kindsLookup(rows)) : [],
    roc: rocCurveFromCurve(curve, { dropIntermediate: true }),
    pr: precisionRecallFromCurve(curve, { dropIntermediate: true }),
  };
}

type Headline = Pick<EvaluationResult, 'aucMicro' | 'aucMacro' | 'ap' | 'eer' | 'f1' | 'threshold'>;

function pooledMetrics(curve: ReturnType<typeof binaryCurve>, perVideo: readonly VideoMetrics[]): Headline {
  const best = bestF1FromCurve(curve);
  return {
    aucMicro: rocAucFromCurve(curve),
    aucMacro: perVideo.reduce((sum, video) => sum + video.auc, 0) / perVideo.length,
    ap: averagePrecisionFromCurve(curve),
    eer: equalErrorRateFromCurve(curve),
    f1: best.f1,
    threshold: best.threshold,
  };
}

function aggregated(perScene: readonly SceneMetrics[], mode: 'mean' | 'median'): Headline {
  const over = (metric: 'aucMicro' | 'aucMacro' | 'ap' | 'eer' | 'f1'): number =>
    aggregateScenes(perScene.map((scene) => ({ scene: scene.scene, value: scene[metric] })), mode, metric);
  return { aucMicro: over('aucMicro'), aucMacro: over('aucMacro'), ap: over('ap'), eer: over('eer'), f1: over('f1'), threshold: null };
}

function videoMetrics(series: VideoSeries): VideoMetrics {
  let anomalousFrames = 0;
  for (const label of series.labels) anomalousFrames += label;
  const { auc, padded } = videoAuc(series.scores, series.labels);
  return { video: series.video, scene: series.scene, frames: series.labels.length, anomalousFrames, unscored: series.unscored, auc, padded };
}

/**
 * Groups, validates and post-processes rows into per-video series (the input of the bootstrap and of
 * {@link microAuc}/{@link macroAuc}), exactly as `evaluate` does.
 *
 * @example
 * postprocessScores(rows, { smoothing: { type: 'median', window: 17 } }).length; // => number of videos
 */
export function postprocessScores(rows: readonly ScoreRow[], protocolInput: EvaluationProtocolInput = {}): VideoSeries[] {
  const protocol: EvaluationProtocol = parseEvaluationProtocol(protocolInput, 'postprocessScores(protocol)');
  return postprocess(groupRows(rows, 'postprocessScores(rows)'), protocol);
}
