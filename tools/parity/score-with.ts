/**
 * Scores a dataset's test videos with OUR evaluation (eval-mode forward, patch-max 16, edge frames
 * dropped) using weights saved by either implementation (an official .p), so that evaluation parity
 * can be checked apart from training: same weights ⇒ the per-frame scores of reference_run.py.
 *   tsx tools/parity/score-with.ts --data DIR --weights final.p --out scores.csv [--height 64 --width 64]
 */
import { createModel, createRng, initBackend, loadWeights } from '@vad/core';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { dataConfigSchema } from '../../packages/data/src/config';
import { openDataset } from '../../packages/data/src/open-dataset';
import { readOfficialModel } from '../../packages/experiments/src/io/official-checkpoint';
import { scoreVideos } from '../../packages/experiments/src/runner/score-videos';

const { values: a } = parseArgs({ options: { data: { type: 'string' }, weights: { type: 'string' }, out: { type: 'string' }, height: { type: 'string', default: '64' }, width: { type: 'string', default: '64' }, antialias: { type: 'boolean', default: false } } });
if (a.data === undefined || a.weights === undefined || a.out === undefined) throw new Error('usage: tsx tools/parity/score-with.ts --data DIR --weights final.p --out scores.csv');
await initBackend('wasm');
const [H, W] = [Number(a.height), Number(a.width)];
const root = resolve(a.data);
const dataset = await openDataset(dataConfigSchema.parse({ type: 'frames', root, height: H, width: W, channels: 3, integrity: 'partial', cacheDir: join(root, '..', '.cache'), masks: { type: 'none' }, ...(a.antialias ? { resize: { antialias: true } } : {}) }));
const official = readOfficialModel(new Uint8Array(readFileSync(a.weights)), a.weights, { height: H, width: W });
const model = createModel(official.options, createRng(0));
loadWeights(model, official.weights, a.weights);
const rows = await scoreVideos(model, dataset.test, { protocol: { scorer: 'patch-max', patchSize: 16, psnrPeak: 1, edgePolicy: 'drop' }, batchSize: 8 });
writeFileSync(a.out, ['video,frame,score,label', ...rows.map((r) => `${r.video},${r.frame},${r.score ?? ''},${r.label}`)].join('\n') + '\n');
model.dispose();
