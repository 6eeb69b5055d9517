import type { TrialRecord } from './collect';
import { comparisonTable, pairedPValue, type ComparisonTable } from './comparison-table';

/** One measured property of the benchmark and whether it meets its target. */
export interface CheckLine {
  readonly property: string;
  readonly measured: string;
  readonly target: string;
  readonly pass: boolean | null; // null: not measurable with the trials present
}

/** A seed-matched comparison of a control group against the plain autoencoder. */
export interface ControlPair {
  readonly seed: number;
  readonly auc: number;
  readonly plain: number;
  readonly pValue: number | null;
}

/** What the benchmark check measured (fractions in [0, 1]), the verdicts and the comparison table. */
export interface BenchmarkCheck {
  readonly dataset: string | null;
  readonly plain: { readonly seeds: readonly number[]; readonly aucs: readonly number[]; readonly std: number | null; readonly halfWidths: readonly number[] };
  readonly positive: readonly ControlPair[];
  readonly negative: readonly ControlPair[];
  readonly lines: readonly CheckLine[];
  readonly table: ComparisonTable;
}

type Role = 'plain' | 'negative' | 'positive' | 'other';

/** The role of a trial in the check, from its resolved config. */
export function trialRole(trial: TrialRecord): Role {
  const { schedule, simulator } = trial.config;
  if (simulator.type.includes('oracle-paste')) return 'positive';
  if (schedule.type === 'none') return 'plain';
  if (schedule.type === 'static' && schedule['sigma'] === 0) return 'negative';
  return 'other';
}

const pt = (x: number): string => (100 * x).toFixed(2);
const pText = (p: number | null): string => (p === null ? '–' : p < 1e-4 ? p.toExponential(1) : p.toFixed(4));

function pairs(control: readonly TrialRecord[], plain: readonly TrialRecord[]): ControlPair[] {
  return control.flatMap((trial) => {
    const partner = plain.find((p) => p.metrics.trial.seed === trial.metrics.trial.seed);
    if (partner === undefined) return [];
    return [{ seed: trial.metrics.trial.seed, auc: trial.metrics.evaluation.aucMicro, plain: partner.metrics.evaluation.aucMicro, pValue: pairedPValue(trial, partner) }];
  });
}

function describePairs(list: readonly ControlPair[]): string {
  return list.map((p) => `seed ${p.seed}: ${p.auc >= p.plain ? '+' : ''}${pt(p.auc - p.plain)} pt, p ${pText(p.pValue)}`).join('; ');
}

/**
 * Measures the instrument from the finished trials of the benchmark check (configs/benchmark-check*.yaml):
 * noise floor (seed-to-seed std of the plain autoencoder's micro AUC ≤ 1 point, its bootstrap 95 %
 * half-width ≤ 3 points), headroom (plain AUC in [60, 90] %), the positive control (oracle paste with
 * the reconstruct-normal loss above the plain AE, DeLong p < 0.01 for every matched seed) and the
 * negative control (σ = 0 within 1 point of the plain AE, DeLong p ≥ 0.05); plus the comparison
 * table of every group against the plain AE.
 *
 * @example
 * benchmarkCheck(collectTrials(dir).trials).lines.map((l) => l.pass); // => [true, true, true, true, true]
 */
export function benchmarkCheck(trials: readonly TrialRecord[]): BenchmarkCheck {
  const by = (role: Role): TrialRecord[] => trials.filter((t) => trialRole(t) === role).sort((a, b) => a.metrics.trial.seed - b.metrics.trial.seed);
  const plain = by('plain');
  const aucs = plain.map((t) => t.metrics.evaluation.aucMicro);
  const mean = aucs.length === 0 ? null : aucs.reduce((a, b) => a + b, 0) / aucs.length;
  const std = mean === null || aucs.length < 2 ? null : Math.sqrt(aucs.reduce((s, a) => s + (a - mean) ** 2, 0) / (aucs.length - 1));
  const halfWidths = plain.flatMap((t) => {
    const boot = t.metrics.bootstrap.micro;
    return boot === null ? [] : [(boot.upper - boot.lower) / 2];
  });
  const positive = pairs(by('positive'), plain);
  const negative = pairs(by('negative'), plain);
  const worst = halfWidths.length === 0 ? null : Math.max(...halfWidths);
  const lines: CheckLine[] = [
    { property: 'noise floor: seed-to-seed std of micro AUC', measured: std === null ? '–' : `${pt(std)} pt over ${aucs.length} seeds`, target: '≤ 1 pt', pass: std === null ? null : std <= 0.01 },
    { property: 'noise floor: bootstrap 95 % half-width', measured: worst === null ? '–' : `${halfWidths.map(pt).join(', ')} pt`, target: '≤ 3 pt', pass: worst === null ? null : worst <= 0.03 },
    { property: 'headroom: plain autoencoder micro AUC', measured: mean === null ? '–' : `${pt(mean)} %`, target: '60–90 %', pass: mean === null ? null : mean >= 0.6 && mean <= 0.9 },
    {
      property: 'positive control: oracle paste + reconstruct-normal vs plain',
      measured: positive.length === 0 ? '–' : describePairs(positive),
      target: 'higher, DeLong p < 0.01',
      pass: positive.length === 0 ? null : positive.every((p) => p.auc > p.plain && p.pValue !== null && p.pValue < 0.01),
    },
    {
      property: 'negative control: σ = 0 vs plain',
      measured: negative.length === 0 ? '–' : describePairs(negative),
      target: 'within 1 pt, DeLong p ≥ 0.05',
      pass: negative.length === 0 ? null : negative.every((p) => Math.abs(p.auc - p.plain) <= 0.01 && (p.pValue === null || p.pValue >= 0.05)),
    },
  ];
  const baseline = plain[0]?.metrics.trial.label ?? null;
  const table = comparisonTable(trials, { baseline, published: false, level: plain[0]?.config.report.confidence ?? 0.95 });
  return { dataset: trials[0]?.metrics.dataset.name ?? null, plain: { seeds: plain.map((t) => t.metrics.trial.seed), aucs, std, halfWidths }, positive, negative, lines, table };
}

/**
 * The check's verdict lines as a Markdown table.
 *
 * @example
 * checkMarkdown(check).split('\n')[0]; // => '| property | measured | target | verdict |'
 */
export function checkMarkdown(check: BenchmarkCheck): string {
  const verdict = (pass: boolean | null): string => (pass === null ? 'not measured' : pass ? 'pass' : 'FAIL');
  const rows = check.lines.map((l) => `| ${l.property} | ${l.measured} | ${l.target} | ${verdict(l.pass)} |`);
  return `${['| property | measured | target | verdict |', '|---|---|---|---|', ...rows].join('\n')}\n`;
}
