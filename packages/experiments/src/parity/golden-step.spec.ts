import * as tf from '@tensorflow/tfjs';
import { applyGradients, computeGradients, createAdam, createModel, createRng, distinctionLoss, initBackend, inferOfficialArchitecture, loadWeights, logitName, middleFrame, officialToWeights, pixelError, reconstructionLoss, type AnomalyModel, type OfficialArchitecture, type Simulator, type TensorRecord } from '@vad/core';
import { WeightedNoise } from '@vad/simulators';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StateDict } from '../io/torch-state-dict';
import { channelsLast, golden, goldenNumbers, goldenState, relativeError } from './golden-fixtures';

// One official DDL training step, term by term, against tensors exported from the PyTorch code by
// tools/parity/export_golden.py: same weights, batch X, mask M, noise A and ℓ. Target: 1e-4 relative
// (max |ours − torch| / max |torch| per tensor) on every quantity, on every backend of the suite.
const tolerance = 1e-4;
const float32Factor = 30;
const lossConfig = { mode: 'distinction', lambda: 0.01, epsilon: 1e-6, maxErrorMargin: 0.2 } as const;

interface Case {
  readonly arch: OfficialArchitecture;
  readonly initial: TensorRecord[];
  readonly shape: [number, number, number, number, number]; // [B, T, H, W, C]
  readonly clips: Float32Array;
  readonly masks: Float32Array; // [B, T, H, W, 1]
  readonly noise: Float32Array;
  readonly terms: number[]; // loss, recon, dist, σ, ℓ, dℓ, ℓ after, masked pixels, lr
}

function loadCase(name: string): Case {
  const state = goldenState(`${name}/state-initial.pt`);
  const arch = inferOfficialArchitecture(state);
  const x = golden(`${name}/x`);
  const [b, c, t, h, w] = x.shape as [number, number, number, number, number];
  const mask = channelsLast(golden(`${name}/mask`));
  const masks = new Float32Array(b * t * h * w);
  for (let k = 0; k < masks.length; k++) masks[k] = mask[k * c] as number; // channel 0, as PseudoLoss reads it
  return { arch, initial: officialToWeights(state, arch), shape: [b, t, h, w, c], clips: channelsLast(x), masks, noise: channelsLast(golden(`${name}/noise`)), terms: goldenNumbers(`${name}/terms`) };
}

function buildModel(c: Case): AnomalyModel {
  const [, , h, w] = c.shape;
  const model = createModel({ ...c.arch, height: h, width: w }, createRng(0));
  loadWeights(model, c.initial, 'golden state-initial.pt');
  return model;
}

/** The official weighted noise with A passed in (our simulator's blend, the golden noise). */
function fixedNoise(noise: tf.Tensor5D): Simulator {
  const sim = new WeightedNoise({ type: 'weighted-noise', noise: 'uniform', std: 0.2, p: 1 });
  return { type: 'weighted-noise', simulate: (input) => sim.simulateWithNoise(input, noise) };
}

/** An official grads / state dict mapped to our names (missing entries, e.g. running statistics of grads, as zeros). */
function oursOf(c: Case, source: StateDict, like: StateDict): Map<string, Float32Array> {
  const full = new Map([...like].map(([k, v]) => [k, source.get(k) ?? { ...v, values: new Float32Array(v.values.length) }]));
  return new Map(officialToWeights(full, c.arch).map((r) => [r.name, r.values]));
}

const worst = (errors: Record<string, number>): [string, number] => Object.entries(errors).reduce((a, b) => (b[1] > a[1] ? b : a), ['', 0]);

/**
 * One tensor against PyTorch: `relative` = max |ours − torch32| / max |torch32|. It passes at 1e-4, or —
 * where float32 itself cannot resolve the value to 1e-4 (sums with cancellation, the exactly-zero gradient
 * of a bias feeding a train-mode BatchNorm, Adam's first step g/(|g| + ε) on gradients near ε) — when
 * ours is no further from the float64 PyTorch result than 30 × PyTorch float32's own worst error on
 * that tensor (`float32Error`): the same accuracy class as the reference. The report lists those tensors.
 */
interface TensorCheck {
  readonly ok: boolean;
  readonly relative: number;
  readonly fromExact: number;
  readonly float32Error: number;
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let d = 0;
  for (let k = 0; k < b.length; k++) d = Math.max(d, Math.abs((a[k] as number) - (b[k] as number)));
  return d;
}

function tensorCheck(ours: ArrayLike<number>, torch32: ArrayLike<number>, torch64?: ArrayLike<number>): TensorCheck {
  const relative = relativeError(ours, torch32);
  if (torch64 === undefined) return { ok: relative < tolerance, relative, fromExact: NaN, float32Error: NaN };
  const fromExact = maxAbsDiff(ours, torch64);
  const float32Error = maxAbsDiff(torch32, torch64);
  return { ok: relative < tolerance || fromExact <= float32Factor * float32Error, relative, fromExact, float32Error };
}

/** With PARITY_REPORT=1: the worst relative error per kind of quantity and the tensors float64 had to decide. */
function report(label: string, checks: Record<string, TensorCheck>, adamError: number): void {
  if (process.env['PARITY_REPORT'] === undefined) return;
  const resolved = Object.entries(checks).filter(([, k]) => k.relative < tolerance);
  const byKind = (prefix: (n: string) => boolean): string => worst(Object.fromEntries(resolved.filter(([n]) => prefix(n)).map(([n, k]) => [n, k.relative])))[1].toExponential(1);
  const arbitrated = Object.entries(checks).filter(([, k]) => k.relative >= tolerance).map(([n, k]) => `${n} ${(k.fromExact / k.float32Error).toFixed(1)}×`);
  process.stdout.write(`${label}: gradients ${byKind((n) => n.startsWith('d '))}, weights after Adam ${byKind((n) => !n.startsWith('d ') && n.includes('.'))}, Adam on torch's gradients ${adamError.toExponential(1)}; decided by float64 (${arbitrated.length}): ${arbitrated.join(', ')}\n`);
}

// The native (oneDNN) backend joins wherever its addon is built (CI requires it: VAD_REQUIRE_NATIVE=1).
const native = process.env['VAD_REQUIRE_NATIVE'] === '1' || (await initBackend('native').then(() => true, () => false));
if (!native) process.stdout.write('golden-step.spec: native backend not built here, checked on cpu and wasm only\n');
await tf.setBackend('cpu');
const backends = native ? (['cpu', 'wasm', 'native'] as const) : (['cpu', 'wasm'] as const);

describe.each(backends)('one DDL step against the official PyTorch code (%s backend)', (backend) => {
  beforeAll(async () => {
    await initBackend(backend);
  });
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  describe.each(['c3dsu', 'unet'])('%s', (name) => {
    const c = loadCase(name);
    const tensors = (): { clips: tf.Tensor5D; masks: tf.Tensor5D; noise: tf.Tensor5D } => ({
      clips: tf.tensor5d(c.clips, c.shape),
      masks: tf.tensor5d(c.masks, [...c.shape.slice(0, 4), 1] as [number, number, number, number, number]),
      noise: tf.tensor5d(c.noise, c.shape),
    });

    it('X_A, f(X), f(X_A), P, N, L_recon, L_dist and the BatchNorm running statistics match', () => {
      const model = buildModel(c);
      const before = tf.memory().numTensors;
      const errors: Record<string, number> = {};
      tf.tidy(() => {
        const { clips, masks, noise } = tensors();
        const sigma = tf.sigmoid(tf.scalar(c.terms[4] as number)) as tf.Scalar;
        const sim = fixedNoise(noise).simulate({ clips, masks, sigma, rng: createRng(1), meta: [] });
        errors['X_A'] = relativeError(sim.clips.dataSync(), channelsLast(golden(`${name}/x_anom`)));
        const fx = model.apply(clips, true);
        const fxa = model.apply(sim.clips, true);
        errors['f(X)'] = relativeError(fx.dataSync(), channelsLast(golden(`${name}/fx`)));
        errors['f(X_A)'] = relativeError(fxa.dataSync(), channelsLast(golden(`${name}/fxa`)));
        const target = middleFrame(clips);
        const maskT = tf.squeeze(middleFrame(sim.mask), [3]) as tf.Tensor3D;
        errors['P map'] = relativeError(tf.mul(maskT, pixelError(target, fxa)).dataSync(), golden(`${name}/pos`).data);
        errors['N map'] = relativeError(tf.mul(maskT, pixelError(middleFrame(sim.clips), fxa)).dataSync(), golden(`${name}/neg`).data);
        errors['L_recon'] = relativeError([reconstructionLoss(target, fx).dataSync()[0] as number], [c.terms[1] as number]);
        const dist = distinctionLoss({ target, anomalous: middleFrame(sim.clips), reconstruction: fxa, maskT }, 1e-6);
        errors['L_dist'] = relativeError([dist.lDist.dataSync()[0] as number], [c.terms[2] as number]);
        expect(dist.count.dataSync()[0]).toBe(c.terms[7]);
      });
      const after = oursOf(c, goldenState(`${name}/state-after.pt`), goldenState(`${name}/state-initial.pt`));
      for (const { name: weight, variable, trainable } of model.variables()) {
        if (!trainable) errors[weight] = relativeError(variable.dataSync(), after.get(weight) as Float32Array);
      }
      model.dispose();
      expect(tf.memory().numTensors).toBe(before - c.initial.length);
      if (process.env['PARITY_REPORT'] !== undefined) process.stdout.write(`${backend} ${name} forward: ${Object.entries(errors).filter(([k]) => !k.includes('.')).map(([k, v]) => `${k} ${v.toExponential(1)}`).join(', ')}; running statistics ${worst(Object.fromEntries(Object.entries(errors).filter(([k]) => k.includes('.'))))[1].toExponential(1)}\n`);
      const [where, error] = worst(errors);
      expect(error, `worst: ${where}`).toBeLessThan(tolerance);
      expect(errors['X_A']).toBeLessThan(1e-6);
    });

    it('the loss, dℓ, every weight gradient and the weights and ℓ after one Adam step match', () => {
      const model = buildModel(c);
      const { clips, masks, noise } = tensors();
      const logit = { variable: tf.variable(tf.scalar(c.terms[4] as number)), lrMultiplier: 1 };
      const { grads, values } = computeGradients({
        model,
        simulator: fixedNoise(noise),
        batch: { clips, masks, meta: [] },
        sigma: { kind: 'learned', logit },
        rng: createRng(1),
        loss: lossConfig,
      });
      const exact = goldenNumbers(`${name}/terms64`); // loss, dℓ, ℓ after
      const checks: Record<string, TensorCheck> = {
        loss: tensorCheck([values.loss], [c.terms[0] as number], [exact[0] as number]),
        L_recon: tensorCheck([values.lRecon], [c.terms[1] as number]),
        L_dist: tensorCheck([values.lDist ?? NaN], [c.terms[2] as number]),
        dℓ: tensorCheck(grads[logitName]?.dataSync() ?? [NaN], [c.terms[5] as number], [exact[1] as number]),
      };
      expect(values.maskedPixels).toBe(c.terms[7]);
      const initial = goldenState(`${name}/state-initial.pt`);
      const torchGrads = oursOf(c, goldenState(`${name}/grads.pt`), initial);
      const exactGrads = oursOf(c, goldenState(`${name}/grads64.pt`), initial);
      const withGradient = new Set([...goldenState(`${name}/grads.pt`).keys()].map((k) => k.replace(/^module\./, '')));
      for (const { name: weight, trainable } of model.variables()) {
        if (!trainable) continue;
        const ours = grads[weight]?.dataSync() ?? new Float32Array((torchGrads.get(weight) as Float32Array).length);
        checks[`d ${weight}`] = tensorCheck(ours, torchGrads.get(weight) as Float32Array, exactGrads.get(weight));
      }
      expect(withGradient.size).toBeGreaterThan(0);
      // Adam alone: our update applied to PyTorch's own gradients lands on PyTorch's weights
      const adamOnly = buildModel(c);
      const torchGradTensors = Object.fromEntries([...torchGrads].map(([k, v]) => [k, tf.tensor(v, adamOnly.variables().find((x) => x.name === k)?.variable.shape)]));
      applyGradients(adamOnly, null, { model: createAdam(), logit: createAdam() }, torchGradTensors, c.terms[8] as number);
      applyGradients(model, logit, { model: createAdam(), logit: createAdam() }, grads, c.terms[8] as number);
      const after = oursOf(c, goldenState(`${name}/state-after.pt`), initial);
      const exactAfter = oursOf(c, goldenState(`${name}/state-after64.pt`), initial);
      let adamError = 0;
      for (const { name: weight, variable, trainable } of model.variables()) {
        checks[weight] = tensorCheck(variable.dataSync(), after.get(weight) as Float32Array, exactAfter.get(weight));
        const adamVariable = adamOnly.variables().find((x) => x.name === weight)?.variable;
        if (trainable && adamVariable !== undefined) adamError = Math.max(adamError, relativeError(adamVariable.dataSync(), after.get(weight) as Float32Array));
      }
      checks['ℓ after'] = tensorCheck(logit.variable.dataSync(), [c.terms[6] as number], [exact[2] as number]);
      tf.dispose([clips, masks, noise, logit.variable]);
      model.dispose();
      adamOnly.dispose();
      report(`${backend} ${name}`, checks, adamError);
      expect(adamError).toBeLessThan(1e-6);
      const failed = Object.entries(checks).filter(([, k]) => !k.ok).map(([n, k]) => `${n}: ${k.relative.toExponential(2)} (float64 ${k.fromExact.toExponential(2)} vs ${k.float32Error.toExponential(2)})`);
      expect(failed).toEqual([]);
    });
  });
});
