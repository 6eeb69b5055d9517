import { medianSmooth, gaussianSmooth } from './smooth';
import { minMaxScale, runningMinMax, scoreRange } from './normalize';
import type { EvaluationProtocol, Smoothing } from './protocol';
import type { VideoRows, VideoSeries } from './score-rows';

/**
 * Turns grouped rows into per-video score series: unscored frames (score null) are left out, then
 * the protocol's normalisation, then its smoothing, each over the video's scored frames in frame
 * order (gaps in the frame numbers are not filled). Videos without a scored frame are dropped.
 *
 * @example
 * postprocess(groupRows(rows), parseEvaluationProtocol({ normalization: 'per-video-minmax' }));
 */
export function postprocess(videos: readonly VideoRows[], protocol: Pick<EvaluationProtocol, 'normalization' | 'smoothing'>): VideoSeries[] {
  const raw = videos.map((video) => {
    let n = 0;
    for (const row of video.rows) n += row.score === null ? 0 : 1;
    const frames = new Int32Array(n);
    const scores = new Float64Array(n);
    const labels = new Uint8Array(n);
    let k = 0;
    for (const row of video.rows) {
      if (row.score === null) continue;
      frames[k] = row.frame;
      scores[k] = row.score;
      labels[k++] = row.label;
    }
    return { video: video.video, scene: video.scene, frames, scores, labels, unscored: video.rows.length - n };
  });
  const kept = raw.filter((series) => series.scores.length > 0);
  let global = { min: Infinity, max: -Infinity };
  for (const series of kept) {
    const range = scoreRange(series.scores);
    global = { min: Math.min(global.min, range.min), max: Math.max(global.max, range.max) };
  }
  return kept.map((series) => {
    const normalized = normalize(series.scores, protocol.normalization, global);
    return { ...series, scores: smooth(normalized, protocol.smoothing) };
  });
}

function normalize(scores: Float64Array, mode: EvaluationProtocol['normalization'], global: { min: number; max: number }): Float64Array {
  switch (mode) {
    case 'none':
      return scores;
    case 'per-video-minmax': {
      const { min, max } = scoreRange(scores);
      return minMaxScale(scores, min, max);
    }
    case 'global-minmax':
      return minMaxScale(scores, global.min, global.max);
    case 'running':
      return runningMinMax(scores);
  }
}

function smooth(scores: Float64Array, smoothing: Smoothing): Float64Array {
  switch (smoothing.type) {
    case 'none':
      return scores;
    case 'median':
      return medianSmooth(scores, smoothing.window);
    case 'gaussian':
      return gaussianSmooth(scores, smoothing.sigma);
  }
}
