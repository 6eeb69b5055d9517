import * as tf from '@tensorflow/tfjs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyGradients, computeGradients, createAdam, createModel, createRng, UserError } from '@vad/core';
import { createDemoScene, simulatorRegistry } from '@vad/simulators';
import { createSimulatorFromConfig, resolveSimulatorSpec } from './load-simulator';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const here = fileURLToPath(new URL('.', import.meta.url));
const example = './examples/plugins/scanline-glitch.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

async function failure(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => new Error('expected a rejection, but the promise resolved'),
    (reason: unknown) => reason as Error,
  );
  expect(error).toBeInstanceOf(UserError);
  return error;
}

describe('resolveSimulatorSpec', () => {
  it('returns built-ins from the registry and loads the example plugin by path', async () => {
    expect(await resolveSimulatorSpec('perlin', root)).toBe(simulatorRegistry.perlin);
    const spec = await resolveSimulatorSpec(example, root);
    expect(spec.type).toBe('scanline-glitch');
    expect(spec.options.parse({ type: 'scanline-glitch' })).toEqual({ type: 'scanline-glitch', maxShift: 4, period: 4, thickness: 2, p: 1 });
  });

  it('names the module for every kind of bad plugin', async () => {
    expect((await failure(resolveSimulatorSpec('./nope.ts', here))).message).toMatch(/^plugin \.\/nope\.ts: module file must exist, but got no file at .*nope\.ts$/);
    expect((await failure(resolveSimulatorSpec('./fixtures/missing-export.ts', here))).message).toBe(
      'plugin ./fixtures/missing-export.ts: must export `simulator` (export const simulator = defineSimulator({...})), but got exports: notTheSpec',
    );
    expect((await failure(resolveSimulatorSpec('./fixtures/not-a-spec.ts', here))).message.split('\n')).toEqual([
      'plugin ./fixtures/not-a-spec.ts: simulator.description must be a string',
      'plugin ./fixtures/not-a-spec.ts: simulator.options must be a zod schema',
      'plugin ./fixtures/not-a-spec.ts: simulator.create must be a function',
    ]);
    expect((await failure(createSimulatorFromConfig({ type: './fixtures/create-throws.ts' }, here))).message).toBe(
      'plugin ./fixtures/create-throws.ts: create(options) threw: no GPU texture cache available',
    );
    expect((await failure(resolveSimulatorSpec('perlin_noise', here))).message).toMatch(/^simulator\.type: unknown simulator "perlin_noise"; known: weighted-noise, /);
  });

  it('rejects a result of the wrong shape, naming the module, without leaking tensors', async () => {
    const simulator = await createSimulatorFromConfig({ type: './fixtures/wrong-shape.ts' }, here);
    const clips = tf.zeros([1, 3, 4, 4, 3]) as tf.Tensor5D;
    const masks = tf.ones([1, 3, 4, 4, 1]) as tf.Tensor5D;
    const sigma = tf.scalar(0.5);
    const before = tf.memory().numTensors;
    expect(() => simulator.simulate({ clips, masks, sigma, rng: createRng(1), meta: [] })).toThrow(
      'plugin ./fixtures/wrong-shape.ts: simulate().mask must have shape [1,3,4,4,1], but got [1,3,4,4,3]',
    );
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([clips, masks, sigma]);
  });

  it('validates plugin options like built-ins and resolves plugins nested in a mixture', async () => {
    expect((await failure(createSimulatorFromConfig({ type: example, maxShift: 0 }, root))).message).toBe('simulator.maxShift must be an integer ≥ 1, but got 0');
    const mixture = await createSimulatorFromConfig({ type: 'mixture', components: [{ probability: 1, simulator: { type: example } }] }, root);
    expect(mixture.type).toBe('mixture');
  });
});

describe('example plugin: scanline-glitch', () => {
  it('trains one DDL step (learned σ) of a tiny C3DSU with it; ℓ and the weights move', async () => {
    const simulator = await createSimulatorFromConfig({ type: example }, root);
    const scene = createDemoScene({ height: 16, width: 16, channels: 1, seed: 3 });
    const host = scene.batch([{ video: 'demo-0', frame: 8 }, { video: 'demo-1', frame: 12 }], 3);
    const model = createModel({ type: 'c3dsu', height: 16, width: 16, channels: 1, latent: 16, frames: 3, kernels: [3] }, createRng(1));
    const logit = { variable: tf.variable(tf.scalar(0)), lrMultiplier: 1 };
    const batch = { clips: tf.tensor5d(host.clips, [...host.shape]), masks: tf.tensor5d(host.masks ?? new Float32Array(0), [2, 3, 16, 16, 1]), meta: host.meta };
    const weightsBefore = model.variables().map((v) => Array.from(v.variable.dataSync()));
    const loss = { mode: 'distinction' as const, lambda: 0.01, epsilon: 1e-6, maxErrorMargin: 0.2 };
    const { grads, values } = computeGradients({ model, simulator, batch, sigma: { kind: 'learned', logit }, rng: createRng(5), loss });
    expect(values.maskedPixels).toBeGreaterThan(0); // the glitch touched the target frame
    expect(Number.isFinite(values.loss)).toBe(true);
    const logitGrad = grads['ddl.logit']?.dataSync()[0] ?? NaN;
    expect(Number.isFinite(logitGrad) && logitGrad !== 0).toBe(true);
    applyGradients(model, logit, { model: createAdam(), logit: createAdam() }, grads, 0.01);
    expect(logit.variable.dataSync()[0]).not.toBe(0);
    const moved = model.variables().some((v, i) => Array.from(v.variable.dataSync()).some((x, k) => x !== weightsBefore[i]?.[k]));
    expect(moved).toBe(true);
    tf.dispose([batch.clips, batch.masks, logit.variable]);
    model.dispose();
  });
});
