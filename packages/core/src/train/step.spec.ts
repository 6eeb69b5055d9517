import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnomalyModel } from '../contracts/model';
import type { Simulator } from '../contracts/simulator';
import { createRng } from '../rng';
import { createAdam } from './adam';
import { createSyntheticStream, createTinyModel } from '../../test-support/fixtures';
import { distinctionLoss, reconstructionLoss } from './loss';
import { middleFrame } from './loss-modes';
import { applyGradients, computeGradients } from './step';
import { disposeBatch, uploadBatch } from './step-batch';
import { logitName, type LearnedLogit, type SigmaInput } from './step-types';
import { createWeightedNoiseSimulator } from '../../test-support/weighted-noise';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const geometry = { frames: 3, height: 4, width: 4, channels: 3 };
const loss = { mode: 'distinction', lambda: 0.01, epsilon: 1e-6, maxErrorMargin: 0.2 } as const;
const hostBatch = (maskless = false) => {
  const stream = createSyntheticStream({ stepsPerEpoch: 1, batch: 2, clipShape: [3, 4, 4, 3], maskless: maskless ? [0] : [] });
  return [...(stream.batches(0, 1) as Iterable<import('../contracts/data').HostBatch>)][0]!;
};

/** Counts forward passes and simulator calls. */
function counting(model: AnomalyModel, simulator: Simulator) {
  const calls = { apply: 0, simulate: 0 };
  const m: AnomalyModel = { ...model, apply: (x, training) => (calls.apply++, model.apply(x, training)) };
  const s: Simulator = { type: simulator.type, simulate: (input) => (calls.simulate++, simulator.simulate(input)) };
  return { model: m, simulator: s, calls };
}

describe('computeGradients', () => {
  it('gives ℓ exactly the gradient of λ·L_dist through X_A, and the model that of L_recon + λ·L_dist', () => {
    const model = createTinyModel(geometry, createRng(1));
    const logit: LearnedLogit = { variable: tf.variable(tf.scalar(0.2)), lrMultiplier: 1 };
    const batch = uploadBatch(hostBatch());
    const sim = createWeightedNoiseSimulator();
    const { grads, values } = computeGradients({ model, simulator: sim, batch, sigma: { kind: 'learned', logit }, rng: createRng(9), loss });

    const pseudo = (l: tf.Tensor) => {
      const out = sim.simulate({ clips: batch.clips, masks: batch.masks!, sigma: tf.sigmoid(l) as tf.Scalar, rng: createRng(9), meta: [] });
      const frames = { target: out.target, anomalous: middleFrame(out.clips), reconstruction: model.apply(out.clips, true), maskT: tf.squeeze(middleFrame(out.mask), [3]) as tf.Tensor3D };
      return distinctionLoss(frames, 1e-6);
    };
    const expectedLogit = tf.grad((l: tf.Tensor) => tf.mul(pseudo(l).lDist, 0.01))(logit.variable).dataSync()[0]!;
    expect(expectedLogit).not.toBe(0);
    expect(grads[logitName]!.dataSync()[0]).toBeCloseTo(expectedLogit, 6);

    const trainable = model.variables().filter((v) => v.trainable);
    const manual = tf.variableGrads(() => {
      const lRecon = reconstructionLoss(middleFrame(batch.clips), model.apply(batch.clips, true));
      return tf.add(lRecon, tf.mul(pseudo(logit.variable).lDist, 0.01)) as tf.Scalar;
    }, trainable.map((v) => v.variable));
    for (const v of trainable) {
      const ours = grads[v.name]!.dataSync();
      const theirs = manual.grads[v.variable.name]!.dataSync();
      for (let i = 0; i < ours.length; i++) expect(ours[i]).toBeCloseTo(theirs[i]!, 5);
    }
    expect(values.loss).toBeCloseTo(values.lRecon + 0.01 * values.lDist!, 6);
    expect(values.lPseudo).toBe(values.lDist);
    expect(values.maskedPixels).toBe(2 * 2 * 2); // 2 clips × the 2×2 box of the middle frame
    expect(values.p! > 0 && values.n! > 0).toBe(true);
  });

  it('trains plain reconstruction without σ or without masks: one forward, no simulator, no ℓ gradient', () => {
    const base = createTinyModel(geometry, createRng(1));
    const logit: LearnedLogit = { variable: tf.variable(tf.scalar(0)), lrMultiplier: 1 };
    const cases: Array<[SigmaInput, boolean]> = [[null, false], [{ kind: 'learned', logit }, true], [{ kind: 'fixed', sigma: 0.5 }, true]];
    for (const [sigma, maskless] of cases) {
      const { model, simulator, calls } = counting(base, createWeightedNoiseSimulator());
      const batch = uploadBatch(hostBatch(maskless));
      const { grads, values } = computeGradients({ model, simulator, batch, sigma, rng: createRng(2), loss });
      expect(calls).toEqual({ apply: 1, simulate: 0 });
      expect(grads[logitName]).toBeUndefined();
      expect(values).toMatchObject({ loss: values.lRecon, lPseudo: null, lDist: null, p: null, n: null, maskedPixels: 0 });
      expect(Object.keys(grads).sort()).toEqual(base.variables().filter((v) => v.trainable).map((v) => v.name).sort());
    }
  });

  it('uses a fixed σ as a constant: two forwards, no ℓ gradient', () => {
    const { model, simulator, calls } = counting(createTinyModel(geometry, createRng(1)), createWeightedNoiseSimulator());
    const { grads, values } = computeGradients({ model, simulator, batch: uploadBatch(hostBatch()), sigma: { kind: 'fixed', sigma: 0.7 }, rng: createRng(2), loss });
    expect(calls).toEqual({ apply: 2, simulate: 1 });
    expect(grads[logitName]).toBeUndefined();
    expect(values.lDist! > 0).toBe(true);
  });
});

describe('applyGradients', () => {
  it('steps ℓ at lr × multiplier and clamps σ to its bounds', () => {
    const model = createTinyModel(geometry, createRng(1));
    const frozen: LearnedLogit = { variable: tf.variable(tf.scalar(0)), lrMultiplier: 0 };
    const before = model.variables()[0]!.variable.dataSync().slice();
    applyGradients(model, frozen, { model: createAdam(), logit: createAdam() }, { [logitName]: tf.scalar(1), 'conv1.kernel': tf.onesLike(model.variables()[0]!.variable) }, 0.1);
    expect(frozen.variable.dataSync()[0]).toBe(0);
    expect(model.variables()[0]!.variable.dataSync()[0]).toBeCloseTo(before[0]! - 0.1, 5);
    const bounded: LearnedLogit = { variable: tf.variable(tf.scalar(0)), lrMultiplier: 1, bounds: [0.45, 0.55] };
    applyGradients(model, bounded, { model: createAdam(), logit: createAdam() }, { [logitName]: tf.scalar(-1) }, 5);
    expect(tf.sigmoid(bounded.variable).dataSync()[0]).toBeCloseTo(0.55, 6);
  });

  it('leaks no tensor over repeated steps', () => {
    const model = createTinyModel(geometry, createRng(1));
    const logit: LearnedLogit = { variable: tf.variable(tf.scalar(0)), lrMultiplier: 1 };
    const optimizers = { model: createAdam(), logit: createAdam() };
    const host = hostBatch();
    const rng = createRng(3);
    const step = () => {
      const batch = uploadBatch(host);
      const { grads } = computeGradients({ model, simulator: createWeightedNoiseSimulator(), batch, sigma: { kind: 'learned', logit }, rng, loss });
      applyGradients(model, logit, optimizers, grads, 0.01);
      disposeBatch(batch);
    };
    step();
    const count = tf.memory().numTensors;
    step();
    step();
    expect(tf.memory().numTensors).toBe(count);
  });
});
