import * as tf from '@tensorflow/tfjs';
import {
  applyGradients, computeGradients, createAdam, createModel, createRng, decodeCheckpoint, disposeAdam, disposeBatch,
  encodeCheckpoint, initBackend, reconstructionErrors, syntheticBatch, train, uploadBatch, type AnomalyModel, type Checkpoint, type LearnedLogit, type StepRecord,
} from '@vad/core';
import { describe, expect, it } from 'vitest';
import { createSyntheticStream, learnedSchedule } from '../../core/test-support/fixtures';
import { createWeightedNoiseSimulator } from '../../core/test-support/weighted-noise';
import { nativeStats } from './register';
import { nativeForTests } from './test-support';

const native = nativeForTests();
const modelOptions = { type: 'c3dsu', latent: 16, height: 32, width: 32, channels: 3, frames: 3, kernels: [3, 5, 7] };
const loss = { mode: 'distinction', lambda: 0.01, epsilon: 1e-6, maxErrorMargin: 0.2 } as const;

interface StepResult {
  readonly loss: number;
  readonly grads: Map<string, Float32Array>;
  readonly weights: Map<string, Float32Array>;
}

/** One full DDL step (σ = sigmoid(ℓ), both passes, loss, backward, Adam) on `backend`, from seeded weights and data. */
async function ddlStep(backend: 'native' | 'wasm' | 'cpu'): Promise<StepResult> {
  await initBackend(backend);
  const model = createModel(modelOptions, createRng('ddl-step/model'));
  const batch = uploadBatch(syntheticBatch(model.geometry, 2, createRng('ddl-step/data')));
  const logit: LearnedLogit = { variable: tf.variable(tf.scalar(0)), lrMultiplier: 1 };
  const optimizers = { model: createAdam(), logit: createAdam() };
  const rng = createRng('ddl-step/simulator');
  const { grads, values } = computeGradients({ model, simulator: createWeightedNoiseSimulator(), batch, sigma: { kind: 'learned', logit }, rng, loss });
  const hostGrads = new Map(Object.entries(grads).map(([name, g]) => [name, g.dataSync().slice() as Float32Array]));
  applyGradients(model, logit, optimizers, grads, 1e-2);
  const weights = new Map(model.variables().map((v) => [v.name, v.variable.dataSync().slice() as Float32Array]));
  weights.set('ddl.logit', logit.variable.dataSync().slice() as Float32Array);
  disposeBatch(batch);
  model.dispose();
  logit.variable.dispose();
  disposeAdam(optimizers.model);
  disposeAdam(optimizers.logit);
  return { loss: values.loss, grads: hostGrads, weights };
}

/** max |a − b| / max |b|. */
function rel(a: Float32Array, b: Float32Array): number {
  let d = 0;
  let s = 0;
  for (let i = 0; i < b.length; i++) {
    d = Math.max(d, Math.abs((a[i] ?? NaN) - (b[i] ?? NaN)));
    s = Math.max(s, Math.abs(b[i] ?? NaN));
  }
  return d / Math.max(s, 1e-30);
}

const maxAbs = (a: Float32Array): number => a.reduce((m, x) => Math.max(m, Math.abs(x)), 0);

/**
 * Updated weights after Adam's first step, which moves each weight by lr·g/(|g| + ε) ≈ ±lr: where
 * the gradient is clear (|g| ≥ 1 % of the tensor's largest) the two results must agree within 1e-3
 * of the tensor's scale; where it is near zero, its sign is rounding noise (wasm's gradients differ
 * from the cpu reference by up to ~1e-2 of their scale), so only Adam's bound |Δ| ≤ 2·lr is checked.
 */
function expectUpdatedClose(ours: Float32Array, theirs: Float32Array, grad: Float32Array, name: string, lr = 1e-2): void {
  const scale = maxAbs(theirs);
  const gScale = maxAbs(grad);
  let worstClear = 0;
  let worstNoisy = 0;
  for (let i = 0; i < theirs.length; i++) {
    const d = Math.abs((ours[i] ?? NaN) - (theirs[i] ?? NaN));
    if (Math.abs(grad[i] ?? 0) >= 1e-2 * gScale) worstClear = Math.max(worstClear, d);
    else worstNoisy = Math.max(worstNoisy, d);
  }
  expect(worstClear / scale, `${name}: updated weights with a clear gradient`).toBeLessThan(1e-3);
  expect(worstNoisy, `${name}: updated weights with a near-zero gradient`).toBeLessThanOrEqual(2 * lr * (1 + 1e-3));
}

/** `epochs` × 2 steps of the trainer on `backend` (from `resume` if given); its records, last checkpoint and model. */
async function trainRun(backend: 'native' | 'wasm', epochs: number, resume?: Checkpoint): Promise<{ records: StepRecord[]; checkpoint: Checkpoint; model: AnomalyModel }> {
  await initBackend(backend);
  const model = createModel(modelOptions, createRng('resume/model'));
  const records: StepRecord[] = [];
  let checkpoint: Checkpoint | undefined;
  const data = createSyntheticStream({ stepsPerEpoch: 2, batch: 2, clipShape: [3, 32, 32, 3] });
  await train({
    model, simulator: createWeightedNoiseSimulator(), schedule: learnedSchedule(), data, seed: 7, options: { epochs, batchSize: 2 },
    callbacks: { onStep: (r) => void records.push(r), onCheckpoint: (c) => void (checkpoint = c) }, ...(resume !== undefined ? { resume } : {}),
  });
  if (checkpoint === undefined) throw new Error('trainRun: no checkpoint');
  return { records, checkpoint, model };
}

describe.skipIf(!native.available)(`a DDL train step on native ${native.reason}`, () => {
  it('equals the same step on wasm (loss and updated weights within 1e-3) and on cpu (gradients within 1e-4)', async () => {
    const w = await ddlStep('wasm');
    const c = await ddlStep('cpu');
    const n = await ddlStep('native');
    expect(Math.abs(n.loss - w.loss) / Math.abs(w.loss)).toBeLessThan(1e-3);
    expect(Math.abs(n.loss - c.loss) / Math.abs(c.loss)).toBeLessThan(1e-5);
    const scale = Math.max(...[...c.grads.values()].map(maxAbs));
    let compared = 0;
    for (const [name, g] of c.grads) {
      const ours = n.grads.get(name);
      expect(ours, name).toBeDefined();
      // conv biases feeding a training-mode BatchNorm have an exactly-zero gradient (the batch mean
      // removes them): both backends must agree that it is only rounding noise; Adam's first step
      // moves such a weight by ±lr whatever the sign of the noise, so it is not compared below
      if (maxAbs(g) < 1e-6 * scale) {
        expect(maxAbs(ours!), name).toBeLessThan(1e-5 * scale);
        continue;
      }
      expect(rel(ours!, g), name).toBeLessThan(1e-4); // the cpu backend (pure JS) is the reference
      expectUpdatedClose(n.weights.get(name)!, w.weights.get(name)!, g, name);
      expectUpdatedClose(n.weights.get(name)!, c.weights.get(name)!, g, name);
      compared++;
    }
    expect(compared).toBeGreaterThan(60);
    for (const name of [...w.weights.keys()].filter((k) => /running(Mean|Var)$/.test(k))) expect(rel(n.weights.get(name)!, w.weights.get(name)!), name).toBeLessThan(1e-3);
  });

  it.each([
    ['native', 'wasm'],
    ['wasm', 'native'],
  ] as const)('a checkpoint written on %s resumes on %s: the resumed steps match an uninterrupted run there within 1e-3', async (first, second) => {
    const straight = await trainRun(second, 2); // 2 epochs × 2 steps, uninterrupted
    const half = await trainRun(first, 1); // epoch 1, then its checkpoint
    const resumed = await trainRun(second, 2, decodeCheckpoint(encodeCheckpoint(half.checkpoint)));
    expect(resumed.records.map((r) => r.step)).toEqual([2, 3]);
    resumed.records.forEach((r, i) => {
      const reference = straight.records[2 + i]!;
      expect(Math.abs(r.loss! - reference.loss!) / Math.abs(reference.loss!)).toBeLessThan(1e-3);
      expect(Math.abs(r.sigma! - reference.sigma!)).toBeLessThan(1e-3);
    });
    // all weights together, 4 Adam steps apart (two of them on another backend): within 1 % in L2
    const flat = (m: AnomalyModel): number[] => m.variables().flatMap((v) => Array.from(v.variable.dataSync()));
    const [a, b] = [flat(resumed.model), flat(straight.model)];
    const norm = (xs: number[]): number => Math.sqrt(xs.reduce((acc, x) => acc + x * x, 0));
    expect(norm(a.map((x, i) => x - (b[i] ?? NaN))) / norm(b)).toBeLessThan(1e-2);
    for (const m of [straight.model, half.model, resumed.model]) m.dispose();
  });

  it('leaks no tensors and no native memory over 50 steps (tf.memory() and the arena stay constant)', async () => {
    await initBackend('native');
    const model = createModel({ ...modelOptions, height: 16, width: 16 }, createRng('leak/model'));
    const host = syntheticBatch(model.geometry, 2, createRng('leak/data'));
    const logit: LearnedLogit = { variable: tf.variable(tf.scalar(0)), lrMultiplier: 1 };
    const optimizers = { model: createAdam(), logit: createAdam() };
    const rng = createRng('leak/simulator');
    const counts: Array<[number, number, number, number, number, number]> = [];
    for (let step = 0; step < 50; step++) {
      const batch = uploadBatch(host);
      const { grads } = computeGradients({ model, simulator: createWeightedNoiseSimulator(), batch, sigma: { kind: 'learned', logit }, rng, loss });
      applyGradients(model, logit, optimizers, grads, 1e-3);
      disposeBatch(batch);
      const s = nativeStats()!;
      counts.push([tf.memory().numTensors, s.arenaBytes, s.arenaGrowths, s.cachedPrimitives, s.pooledArrays ?? -1, s.pooledBytes ?? -1]);
    }
    expect(new Set(counts.slice(2).map((c) => c.join())).size).toBe(1); // steady from step 3 on, the buffer pool included
    expect(nativeStats()?.reuses ?? 0).toBeGreaterThan(1000); // and steps reuse their tensors' memory
    model.dispose();
    logit.variable.dispose();
    disposeAdam(optimizers.model);
    disposeAdam(optimizers.logit);
  });

  it('is deterministic: the same seed gives byte-identical scores across two runs', async () => {
    const scores = async (): Promise<Uint8Array> => {
      const { model } = await trainRun('native', 2);
      const clip = tf.tensor5d(syntheticBatch(model.geometry, 1, createRng('det/clip')).clips, [1, 3, 32, 32, 3]);
      const { errors } = await reconstructionErrors(model, clip);
      clip.dispose();
      model.dispose();
      return new Uint8Array(errors.buffer.slice(0));
    };
    const [a, b] = [await scores(), await scores()];
    expect(a.length).toBe(32 * 32 * 4);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});
