import { delongTest, isMetricsError, pooledFrames, postprocessScores, seedSummary, type EvaluationCard, type EvaluationProtocolInput } from '@vad/metrics';
import type { TrialRecord } from './collect';
import { kindStats, type KindStat } from './kind-columns';
import { publishedFor } from './published';

/** A metric over a group's seeds: mean, spread and an interval (bootstrap for one seed, Student-t over seeds otherwise). */
export interface GroupStat {
  readonly mean: number;
  readonly std: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly interval: 'bootstrap' | 'seeds' | null;
}

/** One row of the comparison table: one trial group (trials differing only by seed), or a published number. */
export interface ComparisonRow {
  readonly kind: 'ours' | 'published';
  readonly label: string;
  readonly group: string;
  readonly seeds: readonly number[];
  readonly aucMicro: GroupStat;
  readonly aucMacro: GroupStat | null;
  /** DeLong p-value of the micro AUC against the baseline row (seed-matched); null for the baseline itself or when not comparable. */
  readonly pValue: number | null;
  readonly finalSigma: number | null;
  readonly trainSeconds: number | null;
  readonly protocol: string;
  readonly source: string;
  /** AUC per anomaly kind (each kind's frames against all normal frames); empty without kinds. */
  readonly perKind: readonly KindStat[];
}

/** The table plus which row is the baseline. */
export interface ComparisonTable {
  readonly rows: readonly ComparisonRow[];
  readonly baseline: string | null;
  readonly dataset: string | null;
  /** Anomaly kinds of any row, in order of first appearance (the per-kind columns). */
  readonly kinds: readonly string[];
}

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

function stat(trials: readonly TrialRecord[], key: 'aucMicro' | 'aucMacro', level: number): GroupStat {
  const values = trials.map((t) => t.metrics.evaluation[key]);
  if (values.length === 1) {
    const boot = trials[0]?.metrics.bootstrap[key === 'aucMicro' ? 'micro' : 'macro'] ?? null;
    return { mean: values[0] as number, std: null, lower: boot?.lower ?? null, upper: boot?.upper ?? null, interval: boot === null ? null : 'bootstrap' };
  }
  const summary = seedSummary(values, level);
  const clamp = (x: number | null): number | null => (x === null ? null : Math.min(1, Math.max(0, x))); // an AUC lies in [0, 1]
  return { mean: summary.mean, std: summary.std, lower: clamp(summary.lower), upper: clamp(summary.upper), interval: 'seeds' };
}

/** Short text of an evaluation card: `patch-max 16, median 17, none, edge drop, pooled`. */
export function describeCard(card: EvaluationCard): string {
  const scorer = card.scorer === 'patch-max' ? `patch-max ${card.patchSize}` : card.scorer;
  const smoothing = card.smoothing.type === 'median' ? `median ${card.smoothing.window}` : card.smoothing.type === 'gaussian' ? `gaussian σ=${card.smoothing.sigma}` : 'no smoothing';
  return `${scorer}, ${smoothing}, norm ${card.normalization}, edge ${card.edgePolicy}, ${card.aggregation}${card.resize === undefined ? '' : `, resize ${card.resize}`}`;
}

function protocolOf(trial: TrialRecord): EvaluationProtocolInput {
  const { batchSize: _b, maxVideos: _m, ...protocol } = trial.config.evaluation;
  return protocol;
}

/** DeLong p-value between two trials scored on the same frames; null when the frames differ or the test is undefined. */
export function pairedPValue(a: TrialRecord, b: TrialRecord): number | null {
  const pa = pooledFrames(postprocessScores(a.scores(), protocolOf(a)));
  const pb = pooledFrames(postprocessScores(b.scores(), protocolOf(b)));
  if (pa.labels.length !== pb.labels.length || pa.labels.some((label, i) => label !== pb.labels[i])) return null;
  try {
    return delongTest(pa.scores, pb.scores, pa.labels).pValue;
  } catch (error) {
    if (isMetricsError(error)) return null;
    throw error;
  }
}

function pickBaseline(groups: ReadonlyArray<readonly TrialRecord[]>, wanted: string | null): number {
  if (wanted === null) return 0;
  const index = groups.findIndex((g) => g[0]?.metrics.trial.label === wanted || g[0]?.metrics.trial.group === wanted);
  if (index >= 0) return index;
  const prefix = groups.findIndex((g) => (g[0]?.metrics.trial.label ?? '').startsWith(wanted) || (g[0]?.metrics.trial.group ?? '').startsWith(wanted));
  return Math.max(0, prefix);
}

function centre(values: readonly number[], how: 'mean' | 'median'): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (how === 'mean') return sorted.reduce((a, b) => a + b, 0) / sorted.length;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** The `report.summary` row: mean or median of the groups' mean AUCs (DDL's ShanghaiTech number is the median over per-scene models). */
function summaryRow(rows: readonly ComparisonRow[], how: 'mean' | 'median'): ComparisonRow {
  const micro = centre(rows.map((r) => r.aucMicro.mean), how);
  const macros = rows.map((r) => r.aucMacro?.mean).filter((v): v is number => v !== undefined);
  return {
    kind: 'ours',
    label: `${how} of ${rows.length} groups`,
    group: '',
    seeds: [],
    aucMicro: { mean: micro, std: null, lower: null, upper: null, interval: null },
    aucMacro: macros.length === rows.length ? { mean: centre(macros, how), std: null, lower: null, upper: null, interval: null } : null,
    pValue: null,
    finalSigma: null,
    trainSeconds: rows.reduce((sum, r) => sum + (r.trainSeconds ?? 0), 0),
    protocol: `${how} over the rows above (e.g. one model per scene)`,
    source: 'this run',
    perKind: [],
  };
}

/**
 * Builds the comparison table: trials grouped by `group` (same config but the seed), AUC micro/macro
 * as mean ± std with an interval, the DeLong p-value of each group against the baseline (matched on
 * the lowest common seed), final σ and training time, the AUC per anomaly kind (with its own DeLong
 * p-value); then published numbers for the dataset.
 */
export function comparisonTable(
  trials: readonly TrialRecord[],
  options: { baseline: string | null; published: boolean; level: number; summary?: 'none' | 'mean' | 'median' },
): ComparisonTable {
  const byGroup = new Map<string, TrialRecord[]>();
  for (const trial of trials) byGroup.set(trial.metrics.trial.group, [...(byGroup.get(trial.metrics.trial.group) ?? []), trial]);
  const groups = [...byGroup.values()].map((g) => [...g].sort((a, b) => a.metrics.trial.seed - b.metrics.trial.seed));
  const baselineIndex = pickBaseline(groups, options.baseline);
  const baseline = groups[baselineIndex];
  const rows: ComparisonRow[] = groups.map((group, index) => {
    const first = group[0] as TrialRecord;
    const matched = baseline?.find((b) => group.some((t) => t.metrics.trial.seed === b.metrics.trial.seed));
    const partner = matched === undefined ? undefined : group.find((t) => t.metrics.trial.seed === matched.metrics.trial.seed);
    const paired = index === baselineIndex || matched === undefined || partner === undefined ? undefined : { partner, baseline: matched };
    return {
      kind: 'ours',
      label: first.metrics.trial.label,
      group: first.metrics.trial.group,
      seeds: group.map((t) => t.metrics.trial.seed),
      aucMicro: stat(group, 'aucMicro', options.level),
      aucMacro: stat(group, 'aucMacro', options.level),
      pValue: index === baselineIndex || matched === undefined || partner === undefined ? null : pairedPValue(partner, matched),
      finalSigma: mean(group.map((t) => t.metrics.training.finalSigma).filter((s): s is number => s !== null)),
      trainSeconds: mean(group.flatMap((t) => (t.timings === undefined ? [] : [t.timings.trainSeconds]))),
      protocol: describeCard(first.metrics.evaluation.card),
      source: 'this run',
      perKind: kindStats(group, paired),
    };
  });
  const summary = options.summary ?? 'none';
  if (summary !== 'none' && rows.length > 1) rows.push(summaryRow(rows, summary));
  const dataset = trials[0]?.metrics.dataset.name ?? null;
  const published = options.published && dataset !== null ? publishedFor(dataset) : [];
  for (const p of published) {
    const auc = p.aucMicro / 100;
    rows.push({ kind: 'published', label: p.method, group: '', seeds: [], aucMicro: { mean: auc, std: null, lower: null, upper: null, interval: null }, aucMacro: null, pValue: null, finalSigma: null, trainSeconds: null, protocol: p.protocol, source: p.source, perKind: [] });
  }
  const kinds = [...new Set(rows.flatMap((row) => row.perKind.map((k) => k.kind)))];
  return { rows, baseline: baseline?.[0]?.metrics.trial.label ?? null, dataset, kinds };
}
