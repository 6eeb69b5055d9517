import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '@vad/core';
import type { SimulateInput, Simulator } from '@vad/core';
import { checkSimulateResult } from './check-result';
import { createSimulator } from './create-simulator';
import { createDemoScene } from './demo-scene';
import type { SimulatorSpec } from './define-simulator';
import { simulatorRegistry } from './registry';

// Every built-in (the example plugin's contract is checked where plugins are loaded:
// experiments/src/plugins/example-plugin.spec.ts); options only where the defaults would leave a case untestable.
const overrides: Record<string, Record<string, unknown>> = {
  'reversed-frames': { strides: [1, 2, 3] }, // plain reversal has no random choice; strides give seeds something to change
  'random-patch': { minSize: 2 }, // the 10 px default fills a 16 px test frame's ~6 px object box completely
  mixture: {
    components: [
      { probability: 0.5, simulator: { type: 'weighted-noise' } },
      { probability: 0.5, simulator: { type: 'random-patch' } },
    ],
  },
};
const entries: [string, SimulatorSpec][] = Object.entries(simulatorRegistry);

const scene = createDemoScene({ height: 16, width: 16, channels: 3, seed: 7, frames: 24 });
const host = scene.batch([{ video: 'demo-0', frame: 10 }, { video: 'demo-1', frame: 12 }], 3);

function build(type: string): Simulator {
  return createSimulator({ type, ...overrides[type], p: 1 });
}

function input(seed: number, sigma: tf.Scalar): SimulateInput {
  const clips = tf.tensor5d(host.clips, [...host.shape]);
  const masks = tf.tensor5d(host.masks ?? new Float32Array(0), [...host.shape.slice(0, 4), 1] as [number, number, number, number, number]);
  return { clips, masks, sigma, rng: createRng(seed), meta: host.meta, source: scene.source };
}

function run(simulator: Simulator, seed: number, sigmaValue: number) {
  return tf.tidy(() => {
    const sigma = tf.scalar(sigmaValue);
    const given = input(seed, sigma);
    const result = simulator.simulate(given);
    checkSimulateResult(given, result, simulator.type);
    return [given.clips, given.masks, result.clips, result.mask, result.target].map((t) => t.arraySync());
  }) as [number[][][][][], number[][][][][], number[][][][][], number[][][][][], number[][][][]];
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe.each(entries)('simulator contract: %s', (type, spec) => {
  it('has a strict schema whose defaults round-trip', () => {
    const defaults = spec.options.parse({ type });
    expect(spec.options.parse(defaults)).toEqual(defaults);
    expect(spec.options.safeParse({ type, notAnOption: 1 }).success).toBe(false);
    expect(Object.keys(defaults as object)[0]).toBe('type'); // one PluginSpec shape: the schema carries its `type` literal, first
    expect(spec.description.length).toBeGreaterThan(10);
  });

  it('keeps shapes, returns a binary non-empty mask inside the object mask, and changes only the mask', () => {
    const [x, objects, out, mask, target] = run(build(type), 1, 0.7);
    const flat = (value: unknown): number[] => (value as number[]).flat(4) as number[];
    const [xs, os, outs, ms] = [flat(x), flat(objects), flat(out), flat(mask)];
    expect(ms.every((v) => v === 0 || v === 1)).toBe(true);
    expect(ms.some((v) => v === 1)).toBe(true);
    ms.forEach((m, i) => expect(m <= (os[i] ?? 0)).toBe(true)); // bounded by the object mask
    const channels = xs.length / ms.length;
    const changedOutside = outs.filter((v, i) => v !== xs[i] && ms[Math.floor(i / channels)] === 0);
    expect(changedOutside).toEqual([]);
    expect(outs.some((v, i) => v !== xs[i])).toBe(true);
    expect(target).toEqual(x.map((clip) => clip[1])); // the normal middle frame
  });

  it('is deterministic under a seed and varies across seeds', () => {
    const simulator = build(type);
    const [, , a, maskA] = run(simulator, 3, 0.5);
    const [, , b, maskB] = run(simulator, 3, 0.5);
    const [, , c] = run(simulator, 4, 0.5);
    expect(b).toEqual(a);
    expect(maskB).toEqual(maskA);
    expect(c).not.toEqual(a);
  });

  it('is the identity at σ = 0', () => {
    const [x, , out] = run(build(type), 5, 0);
    expect(out).toEqual(x);
  });

  it('has a finite, non-zero gradient w.r.t. σ', () => {
    const simulator = build(type);
    const value = tf.tidy(() => {
      const base = input(6, tf.scalar(0));
      const loss = (sigma: tf.Tensor): tf.Scalar => {
        const result = simulator.simulate({ ...base, rng: createRng(6), sigma: sigma as tf.Scalar });
        return tf.sum(tf.square(tf.sub(result.clips, base.clips)));
      };
      return tf.grad(loss)(tf.scalar(0.5)).dataSync()[0] ?? NaN;
    });
    expect(Number.isFinite(value)).toBe(true);
    expect(Math.abs(value)).toBeGreaterThan(1e-6);
  });

  it('leaks no tensors', () => {
    const simulator = build(type);
    const sigma = tf.scalar(0.5);
    const given = input(8, sigma);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) {
      const result = simulator.simulate({ ...given, rng: createRng(i) });
      tf.dispose([result.clips, result.mask, result.target]);
    }
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([sigma, given.clips, given.masks]);
  });
});
