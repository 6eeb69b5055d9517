/**
 * Compares live parity runs (tools/parity/reference_run.py vs tools/parity/ours-run.ts) on one dataset:
 * σ and loss trajectories step by step, weights at the snapshot steps, final σ, and the frame AUC of
 * both score files under one protocol (ours: the metrics package; patch-max 16 from both models).
 * Writes OUT/<name>.json, OUT/<name>-sigma.{svg,png} and prints a Markdown summary.
 *
 *   tsx tools/parity/compare.ts --name avenue --data /tmp/parity-data/avenue --ref /tmp/parity-runs/avenue-ref \
 *     --run ours=/tmp/parity-runs/avenue-ours --run before=/tmp/parity-runs/avenue-before [--run torch64=…] --out docs/parity
 */
import { readFileSync, existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { evaluate, type ScoreRow } from '@vad/metrics';
import { writeJsonAtomic } from '../../packages/data/src/io/atomic-write';
import { decodeStateDict } from '../../packages/experiments/src/io/torch-state-dict';
import { lineChart } from '../../packages/experiments/src/plots/charts';
import { writeChart } from '../../packages/experiments/src/plots/render-chart';

interface Step {
  readonly step: number;
  readonly sigma?: number | null;
  readonly loss?: number | null;
  readonly lRecon?: number | null;
  readonly lDist?: number | null;
  readonly skipped: boolean;
}

const { values: a } = parseArgs({ options: { name: { type: 'string' }, data: { type: 'string' }, ref: { type: 'string' }, run: { type: 'string', multiple: true }, out: { type: 'string', default: 'docs/parity' }, window: { type: 'string', default: '200' } } });
if (a.name === undefined || a.ref === undefined || a.data === undefined) throw new Error('usage: tsx tools/parity/compare.ts --name N --data DIR --ref DIR --run label=DIR … [--out DIR]');
const window = Number(a.window);
const refDir: string = a.ref;
const runs = new Map((a.run ?? []).map((r) => r.split('=') as [string, string]));
const readSteps = (dir: string): Step[] => readFileSync(join(dir, 'steps.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Step);

/** Score rows of a run (video,frame,score[,label]) with the labels our runs wrote. */
function scoreRows(dir: string, labels: Map<string, number>): ScoreRow[] {
  const lines = readFileSync(join(dir, 'scores.csv'), 'utf8').trim().split('\n').slice(1);
  return lines.map((line) => {
    const [video = '', frame = '', score = ''] = line.split(',');
    return { video, frame: Number(frame), score: score === '' ? null : Number(score), label: labels.get(`${video}/${Number(frame)}`) ?? 0, scene: '01' };
  });
}

function aucs(rows: readonly ScoreRow[]): Record<string, number> {
  const smoothed = evaluate(rows, { scorer: 'patch-max', patchSize: 16, smoothing: { type: 'median', window: 17 }, edgePolicy: 'drop' });
  const raw = evaluate(rows, { scorer: 'patch-max', patchSize: 16, smoothing: { type: 'none' }, edgePolicy: 'drop' });
  return { aucMicro: smoothed.aucMicro, aucMacro: smoothed.aucMacro, aucMicroUnsmoothed: raw.aucMicro, aucMacroUnsmoothed: raw.aucMacro };
}

/** Per tensor: max |a − b| / max |b| and the whole model's ‖a − b‖₂ / ‖b‖₂ (floating tensors, running statistics included). */
function weightDistance(refFile: string, oursFile: string): { maxRelative: number; worst: string; l2Relative: number } {
  const ref = decodeStateDict(new Uint8Array(readFileSync(refFile)), refFile);
  const ours = decodeStateDict(new Uint8Array(readFileSync(oursFile)), oursFile);
  let maxRelative = 0;
  let worst = '';
  let diff2 = 0;
  let norm2 = 0;
  for (const [key, r] of ref) {
    if (r.dtype !== 'float32') continue;
    const o = ours.get(key)?.values ?? new Float32Array(r.values.length);
    let d = 0;
    let s = 0;
    r.values.forEach((v, k) => {
      const e = Math.abs(v - (o[k] as number));
      d = Math.max(d, e);
      s = Math.max(s, Math.abs(v));
      diff2 += e * e;
      norm2 += v * v;
    });
    if (s > 0 && d / s > maxRelative) [maxRelative, worst] = [d / s, key];
  }
  return { maxRelative, worst, l2Relative: Math.sqrt(diff2 / norm2) };
}

const refSteps = readSteps(a.ref);
const labelsFrom = (dir: string): Map<string, number> => new Map(readFileSync(join(dir, 'scores.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')).map(([v, f, , lab]) => [`${v}/${Number(f)}`, Number(lab)]));
const labels = labelsFrom(runs.values().next().value ?? a.ref); // our scores.csv carry the labels
const finalSigma = (dir: string): number | null => (existsSync(join(dir, 'summary.json')) ? (JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as { finalSigma: number | null }).finalSigma : null);
const result: Record<string, unknown> = { dataset: a.name, data: resolve(a.data), reference: { dir: resolve(a.ref), finalSigma: finalSigma(a.ref), steps: refSteps.length, ...aucs(scoreRows(a.ref, labels)) } };
const series = [{ name: 'official (PyTorch)', points: refSteps.filter((s) => !s.skipped && s.sigma != null).map((s) => [s.step, s.sigma as number] as const) }];
for (const [label, dir] of runs) {
  const steps = readSteps(dir);
  const byStep = new Map(steps.map((s) => [s.step, s]));
  let sigmaWindow = 0;
  let sigmaAll = 0;
  let lossWindow = 0;
  for (const r of refSteps) {
    const o = byStep.get(r.step);
    if (o === undefined || r.skipped || o.skipped || r.sigma == null || o.sigma == null) continue;
    const d = Math.abs(r.sigma - o.sigma);
    sigmaAll = Math.max(sigmaAll, d);
    if (r.step < window) {
      sigmaWindow = Math.max(sigmaWindow, d);
      lossWindow = Math.max(lossWindow, Math.abs((r.loss ?? 0) - (o.loss ?? 0)) / Math.abs(r.loss ?? 1));
    }
  }
  const snapshots = [0, 50, 100, 150, 200].filter((s) => existsSync(join(refDir, `step-${s}.p`)) && existsSync(join(dir, `step-${s}.p`)));
  const weights = Object.fromEntries(snapshots.map((s) => [s, weightDistance(join(refDir, `step-${s}.p`), join(dir, `step-${s}.p`))]));
  result[label] = { dir: resolve(dir), steps: steps.length, finalSigma: finalSigma(dir), maxSigmaDiffFirstSteps: sigmaWindow, maxSigmaDiff: sigmaAll, maxLossRelDiffFirstSteps: lossWindow, weights, ...aucs(scoreRows(dir, labels)) };
  series.push({ name: label, points: steps.filter((s) => !s.skipped && s.sigma != null).map((s) => [s.step, s.sigma as number] as const) });
}
const out = resolve(a.out ?? 'docs/parity');
mkdirSync(out, { recursive: true });
writeJsonAtomic(join(out, `${a.name}.json`), result);
await writeChart(join(out, `${a.name}-sigma`), lineChart(`σ over training — ${a.name} (same weights, batches, noise)`, 'step', 'σ', series));
const pct = (x: unknown): string => (typeof x === 'number' ? (100 * x).toFixed(2) : '–');
const lines = [`| ${a.name} | final σ | AUC micro (median 17) | AUC macro | micro, unsmoothed | max |Δσ| first ${window} steps | max |Δσ| | weights ‖Δ‖/‖w‖ at 200 |`, '|---|---:|---:|---:|---:|---:|---:|---:|'];
for (const [label, r] of Object.entries(result).filter(([k]) => k !== 'dataset' && k !== 'data') as [string, Record<string, unknown>][]) {
  const w = (r['weights'] as Record<string, { l2Relative: number }> | undefined)?.['200']?.l2Relative;
  lines.push(`| ${label} | ${(r['finalSigma'] as number | null)?.toFixed(4) ?? '–'} | ${pct(r['aucMicro'])} | ${pct(r['aucMacro'])} | ${pct(r['aucMicroUnsmoothed'])} | ${(r['maxSigmaDiffFirstSteps'] as number | undefined)?.toExponential(1) ?? '–'} | ${(r['maxSigmaDiff'] as number | undefined)?.toExponential(1) ?? '–'} | ${w?.toExponential(1) ?? '–'} |`);
}
process.stdout.write(`${lines.join('\n')}\n`);
