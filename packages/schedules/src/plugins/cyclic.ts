import { z } from 'zod';
import { clampSigma, defineSchedule } from '../define-schedule';
import { integerAtLeast, numberIn } from '../option-fields';

export const cyclicOptions = z
  .strictObject({
    type: z.literal('cyclic'),
    low: numberIn(0, 1).default(0.1), // σ at the start of every cycle
    high: numberIn(0, 1).default(0.5), // σ half-way through every cycle
    period: integerAtLeast(2).default(500), // steps per full cycle low → high → low
    shape: z.enum(['triangular', 'cosine']).default('triangular'), // straight ramps or a smooth cosine
  })
  .refine((options) => options.low <= options.high, {
    path: ['high'],
    error: (issue) => {
      const { low, high } = issue.input as { low: number; high: number };
      return `must be >= low (${low}), but got ${high}`;
    },
  });
export type CyclicOptions = z.output<typeof cyclicOptions>;

/** Position in the cycle → weight of `high`: 0 at the cycle start, 1 half-way. */
function cycleWeight(shape: CyclicOptions['shape'], phase: number): number {
  return shape === 'triangular' ? 1 - Math.abs(2 * phase - 1) : (1 - Math.cos(2 * Math.PI * phase)) / 2;
}

/**
 * σ cycles between `low` and `high` with a period in steps: σ = low + (high − low)·w(phase),
 * phase = (step mod period)/period, w triangular (1 − |2·phase − 1|) or cosine ((1 − cos 2π·phase)/2).
 *
 * @example
 * const s = cyclicSchedule.create(cyclicOptions.parse({ type: 'cyclic', low: 0.1, high: 0.5, period: 100 }));
 * s.next({ ...context, step: 25 }, null).sigma;  // => 0.3
 * s.next({ ...context, step: 50 }, null).sigma;  // => 0.5
 * s.next({ ...context, step: 100 }, null).sigma; // => 0.1 (next cycle)
 */
export const cyclicSchedule = defineSchedule({
  type: 'cyclic',
  description: 'σ cycles low → high → low with a period in steps (triangular or cosine)',
  options: cyclicOptions,
  create: (options: CyclicOptions) => ({
    type: 'cyclic',
    enabled: true,
    initialState: () => null,
    next: (context, state: null) => {
      const phase = (context.step % options.period) / options.period;
      return { sigma: clampSigma(options.low + (options.high - options.low) * cycleWeight(options.shape, phase)), state };
    },
  }),
});
