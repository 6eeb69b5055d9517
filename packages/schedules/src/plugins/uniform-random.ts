import { z } from 'zod';
import { clampSigma, defineSchedule } from '../define-schedule';
import { numberIn } from '../option-fields';

export const uniformRandomOptions = z
  .strictObject({
    type: z.literal('uniform-random'),
    low: numberIn(0, 1).default(0.2), // anomalib's blend_factor range (0.2, 1.0)
    high: numberIn(0, 1).default(1), // exclusive upper end
  })
  .refine((options) => options.low <= options.high, {
    path: ['high'],
    error: (issue) => {
      const { low, high } = issue.input as { low: number; high: number };
      return `must be >= low (${low}), but got ${high}`;
    },
  });
export type UniformRandomOptions = z.output<typeof uniformRandomOptions>;

/**
 * A fresh σ for every batch, uniform in [low, high), drawn from the trainer's seeded `ctx.random`
 * (exactly one draw per call, so a run is reproducible from its seed).
 *
 * @example
 * const s = uniformRandomSchedule.create(uniformRandomOptions.parse({ type: 'uniform-random', low: 0.2, high: 0.6 }));
 * s.next({ ...context, random: () => 0.25 }, null).sigma; // => 0.3
 */
export const uniformRandomSchedule = defineSchedule({
  type: 'uniform-random',
  description: 'σ drawn per batch uniformly from [low, high) with the seeded RNG',
  options: uniformRandomOptions,
  create: (options: UniformRandomOptions) => ({
    type: 'uniform-random',
    enabled: true,
    initialState: () => null,
    next: (context, state: null) => ({ sigma: clampSigma(options.low + (options.high - options.low) * context.random()), state }),
  }),
});
