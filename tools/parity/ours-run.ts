/**
 * Trains and scores with THIS framework on a frames-layout dataset with the harness's shared batch
 * order, tracked-object choice and noise (tools/parity/shared-random.ts), from the official run's
 * initial weights (imported with our converter), so it can be compared step by step with
 * tools/parity/reference_run.py. Ours here: the frames reader + frame cache + `data.resize`, the
 * tracks-json masks, createModel, the WeightedNoise simulator's blend, the learned schedule, train()
 * (loss, gradients, Adam, step decay, skipped mask-less batches) and scoreVideos (patch-max 16).
 *
 *   tsx tools/parity/ours-run.ts --data /tmp/parity-data/avenue --initial /tmp/parity-runs/avenue-ref/initial.p --out /tmp/parity-runs/avenue-ours [--antialias]
 * Writes OUT/steps.jsonl, step-<n>.p at --snapshots, final.p, scores.csv (video,frame,score,label).
 */
import * as tf from '@tensorflow/tfjs';
import { createModel, initBackend, loadWeights, train, type BatchStream, type ClipMeta, type HostBatch, type Rng, type Simulator, createRng } from '@vad/core';
import { trainTargets, windowIndices } from '@vad/data';
import { createSchedule } from '@vad/schedules';
import { WeightedNoise } from '@vad/simulators';
import { mkdirSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { dataConfigSchema } from '../../packages/data/src/config';
import { loadTracks, tracksJsonMask, tracksJsonMaskOptions } from '../../packages/data/src/masks/tracks-json';
import { openDataset } from '../../packages/data/src/open-dataset';
import type { Video } from '../../packages/data/src/types';
import { officialStateDictBytes, readOfficialModel } from '../../packages/experiments/src/io/official-checkpoint';
import { scoreVideos } from '../../packages/experiments/src/runner/score-videos';
import { choice, order, uniform } from './shared-random';

const { values: a } = parseArgs({
  options: {
    data: { type: 'string' },
    out: { type: 'string' },
    initial: { type: 'string' },
    latent: { type: 'string', default: '64' },
    temporal: { type: 'string', default: '3' },
    height: { type: 'string', default: '64' },
    width: { type: 'string', default: '64' },
    batch: { type: 'string', default: '8' },
    epochs: { type: 'string', default: '5' },
    seed: { type: 'string', default: '0' },
    snapshots: { type: 'string', default: '0,50,100,150,200' },
    antialias: { type: 'boolean', default: false },
    backend: { type: 'string', default: 'wasm' },
    'max-steps': { type: 'string' },
  },
});
if (a.data === undefined || a.out === undefined || a.initial === undefined) throw new Error('usage: tsx tools/parity/ours-run.ts --data DIR --initial initial.p --out DIR');
const [H, W, T, B, epochs, seed] = [a.height, a.width, a.temporal, a.batch, a.epochs, a.seed].map(Number) as [number, number, number, number, number, number];
const out = resolve(a.out);
mkdirSync(out, { recursive: true });
await initBackend(a.backend === 'cpu' ? 'cpu' : 'wasm');

const root = resolve(a.data);
const data = dataConfigSchema.parse({ type: 'frames', root, height: H, width: W, channels: 3, integrity: 'partial', cacheDir: join(out, '..', '.cache'), masks: { type: 'none' }, ...(a.antialias ? { resize: { antialias: true } } : {}) });
const dataset = await openDataset(data);
const masks = tracksJsonMask(await loadTracks(join(root, 'training', 'frames', 'tracked_bounding_boxes.json')), tracksJsonMaskOptions.parse({ type: 'tracks-json' }));
const official = readOfficialModel(new Uint8Array(readFileSync(a.initial)), a.initial, { height: H, width: W });
const model = createModel({ ...official.options, frames: T }, createRng(seed));
loadWeights(model, official.weights, a.initial);

// the official item list: every video (natural order), centres (T − 1)/2 … L − 1 − (T − 1)/2
const items: ClipMeta[] = dataset.train.flatMap((v) => trainTargets(v.length, T, 1).map((frame) => ({ video: v.id, frame })));
const byId = new Map(dataset.train.map((v) => [v.id, v]));
const perEpoch = Math.ceil(items.length / B);
let current = { epoch: 0, step: 0 };
const stream: BatchStream = {
  stepsPerEpoch: perEpoch,
  clipShape: [T, H, W, 3],
  async *batches(epoch) {
    const permutation = order(seed, epoch, items.length);
    for (let k = 0; k < perEpoch; k++) {
      const metas = permutation.slice(k * B, (k + 1) * B).map((i) => items[i] as ClipMeta);
      const clipSize = T * H * W * 3;
      const clips = new Float32Array(metas.length * clipSize);
      const mask = new Float32Array(metas.length * T * H * W);
      let found = false;
      for (const [b, meta] of metas.entries()) {
        const video = byId.get(meta.video) as Video;
        const indices = windowIndices(meta.frame, T, video.length);
        await video.readFrames(indices, clips, b * clipSize);
        const pick: Rng = { ...createRng(0), int: (n: number) => choice(seed, epoch, k, b, n) };
        if (await masks.fill(video, indices, pick, mask, b * T * H * W)) found = true;
      }
      current = { epoch, step: k };
      const batch: HostBatch = { shape: [metas.length, T, H, W, 3], clips, masks: found ? mask : null, meta: metas };
      yield batch;
    }
  },
};

/** The shared noise of the current batch, laid out [B, T, H, W, C] from the torch-order index of each element. */
function sharedNoise(shape: readonly number[]): tf.Tensor5D {
  const [b, t, h, w, c] = shape as [number, number, number, number, number];
  const u = uniform(seed, 'noise', [current.epoch, current.step], b * t * h * w * c);
  const out = new Float32Array(u.length);
  for (let n = 0; n < b; n++)
    for (let z = 0; z < t; z++)
      for (let y = 0; y < h; y++)
        for (let x = 0; x < w; x++)
          for (let k = 0; k < c; k++) out[(((n * t + z) * h + y) * w + x) * c + k] = u[(((n * c + k) * t + z) * h + y) * w + x] as number;
  return tf.tensor5d(out, [b, t, h, w, c]);
}
const noise = new WeightedNoise({ type: 'weighted-noise', noise: 'uniform', std: 0.2, p: 1 });
const simulator: Simulator = {
  type: 'weighted-noise',
  simulate: (input) => {
    const a5 = sharedNoise(input.clips.shape);
    try {
      return noise.simulateWithNoise(input, a5);
    } finally {
      a5.dispose();
    }
  },
};

const snapshots = new Set((a.snapshots ?? '').split(',').filter((s) => s !== '').map(Number));
const snapshot = (step: number): void => {
  const weights = model.variables().map((v) => ({ name: v.name, shape: [...v.variable.shape], values: Float32Array.from(v.variable.dataSync()) }));
  writeFileSync(join(out, step < 0 ? 'final.p' : `step-${step}.p`), officialStateDictBytes(weights, official.architecture, true));
};
if (snapshots.has(0)) snapshot(0);
writeFileSync(join(out, 'steps.jsonl'), '');
const maxSteps = a['max-steps'] === undefined ? Infinity : Number(a['max-steps']);
const controller = new AbortController();
const started = performance.now();
const result = await train({
  model,
  simulator,
  schedule: createSchedule({ type: 'learned' }),
  data: stream,
  seed,
  signal: controller.signal,
  options: { epochs, batchSize: B, lr: 0.01, lambda: 0.01, skipBatchesWithoutMask: true, checkpointEvery: 0 },
  callbacks: {
    onStep: (r) => {
      appendFileSync(join(out, 'steps.jsonl'), `${JSON.stringify({ step: r.step, epoch: r.epoch, lr: r.lr, sigma: r.sigma, loss: r.loss, lRecon: r.lRecon, lDist: r.lDist, logitBefore: r.logit, skipped: r.skipped, ms: r.ms })}\n`);
      if (snapshots.has(r.step + 1)) snapshot(r.step + 1);
      if (r.step + 1 >= maxSteps) controller.abort();
    },
  },
});
snapshot(-1);
writeFileSync(join(out, 'summary.json'), JSON.stringify({ steps: result.step, finalSigma: result.sigma, finalLogit: result.logit, seconds: (performance.now() - started) / 1000 }));
process.stdout.write(`ours: ${result.step} steps in ${((performance.now() - started) / 1000).toFixed(0)} s, final sigma ${result.sigma?.toFixed(4)}\n`);
const rows = await scoreVideos(model, dataset.test, { protocol: { scorer: 'patch-max', patchSize: 16, psnrPeak: 1, edgePolicy: 'drop' }, batchSize: 8 });
writeFileSync(join(out, 'scores.csv'), ['video,frame,score,label', ...rows.map((r) => `${r.video},${r.frame},${r.score ?? ''},${r.label}`)].join('\n') + '\n');
model.dispose();
