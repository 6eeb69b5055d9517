import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '@vad/core';
import type { SimulateInput, Simulator } from '@vad/core';
import { checkSimulateResult } from '../src/check-result';
import { createDemoScene } from '../src/demo-scene';
import type { SimulatorSpec } from '../src/define-simulator';

/** What the contract needs of one simulator: its spec and a builder for a fresh instance (p = 1). */
export interface ContractSubject {
  readonly spec: SimulatorSpec;
  readonly build: () => Simulator;
}

const scene = createDemoScene({ height: 16, width: 16, channels: 3, seed: 7, frames: 24 });
const host = scene.batch([{ video: 'demo-0', frame: 10 }, { video: 'demo-1', frame: 12 }], 3);

function input(seed: number, sigma: tf.Scalar): SimulateInput {
  const clips = tf.tensor5d(host.clips, [...host.shape]); // [B,T,H,W,C]
  const masks = tf.tensor5d(host.masks ?? new Float32Array(0), [...host.shape.slice(0, 4), 1] as [number, number, number, number, number]); // [B,T,H,W,1]
  return { clips, masks, sigma, rng: createRng(seed), meta: host.meta, source: scene.source };
}

function run(simulator: Simulator, seed: number, sigmaValue: number) {
  return tf.tidy(() => {
    const given = input(seed, tf.scalar(sigmaValue));
    const result = simulator.simulate(given);
    checkSimulateResult(given, result, simulator.type);
    return [given.clips, given.masks, result.clips, result.mask, result.target].map((t) => t.arraySync());
  }) as [number[][][][][], number[][][][][], number[][][][][], number[][][][][], number[][][][]];
}

/**
 * The simulator contract, one suite for every simulator — the built-ins (simulators/src/contract.spec.ts)
 * and plugins loaded the way a config names them (experiments/src/plugins/example-plugin.spec.ts):
 * strict schema carrying its `type` first, shapes and a binary mask inside the object mask, changes only
 * under the mask, the normal middle frame as target, determinism under a seed, identity at σ = 0, a
 * finite non-zero dσ, no tensor leaks. `subject` may be async (a plugin is loaded in a beforeAll).
 */
export function describeSimulatorContract(title: string, subject: () => ContractSubject | Promise<ContractSubject>): void {
  describe(title, () => {
    let spec: SimulatorSpec;
    let build: () => Simulator;
    beforeAll(async () => {
      await tf.setBackend('cpu');
      ({ spec, build } = await subject());
    });

    it('has a strict schema whose defaults round-trip', () => {
      const defaults = spec.options.parse({ type: spec.type });
      expect(spec.options.parse(defaults)).toEqual(defaults);
      expect(spec.options.safeParse({ type: spec.type, notAnOption: 1 }).success).toBe(false);
      expect(Object.keys(defaults as object)[0]).toBe('type'); // one PluginSpec shape: the schema carries its `type` literal, first
      expect(spec.description.length).toBeGreaterThan(10);
    });

    it('keeps shapes, returns a binary non-empty mask inside the object mask, and changes only the mask', () => {
      const [x, objects, out, mask, target] = run(build(), 1, 0.7);
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
      const simulator = build();
      const [, , a, maskA] = run(simulator, 3, 0.5);
      const [, , b, maskB] = run(simulator, 3, 0.5);
      const [, , c] = run(simulator, 4, 0.5);
      expect(b).toEqual(a);
      expect(maskB).toEqual(maskA);
      expect(c).not.toEqual(a);
    });

    it('is the identity at σ = 0', () => {
      const [x, , out] = run(build(), 5, 0);
      expect(out).toEqual(x);
    });

    it('has a finite, non-zero gradient w.r.t. σ', () => {
      const simulator = build();
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
      const simulator = build();
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
}
