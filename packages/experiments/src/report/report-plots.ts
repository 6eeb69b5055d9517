import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { postprocessScores, rocCurve, pooledFrames, type EvaluationProtocolInput } from '@vad/metrics';
import { lineChart, rocChart, timelineChart, type Series } from '../plots/charts';
import { writeChart } from '../plots/render-chart';
import { trialFiles } from '../runner/trial-files';
import type { TrialRecord } from './collect';

/** One figure of the report: title, and the files written (SVG + PNG, or PNG only). */
export interface ReportFigure {
  readonly title: string;
  readonly svg: string | null;
  readonly png: Uint8Array;
  readonly file: string;
}

function protocolOf(trial: TrialRecord): EvaluationProtocolInput {
  const { batchSize: _b, maxVideos: _m, ...protocol } = trial.config.evaluation;
  return protocol;
}

function firstOfGroups(trials: readonly TrialRecord[]): TrialRecord[] {
  const seen = new Set<string>();
  return trials.filter((t) => !seen.has(t.metrics.trial.group) && seen.add(t.metrics.trial.group) !== undefined);
}

async function chart(dir: string, name: string, title: string, spec: Record<string, unknown>): Promise<ReportFigure> {
  const rendered = await writeChart(join(dir, name), spec);
  return { title, svg: rendered.svg, png: rendered.png, file: `${name}.svg` };
}

/**
 * Writes the report's plots into `dir` (SVG + PNG each): ROC curves (first seed of each group), σ over
 * training steps, loss curves, per-video score timelines with ground-truth shading for the first
 * trial, and collects each trial group's Figure-4 panel (PNG written by the runner).
 */
export async function writeReportPlots(trials: readonly TrialRecord[], dir: string, timelineVideos: number): Promise<ReportFigure[]> {
  const leaders = firstOfGroups(trials);
  const figures: ReportFigure[] = [];
  const roc: Series[] = leaders.map((t) => {
    const { scores, labels } = pooledFrames(postprocessScores(t.scores(), protocolOf(t)));
    const curve = rocCurve(scores, labels, { dropIntermediate: true });
    return { name: `${t.metrics.trial.label} (${(100 * t.metrics.evaluation.aucMicro).toFixed(1)})`, points: Array.from(curve.fpr, (x, i) => [x, curve.tpr[i] ?? 0] as const) };
  });
  figures.push(await chart(dir, 'roc', 'ROC curves (micro, first seed of each group)', rocChart('ROC (pooled frames)', roc)));
  const sigma: Series[] = leaders
    .map((t) => ({ name: t.metrics.trial.label, points: t.steps().filter((r) => r.sigma !== null).map((r) => [r.step, r.sigma as number] as const) }))
    .filter((s) => s.points.length > 0);
  if (sigma.length > 0) figures.push(await chart(dir, 'sigma', 'σ over training (anomaly weight)', lineChart('σ over training', 'step', 'σ', sigma)));
  const loss: Series[] = leaders.map((t) => ({ name: t.metrics.trial.label, points: t.steps().filter((r) => r.loss !== null).map((r) => [r.step, r.loss as number] as const) }));
  figures.push(await chart(dir, 'loss', 'Training loss L = L_recon + λ·L_pseudo', lineChart('training loss', 'step', 'loss', loss)));
  const dist: Series[] = leaders
    .map((t) => ({ name: t.metrics.trial.label, points: t.steps().filter((r) => r.lDist !== null).map((r) => [r.step, r.lDist as number] as const) }))
    .filter((s) => s.points.length > 0);
  if (dist.length > 0) figures.push(await chart(dir, 'l-dist', 'L_dist = (P + ε) / (N + ε)', lineChart('L_dist', 'step', 'L_dist', dist)));
  const first = leaders[0];
  if (first !== undefined && timelineVideos > 0) {
    const videos = postprocessScores(first.scores(), protocolOf(first)).slice(0, timelineVideos);
    for (const video of videos) {
      const frames = Array.from(video.frames, (frame, i) => ({ frame, score: video.scores[i] ?? 0, label: video.labels[i] ?? 0 }));
      const name = `timeline-${video.video.replace(/[^\w.-]+/g, '_')}`;
      figures.push(await chart(dir, name, `Scores of video ${video.video} (${first.metrics.trial.label}); shaded = ground-truth anomaly`, timelineChart(`video ${video.video}`, frames)));
    }
  }
  for (const t of leaders) {
    const path = join(t.dir, trialFiles.figures, 'figure4.png');
    if (existsSync(path)) figures.push({ title: `Figure 4 panel — ${t.metrics.trial.label}`, svg: null, png: new Uint8Array(readFileSync(path)), file: path });
  }
  return figures;
}
