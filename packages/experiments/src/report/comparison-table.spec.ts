import { describe, expect, it } from 'vitest';
import { delongTest, evaluate, type ScoreRow } from '@vad/metrics';
import type { TrialConfig } from '../config/experiment-config';
import type { TrialMetrics } from '../runner/run-trial';
import type { TrialRecord } from './collect';
import { comparisonTable } from './comparison-table';
import { kindTableMarkdown, tableCsv, tableMarkdown, tableText } from './render-table';

const labels = [0, 0, 0, 1, 1, 0, 1, 0];
const card = { scorer: 'patch-max', patchSize: 16, psnrPeak: null, normalization: 'none', smoothing: { type: 'median', window: 17 }, edgePolicy: 'drop', auc: 'micro', aggregation: 'pooled', frames: { total: 8, scored: 8, anomalous: 3 }, videos: 1, scenes: 1, paddedVideos: 0 };

function trial(label: string, seed: number, auc: number, scores: number[], extra: { dataset?: string; sigma?: number | null; bootstrap?: [number, number] } = {}): TrialRecord {
  const rows: ScoreRow[] = scores.map((score, frame) => ({ video: 'v1', frame, score, label: labels[frame] ?? 0 }));
  const metrics = {
    trial: { id: `${label}-h-seed${seed}`, group: `${label}-h`, label, seed, assignment: {} },
    dataset: { name: extra.dataset ?? 'synthetic', partial: false, trainVideos: 1, testVideos: 1, notes: [] },
    evaluation: { aucMicro: auc, aucMacro: auc - 0.05, ap: 0, eer: 0, f1: 0, threshold: 0, frames: 8, anomalousFrames: 3, videos: 1, card, perVideo: [], perScene: [] },
    bootstrap: { micro: extra.bootstrap ? { estimate: auc, lower: extra.bootstrap[0], upper: extra.bootstrap[1], level: 0.95, unit: 'video', resamples: 100, skipped: 0, standardError: 0.01 } : null, macro: null },
    training: { steps: 10, finalSigma: extra.sigma === undefined ? 0.4 : extra.sigma, finalLogit: null },
  } as unknown as TrialMetrics;
  const timings = { trainSeconds: 10 + seed, evalSeconds: 1, sessionSeconds: 12, resumedFrom: 0 };
  const config = { evaluation: { scorer: 'patch-max', patchSize: 16, psnrPeak: 1, normalization: 'none', smoothing: { type: 'none' }, edgePolicy: 'drop', auc: 'micro', aggregation: 'pooled', batchSize: 8, maxVideos: null } } as unknown as TrialConfig;
  return { dir: `/x/${label}-${seed}`, config, metrics, timings, steps: () => [], scores: () => rows };
}

const scoresA = [0.1, 0.2, 0.3, 0.8, 0.7, 0.2, 0.9, 0.1];
const scoresB = [0.3, 0.1, 0.6, 0.5, 0.4, 0.2, 0.7, 0.5];

describe('comparisonTable', () => {
  const trials = [trial('learned', 1, 0.9, scoresA), trial('learned', 0, 0.8, scoresA), trial('none', 0, 0.7, scoresB, { sigma: null, bootstrap: [0.6, 0.75] })];

  it('groups seeds, summarises them and tests each group against the baseline', () => {
    const table = comparisonTable(trials, { baseline: 'none', published: true, level: 0.95 });
    expect(table.baseline).toBe('none');
    const [learned, none] = table.rows;
    expect(learned).toMatchObject({ label: 'learned', seeds: [0, 1], finalSigma: 0.4, trainSeconds: 10.5 });
    expect(learned?.aucMicro.mean).toBeCloseTo(0.85, 12);
    expect(learned?.aucMicro.std).toBeCloseTo(Math.SQRT1_2 / 10, 12); // sample std of [0.8, 0.9]
    // Student-t with 1 degree of freedom: t(0.975, 1) = 12.7062, half-width = 12.7062 · 0.070711 / √2 = 0.63531
    expect(learned?.aucMicro.lower).toBeCloseTo(0.85 - 0.63531, 4);
    expect(learned?.aucMicro.upper).toBe(1); // 0.85 + 0.63531 clamped to the AUC range
    expect(learned?.aucMicro.interval).toBe('seeds');
    expect(learned?.pValue).toBe(delongTest(scoresA, scoresB, labels).pValue); // seed 0 of each group
    expect(none).toMatchObject({ label: 'none', pValue: null, finalSigma: null, aucMicro: { mean: 0.7, std: null, lower: 0.6, upper: 0.75, interval: 'bootstrap' } });
    expect(table.rows).toHaveLength(2); // no published rows for synthetic data
  });

  it('adds the median over groups and published rows for a known dataset', () => {
    const ped2 = trials.map((t) => ({ ...t, metrics: { ...t.metrics, dataset: { ...t.metrics.dataset, name: 'ped2' } } }));
    const table = comparisonTable(ped2, { baseline: null, published: true, level: 0.95, summary: 'median' });
    expect(table.baseline).toBe('learned'); // first group when none is named
    expect(table.rows[2]).toMatchObject({ label: 'median of 2 groups', aucMicro: { mean: 0.775 } });
    expect(table.rows.slice(3).map((r) => [r.label, Math.round(r.aucMicro.mean * 1e4) / 1e4])).toEqual([
      ['C3DSU + DDL (paper)', 0.9846],
      ['C3DSU without DDL (paper ablation)', 0.9555],
      ['C3DSU + SDL σ=0.5 (paper ablation)', 0.9712],
      ['LNTRA patch', 0.9477],
      ['LNTRA skip-frame', 0.965],
      ['STEAL', 0.984],
    ]);
  });

  it('renders Markdown, CSV and terminal text', () => {
    const table = comparisonTable(trials, { baseline: 'none', published: false, level: 0.95 });
    const markdown = tableMarkdown(table).split('\n');
    expect(markdown[0]).toBe('| trial group | seeds | AUC micro % | CI micro | AUC macro % | DeLong p | final σ | train s | protocol |');
    expect(markdown[2]).toMatch(/^\| learned \| 2 \| 85\.00 ± 7\.07 \| \[21\.47, 100\.00\] \(seeds\) \| 80\.00 ± 7\.07 \| 0\.\d{4} \| 0\.400 \| 10\.5 \| patch-max 16, median 17, norm none, edge drop, pooled \|$/);
    expect(markdown[3]).toBe('| none (baseline) | 1 | 70.00 | [60.00, 75.00] | 65.00 | – | – | 10.0 | patch-max 16, median 17, norm none, edge drop, pooled |');
    expect(tableCsv(table).split('\n')[2]).toBe('ours,none,none-h,0,0.7,,0.6,0.75,bootstrap,0.6499999999999999,,,,10,"patch-max 16, median 17, norm none, edge drop, pooled",this run');
    expect(tableText(table).split('\n')[0]).toMatch(/^trial group\s+seeds\s+AUC micro %\s+CI micro\s+AUC macro %\s+DeLong p\s+final σ\s+train s$/);
  });
});

describe('per-kind columns', () => {
  // frames 3, 4 are 'cart', frame 6 'run'; normal frames 0, 1, 2, 5, 7
  const kinds = [[], [], [], ['cart'], ['cart'], [], ['run'], []];
  function withKinds(record: TrialRecord, scores: number[]): TrialRecord {
    const rows: ScoreRow[] = scores.map((score, frame) => ({ video: 'v1', frame, score, label: labels[frame] ?? 0, kinds: kinds[frame] ?? [] }));
    const perKind = evaluate(rows).perKind;
    return { ...record, metrics: { ...record.metrics, evaluation: { ...record.metrics.evaluation, perKind } }, scores: () => rows };
  }
  const trials = [withKinds(trial('learned', 0, 0.8, scoresA), scoresA), withKinds(trial('learned', 1, 0.9, scoresB), scoresB), withKinds(trial('none', 0, 0.7, scoresB), scoresB)];

  it('gives each group the mean, std and seed-matched DeLong p of every kind', () => {
    const table = comparisonTable(trials, { baseline: 'none', published: false, level: 0.95 });
    expect(table.kinds).toEqual(['cart', 'run']);
    const [learned, none] = table.rows;
    // cart vs the 5 normal frames: A {0.8, 0.7} beat all → 1; B {0.5, 0.4} beat {0.3, 0.1, 0.2} and tie/lose to 0.5 → (3 + 0.5 + 3) / 10 = 0.65
    expect(learned?.perKind[0]).toMatchObject({ kind: 'cart', mean: (1 + 0.65) / 2, frames: 2, segments: 1 });
    expect(learned?.perKind[0]?.std).toBeCloseTo(Math.SQRT2 * 0.175, 12);
    const cartFrames = [0, 1, 2, 3, 4, 5, 7];
    const pick = (s: number[]): number[] => cartFrames.map((f) => s[f]!);
    expect(learned?.perKind[0]?.pValue).toBe(delongTest(pick(scoresA), pick(scoresB), cartFrames.map((f) => labels[f]!)).pValue);
    expect(none?.perKind.map((k) => [k.kind, k.mean, k.pValue])).toEqual([['cart', 0.65, null], ['run', 1, null]]);
  });

  it('renders the per-kind table and CSV columns', () => {
    const table = comparisonTable(trials, { baseline: 'none', published: false, level: 0.95 });
    const lines = kindTableMarkdown(table).split('\n');
    expect(lines[0]).toBe('| trial group | cart % (1 ev, 2 fr) | run % (1 ev, 1 fr) |');
    expect(lines[2]).toBe('| learned | 82.50 ± 24.75 (p 0.1175) | 100.00 ± 0.00 |'); // run: both AUCs 1, DeLong undefined
    expect(lines[3]).toBe('| none (baseline) | 65.00 | 100.00 |');
    expect(tableCsv(table).split('\n')[0]).toMatch(/,source,auc:cart,auc:cart:std,p:cart,auc:run,auc:run:std,p:run$/);
    expect(tableText(table)).toContain('AUC % per anomaly kind (its frames vs all normal frames):\ntrial group');
    expect(kindTableMarkdown(comparisonTable(trials.map((t) => ({ ...t, metrics: { ...t.metrics, evaluation: { ...t.metrics.evaluation, perKind: [] } } })), { baseline: 'none', published: false, level: 0.95 }))).toBe('');
  });
});
