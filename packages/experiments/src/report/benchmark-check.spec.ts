import { describe, expect, it } from 'vitest';
import { delongTest, type ScoreRow } from '@vad/metrics';
import type { TrialConfig } from '../config/experiment-config';
import type { TrialMetrics } from '../runner/run-trial';
import { benchmarkCheck, checkMarkdown, trialRole } from './benchmark-check';
import type { TrialRecord } from './collect';

const labels = [0, 0, 0, 1, 1, 0, 1, 0, 1, 0];
const evaluation = { scorer: 'patch-max', patchSize: 8, psnrPeak: 1, normalization: 'none', smoothing: { type: 'none' }, edgePolicy: 'drop', auc: 'micro', aggregation: 'pooled', batchSize: 8, maxVideos: null };
const card = { ...evaluation, frames: { total: 10, scored: 10, anomalous: 4 }, videos: 1, scenes: 1, paddedVideos: 0 };

function record(schedule: Record<string, unknown>, seed: number, auc: number, scores: number[], half = 0.02, simulator = 'weighted-noise'): TrialRecord {
  const label = `${String(schedule['type'])}${String(schedule['sigma'] ?? '')}${simulator === 'weighted-noise' ? '' : '-oracle'}`;
  const rows: ScoreRow[] = scores.map((score, frame) => ({ video: 'v', frame, score, label: labels[frame] ?? 0 }));
  const metrics = {
    trial: { id: `${label}-seed${seed}`, group: label, label, seed, assignment: {} },
    dataset: { name: 'synthetic-v2', partial: false, trainVideos: 1, testVideos: 1, notes: [] },
    evaluation: { aucMicro: auc, aucMacro: auc, ap: 0, eer: 0, f1: 0, threshold: 0, frames: 10, anomalousFrames: 4, videos: 1, card, perVideo: [], perScene: [], perKind: [] },
    bootstrap: { micro: { estimate: auc, lower: auc - half, upper: auc + half, level: 0.95, unit: 'video', resamples: 100, skipped: 0, standardError: half / 2 }, macro: null },
    training: { steps: 1, finalSigma: null, finalLogit: null },
  } as unknown as TrialMetrics;
  const config = { schedule, simulator: { type: simulator }, evaluation, report: { confidence: 0.95 } } as unknown as TrialConfig;
  return { dir: `/x/${label}-${seed}`, config, metrics, timings: undefined, steps: () => [], scores: () => rows };
}

const weak = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.35, 0.15, 0.55, 0.45];
const strong = [0.1, 0.2, 0.3, 0.9, 0.8, 0.25, 0.7, 0.15, 0.95, 0.05];

describe('benchmarkCheck', () => {
  it('recognises each trial\'s role from its config', () => {
    expect(trialRole(record({ type: 'none' }, 0, 0.7, weak))).toBe('plain');
    expect(trialRole(record({ type: 'static', sigma: 0 }, 0, 0.7, weak))).toBe('negative');
    expect(trialRole(record({ type: 'static', sigma: 1 }, 0, 0.7, weak, 0.02, '../x/oracle-paste.ts'))).toBe('positive');
    expect(trialRole(record({ type: 'learned' }, 0, 0.7, weak))).toBe('other');
  });

  it('measures the noise floor, headroom and both controls against their targets', () => {
    const trials = [
      record({ type: 'none' }, 0, 0.7, weak, 0.025),
      record({ type: 'none' }, 1, 0.71, weak, 0.02),
      record({ type: 'static', sigma: 0 }, 0, 0.7, weak),
      record({ type: 'static', sigma: 1 }, 0, 0.9, strong, 0.02, './oracle-paste.ts'),
    ];
    const check = benchmarkCheck(trials);
    expect(check.plain.std).toBeCloseTo(0.01 / Math.SQRT2, 12);
    expect(check.plain.halfWidths.map((h) => Math.round(h * 1e6) / 1e6)).toEqual([0.025, 0.02]);
    expect(check.positive).toEqual([{ seed: 0, auc: 0.9, plain: 0.7, pValue: delongTest(strong, weak, labels).pValue }]);
    expect(check.negative).toEqual([{ seed: 0, auc: 0.7, plain: 0.7, pValue: 1 }]); // identical scores
    expect(check.lines.map((l) => l.pass)).toEqual([true, true, true, delongTest(strong, weak, labels).pValue < 0.01, true]);
    expect(check.table.baseline).toBe('none');
    expect(checkMarkdown(check).split('\n')[4]).toBe('| headroom: plain autoencoder micro AUC | 70.50 % | 60–90 % | pass |');
  });

  it('fails what misses its target and leaves unmeasured properties open', () => {
    const check = benchmarkCheck([record({ type: 'none' }, 0, 0.95, weak, 0.05)]);
    expect(check.lines.map((l) => l.pass)).toEqual([null, false, false, null, null]);
    expect(checkMarkdown(check)).toContain('| noise floor: seed-to-seed std of micro AUC | – | ≤ 1 pt | not measured |');
  });
});
