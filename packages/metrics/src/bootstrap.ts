import { MetricsError, isMetricsError } from './metrics-error';
import type { VideoSeries } from './score-rows';

/** Options of {@link bootstrapCi}. */
export interface BootstrapOptions {
  /** Resample whole videos (keeps temporal correlation; the usual choice) or pooled frames i.i.d. */
  readonly unit: 'video' | 'frame';
  /** A seeded uniform source in [0, 1) — pass `() => rng.next()` from a forked core Rng. */
  readonly random: () => number;
  readonly resamples?: number; // default 1000
  readonly level?: number; // default 0.95
}

/** A percentile bootstrap interval. */
export interface BootstrapResult {
  /** The statistic on the original videos. */
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
  readonly level: number;
  readonly unit: 'video' | 'frame';
  /** Resamples drawn, and those skipped because the statistic was undefined on them (one class only). */
  readonly resamples: number;
  readonly skipped: number;
  /** Standard deviation of the statistic over the used resamples. */
  readonly standardError: number;
}

/**
 * Percentile bootstrap confidence interval of any statistic of the post-processed videos, e.g.
 * `bootstrapCi(videos, microAuc, { unit: 'video', random })`. Video resampling draws as many videos
 * as there are, with replacement (a video drawn twice counts twice, also in the macro AUC); frame
 * resampling draws as many frames as there are from all videos pooled and regroups them by video.
 * Resamples on which the statistic throws a MetricsError (one class only) are skipped and counted.
 * Bounds are the (1 ∓ level)/2 quantiles of the resampled values, linearly interpolated (numpy default).
 *
 * @example
 * bootstrapCi(videos, microAuc, { unit: 'video', random: () => rng.next(), resamples: 1000 });
 * // => { estimate: 0.91, lower: 0.86, upper: 0.95, level: 0.95, … }
 * @throws MetricsError when options are out of range or every resample is degenerate.
 */
export function bootstrapCi(
  videos: readonly VideoSeries[],
  statistic: (videos: readonly VideoSeries[]) => number,
  options: BootstrapOptions,
): BootstrapResult {
  const resamples = options.resamples ?? 1000;
  const level = options.level ?? 0.95;
  if (!Number.isInteger(resamples) || resamples < 1) throw new MetricsError(`bootstrapCi(resamples) must be a positive integer, but got ${resamples}`);
  if (!(level > 0 && level < 1)) throw new MetricsError(`bootstrapCi(level) must be in (0, 1), but got ${level}`);
  if (videos.length === 0) throw new MetricsError('bootstrapCi(videos) must hold at least one video, but got 0');
  const estimate = statistic(videos);
  const draw = (n: number): number => Math.min(n - 1, Math.floor(options.random() * n));
  const values: number[] = [];
  for (let r = 0; r < resamples; r++) {
    const sample = options.unit === 'video' ? videos.map(() => videos[draw(videos.length)] as VideoSeries) : resampleFrames(videos, draw);
    try {
      values.push(statistic(sample));
    } catch (error) {
      if (!isMetricsError(error)) throw error;
    }
  }
  if (values.length === 0) throw new MetricsError(`bootstrapCi: the statistic must be defined on some resample, but all ${resamples} were degenerate`);
  values.sort((a, b) => a - b);
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / Math.max(1, values.length - 1);
  return {
    estimate,
    lower: quantile(values, (1 - level) / 2),
    upper: quantile(values, (1 + level) / 2),
    level,
    unit: options.unit,
    resamples,
    skipped: resamples - values.length,
    standardError: Math.sqrt(variance),
  };
}

/**
 * Quantile of sorted values with linear interpolation between order statistics (numpy's default, R type 7).
 *
 * @example
 * quantile([1, 2, 3, 4], 0.5); // => 2.5
 */
export function quantile(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const below = sorted[lo] as number;
  return lo + 1 < sorted.length ? below + (h - lo) * ((sorted[lo + 1] as number) - below) : below;
}

function resampleFrames(videos: readonly VideoSeries[], draw: (n: number) => number): VideoSeries[] {
  const owner: number[] = [];
  const position: number[] = [];
  videos.forEach((series, v) => series.scores.forEach((_, i) => (owner.push(v), position.push(i))));
  const picked = videos.map(() => [] as number[]);
  for (let k = 0; k < owner.length; k++) {
    const f = draw(owner.length);
    picked[owner[f] as number]?.push(position[f] as number);
  }
  return videos.flatMap((series, v) => {
    const at = picked[v] ?? [];
    if (at.length === 0) return [];
    return [{
      ...series,
      frames: Int32Array.from(at, (i) => series.frames[i] as number),
      scores: Float64Array.from(at, (i) => series.scores[i] as number),
      labels: Uint8Array.from(at, (i) => series.labels[i] as number),
    }];
  });
}
