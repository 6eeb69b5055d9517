import { delongTest, isMetricsError, kindsLookup, pooledFrames, postprocessScores, type EvaluationProtocolInput, type KindAuc } from '@vad/metrics';
import type { TrialRecord } from './collect';

/** One anomaly kind's AUC over a group's seeds, and its DeLong p-value against the baseline (seed-matched). */
export interface KindStat {
  readonly kind: string;
  readonly mean: number;
  readonly std: number | null;
  /** Frames and events of the kind in the (first seed's) test set. */
  readonly frames: number;
  readonly segments: number;
  readonly pValue: number | null;
}

function protocolOf(trial: TrialRecord): EvaluationProtocolInput {
  const { batchSize: _b, maxVideos: _m, ...protocol } = trial.config.evaluation;
  return protocol;
}

/** The kinds of a trial's metrics.json (absent in files written before per-kind AUCs existed). */
export function trialKinds(trial: TrialRecord): readonly KindAuc[] {
  return trial.metrics.evaluation.perKind ?? [];
}

/**
 * DeLong p-value between two trials on one kind's frames against all normal frames; null when the
 * trials were scored on different frames or the test is undefined.
 */
export function kindPValue(a: TrialRecord, b: TrialRecord, kind: string): number | null {
  const pick = (trial: TrialRecord): { scores: number[]; labels: number[] } => {
    const rows = trial.scores();
    const kindsOf = kindsLookup(rows);
    const out = { scores: [] as number[], labels: [] as number[] };
    for (const series of postprocessScores(rows, protocolOf(trial))) {
      const { scores, labels } = pooledFrames([series]);
      scores.forEach((score, i) => {
        if (labels[i] === 1 && !kindsOf(series.video, series.frames[i] as number).includes(kind)) return;
        out.scores.push(score);
        out.labels.push(labels[i] as number);
      });
    }
    return out;
  };
  const pa = pick(a);
  const pb = pick(b);
  if (pa.labels.length !== pb.labels.length || pa.labels.some((label, i) => label !== pb.labels[i])) return null;
  try {
    return delongTest(pa.scores, pb.scores, pa.labels).pValue;
  } catch (error) {
    if (isMetricsError(error)) return null;
    throw error;
  }
}

/**
 * Per-kind AUC of a group (its trials differ only by seed): mean and sample std over seeds, and the
 * DeLong p-value of `partner` (a trial of the group) against `baseline` on that kind's frames.
 *
 * @example
 * kindStats([seed0, seed1], { partner: seed0, baseline: none0 })[0];
 * // => { kind: 'running', mean: 0.71, std: 0.012, frames: 212, segments: 6, pValue: 0.004 }
 */
export function kindStats(group: readonly TrialRecord[], pair?: { partner: TrialRecord; baseline: TrialRecord }): KindStat[] {
  const first = group[0];
  if (first === undefined) return [];
  return trialKinds(first).map(({ kind, frames, segments }) => {
    const values = group.map((t) => trialKinds(t).find((k) => k.kind === kind)?.auc).filter((v): v is number => v !== undefined);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const std = values.length < 2 ? null : Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1));
    return { kind, mean, std, frames, segments, pValue: pair === undefined ? null : kindPValue(pair.partner, pair.baseline, kind) };
  });
}
