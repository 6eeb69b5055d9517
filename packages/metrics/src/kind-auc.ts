import { MetricsError } from './metrics-error';
import { rocAuc } from './roc-auc';
import type { ScoreRow, VideoSeries } from './score-rows';

/** The frame AUC of one anomaly kind. */
export interface KindAuc {
  readonly kind: string;
  /** Scored frames showing this kind (the positives). */
  readonly frames: number;
  /** Runs of consecutive such frames within a video (≈ events). */
  readonly segments: number;
  /** Scored normal frames (the negatives, the same for every kind). */
  readonly normalFrames: number;
  /** ROC AUC of this kind's frames against every normal frame (frames of other kinds left out). */
  readonly auc: number;
}

/**
 * Per-kind frame AUC over post-processed series: for each kind, the scored frames whose kinds include
 * it against all scored normal frames (label 0), pooled over videos — so a detector's strength on
 * "running" is not hidden by its strength on "vehicle". A frame with two kinds counts for both. Kinds
 * come from `kindsOf(video, frame)`; they are listed in alphabetical order.
 *
 * @example
 * // one video: frames 0–1 normal (0.1, 0.2), frame 2 'run' (0.15), frame 3 'cart' (0.9)
 * kindAucs(series, kindsOf); // => [{ kind: 'cart', frames: 1, segments: 1, normalFrames: 2, auc: 1 },
 *                            //     { kind: 'run', frames: 1, segments: 1, normalFrames: 2, auc: 0.5 }]
 * @throws MetricsError when there is no scored normal frame, or a frame carries kinds but label 0.
 */
export function kindAucs(series: readonly VideoSeries[], kindsOf: (video: string, frame: number) => readonly string[]): KindAuc[] {
  const negatives: number[] = [];
  const positives = new Map<string, { scores: number[]; segments: number }>();
  for (const s of series) {
    const last = new Map<string, number>(); // kind → frame of its previous positive in this video
    for (let i = 0; i < s.scores.length; i++) {
      const frame = s.frames[i] as number;
      const score = s.scores[i] as number;
      const kinds = kindsOf(s.video, frame);
      if (s.labels[i] === 0) {
        if (kinds.length > 0) throw new MetricsError(`kindAucs: kinds must be empty on a normal frame, but got ${kinds.join(', ')} on video "${s.video}" frame ${frame}`);
        negatives.push(score);
        continue;
      }
      for (const kind of new Set(kinds)) {
        const entry = positives.get(kind) ?? { scores: [], segments: 0 };
        if (last.get(kind) !== frame - 1) entry.segments++;
        last.set(kind, frame);
        entry.scores.push(score);
        positives.set(kind, entry);
      }
    }
  }
  if (negatives.length === 0 && positives.size > 0) throw new MetricsError('kindAucs(series) must hold at least one scored normal frame, but got none');
  return [...positives.keys()].sort().map((kind) => {
    const { scores, segments } = positives.get(kind) as { scores: number[]; segments: number };
    const labels = [...new Array<number>(negatives.length).fill(0), ...new Array<number>(scores.length).fill(1)];
    return { kind, frames: scores.length, segments, normalFrames: negatives.length, auc: rocAuc([...negatives, ...scores], labels) };
  });
}

/**
 * A `kindsOf` lookup over score rows that carry `kinds` (absent = none).
 *
 * @example
 * kindsLookup([{ video: 'a', frame: 3, score: 1, label: 1, kinds: ['run'] }])('a', 3); // => ['run']
 */
export function kindsLookup(rows: readonly ScoreRow[]): (video: string, frame: number) => readonly string[] {
  const byVideo = new Map<string, Map<number, readonly string[]>>();
  for (const row of rows) {
    if (row.kinds === undefined || row.kinds.length === 0) continue;
    const frames = byVideo.get(row.video) ?? new Map<number, readonly string[]>();
    frames.set(row.frame, row.kinds);
    byVideo.set(row.video, frames);
  }
  return (video, frame) => byVideo.get(video)?.get(frame) ?? [];
}
