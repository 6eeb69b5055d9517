import * as tf from '@tensorflow/tfjs';
import { z } from 'zod';
import { createRng } from '@vad/core';
import type { SimulateInput, SimulateResult, Simulator } from '@vad/core';
import { middleFrame, sampleGates } from '../blend';
import { defineSimulator } from '../define-simulator';

const component = z.strictObject({
  probability: z.number().min(0).max(1), // width of this component's interval in [0, 1)
  simulator: z.looseObject({ type: z.string() }), // { type, …options } of any simulator, checked by its own spec
});

export const mixtureOptions = z.strictObject({
  type: z.literal('mixture'), // = YAML `type` = registry key = file name
  components: z
    .array(component)
    .min(1)
    .default([
      { probability: 0.2, simulator: { type: 'random-patch' } }, // LNTRA README: patches with p = 0.2
      { probability: 0.2, simulator: { type: 'skipped-frames' } }, // LNTRA README: skip frames with p = 0.2
    ])
    .superRefine((components, ctx) => {
      const sum = components.reduce((total, entry) => total + entry.probability, 0);
      if (sum > 1 + 1e-9) ctx.addIssue({ code: 'custom', message: `must have probabilities summing to at most 1 (they sum to ${Number(sum.toFixed(6))})` });
    }),
  p: z.number().min(0).max(1).default(1), // per-sample probability of drawing from the mixture at all
});
export type MixtureOptions = z.output<typeof mixtureOptions>;

/**
 * Which component each sample uses: u ~ U[0, 1) falls in consecutive intervals of width
 * probability_k (mutually exclusive, LNTRA train.py); −1 = none (the remainder, or a gate of 0).
 *
 * @example
 * pickComponents([0.05, 0.5, 0.95], [1, 1, 1], [0.2, 0.5]); // => [0, 1, -1]
 */
export function pickComponents(draws: readonly number[], gates: readonly number[], probabilities: readonly number[]): number[] {
  return draws.map((u, i) => {
    if (gates[i] === 0) return -1;
    let upper = 0;
    for (let k = 0; k < probabilities.length; k++) {
      upper += probabilities[k] ?? 0;
      if (u < upper) return k;
    }
    return -1;
  });
}

/**
 * Mixture (LNTRA): one of several simulators per sample, by mutually exclusive probability intervals;
 * the remaining probability leaves the sample normal. Each component sees the whole batch with its own
 * forked stream; per sample, the chosen component's output (clip and mask) is kept.
 */
export class Mixture implements Simulator {
  readonly type = 'mixture';

  constructor(
    readonly options: MixtureOptions,
    private readonly children: readonly Simulator[],
  ) {}

  simulate(input: SimulateInput): SimulateResult {
    const b = input.clips.shape[0];
    const gates = sampleGates(input.rng, b, this.options.p);
    const draws = Array.from({ length: b }, () => input.rng.next());
    const chosen = pickComponents(draws, gates, this.options.components.map((entry) => entry.probability));
    const streams = this.children.map(() => createRng(input.rng.nextSeed())); // one per component, drawn even when unused
    const outputs = this.children.map((child, k) =>
      chosen.includes(k) ? child.simulate({ ...input, rng: streams[k] ?? input.rng }) : null,
    );
    const [clips, mask, target] = tf.tidy(() => {
      let clips: tf.Tensor = input.clips; // [B, T, H, W, C]
      let mask: tf.Tensor = tf.zerosLike(input.masks); // [B, T, H, W, 1]
      outputs.forEach((output, k) => {
        if (output === null) return;
        const picked = tf.tensor5d(chosen.map((index) => (index === k ? 1 : 0)), [b, 1, 1, 1, 1], 'bool');
        clips = tf.where(tf.broadcastTo(picked, clips.shape), output.clips, clips);
        mask = tf.where(tf.broadcastTo(picked, mask.shape), output.mask, mask);
      });
      return [tf.clone(clips), mask, middleFrame(input.clips)];
    });
    outputs.forEach((output) => output !== null && tf.dispose([output.clips, output.mask, output.target]));
    return { clips: clips as tf.Tensor5D, mask: mask as tf.Tensor5D, target: target as tf.Tensor4D };
  }
}

export const mixture = defineSimulator({
  type: 'mixture',
  description: 'One of several simulators per sample by probability intervals; the rest stay normal (LNTRA)',
  options: mixtureOptions,
  create: (options, context) =>
    new Mixture(
      options,
      options.components.map((entry, k) => context.build(entry.simulator, `components.${k}.simulator`)),
    ),
});
