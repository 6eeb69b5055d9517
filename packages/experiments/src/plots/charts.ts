import type { ChartSpec } from './render-chart';

/** One series of (x, y) points with a name (a trial group, a loss term, …). */
export interface Series {
  readonly name: string;
  readonly points: ReadonlyArray<readonly [number, number]>;
}

function flatten(series: readonly Series[], x: string, y: string): Array<Record<string, number | string>> {
  return series.flatMap((s) => s.points.map(([a, b]) => ({ series: s.name, [x]: a, [y]: b })));
}

/** Downsamples a long series to at most `max` evenly spaced points (keeps first and last). */
export function thin<T>(points: readonly T[], max = 600): T[] {
  if (points.length <= max) return [...points];
  const stride = (points.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => points[Math.round(i * stride)] as T);
}

/**
 * Line chart of several named series (σ over steps, loss curves, …).
 *
 * @example
 * lineChart('σ over training', 'step', 'σ', [{ name: 'learned', points: [[0, 0.5], [1, 0.52]] }]);
 */
export function lineChart(title: string, x: string, y: string, series: readonly Series[], options: { logY?: boolean } = {}): ChartSpec {
  return {
    title,
    width: 420,
    height: 240,
    data: { values: flatten(series.map((s) => ({ ...s, points: thin(s.points) })), x, y) },
    mark: { type: 'line', strokeWidth: 1.5 },
    encoding: {
      x: { field: x, type: 'quantitative' },
      y: { field: y, type: 'quantitative', scale: options.logY === true ? { type: 'log' } : { zero: false } },
      color: { field: 'series', type: 'nominal', title: null, sort: null },
    },
  };
}

/** ROC curves (false-positive rate vs true-positive rate) with the chance diagonal. */
export function rocChart(title: string, series: readonly Series[]): ChartSpec {
  return {
    title,
    width: 320,
    height: 320,
    layer: [
      {
        data: { values: [{ fpr: 0, tpr: 0 }, { fpr: 1, tpr: 1 }] },
        mark: { type: 'line', strokeDash: [4, 4], color: '#999' },
        encoding: { x: { field: 'fpr', type: 'quantitative' }, y: { field: 'tpr', type: 'quantitative' } },
      },
      {
        data: { values: flatten(series.map((s) => ({ ...s, points: thin(s.points) })), 'fpr', 'tpr') },
        mark: { type: 'line', strokeWidth: 1.5, interpolate: 'step-after' },
        encoding: {
          x: { field: 'fpr', type: 'quantitative', title: 'false-positive rate', scale: { domain: [0, 1] } },
          y: { field: 'tpr', type: 'quantitative', title: 'true-positive rate', scale: { domain: [0, 1] } },
          color: { field: 'series', type: 'nominal', title: null, sort: null },
        },
      },
    ],
  };
}

/** Per-frame scores of one video with the anomalous frames shaded (ground truth). */
export function timelineChart(title: string, frames: readonly { frame: number; score: number; label: number }[]): ChartSpec {
  const spans: Array<{ start: number; end: number }> = [];
  for (const row of frames) {
    const last = spans[spans.length - 1];
    if (row.label !== 1) continue;
    if (last !== undefined && last.end === row.frame - 1) last.end = row.frame;
    else spans.push({ start: row.frame, end: row.frame });
  }
  return {
    title,
    width: 480,
    height: 160,
    layer: [
      {
        data: { values: spans.map((s) => ({ start: s.start - 0.5, end: s.end + 0.5 })) },
        mark: { type: 'rect', color: '#f4a6a6', opacity: 0.6 },
        encoding: { x: { field: 'start', type: 'quantitative' }, x2: { field: 'end' } },
      },
      {
        data: { values: frames.map((r) => ({ frame: r.frame, score: r.score })) },
        mark: { type: 'line', strokeWidth: 1.2, color: '#1f5fa8' },
        encoding: {
          x: { field: 'frame', type: 'quantitative', title: 'frame', scale: { nice: false } },
          y: { field: 'score', type: 'quantitative', title: 'anomaly score', scale: { zero: false } },
        },
      },
    ],
  };
}
