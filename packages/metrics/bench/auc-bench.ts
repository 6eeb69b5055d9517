/**
 * Speed check of the ranking metrics (not a test): 1,000,000 frames in 1,000 videos, ~10 % anomalous,
 * scores rounded to 1e-4 so there are ties. Run: `npx tsx packages/metrics/bench/auc-bench.ts [frames]`.
 * Prints milliseconds per call (best of 3 after one warm-up).
 */
import { averagePrecision, evaluate, rocAuc, rocCurve } from '../src/index';
import type { ScoreRow } from '../src/index';
import { mulberry32 } from '../src/__fixtures__/sklearn'; // seeded, so every run scores the same data

const frames = Number(process.argv[2] ?? 1_000_000);
const videos = 1000;

const random = mulberry32(1);
const labels = new Uint8Array(frames);
const scores = new Float64Array(frames);
for (let i = 0; i < frames; i++) {
  labels[i] = random() < 0.1 ? 1 : 0;
  scores[i] = Math.round((random() + 0.6 * (labels[i] as number)) * 1e4) / 1e4;
}
const perVideo = Math.ceil(frames / videos);
const rows: ScoreRow[] = Array.from(scores, (score, i) => ({
  video: `v${Math.floor(i / perVideo)}`,
  frame: i % perVideo,
  score,
  label: labels[i] as number,
}));

function time(name: string, run: () => number): void {
  run();
  let best = Infinity;
  let value = 0;
  for (let r = 0; r < 3; r++) {
    const start = performance.now();
    value = run();
    best = Math.min(best, performance.now() - start);
  }
  process.stdout.write(`${name.padEnd(44)} ${best.toFixed(1).padStart(8)} ms   (${value.toFixed(6)})\n`);
}

process.stdout.write(`auc-bench: ${frames.toLocaleString('en-US')} frames, ${videos} videos, node ${process.version}\n`);
time('rocAuc', () => rocAuc(scores, labels));
time('averagePrecision', () => averagePrecision(scores, labels));
time('rocCurve (drop intermediate)', () => rocCurve(scores, labels).fpr.length);
time('evaluate (all metrics, no smoothing)', () => evaluate(rows).aucMicro);
time('evaluate (median 17, per-video minmax)', () => evaluate(rows, { smoothing: { type: 'median', window: 17 }, normalization: 'per-video-minmax' }).aucMicro);
