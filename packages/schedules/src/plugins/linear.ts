import { z } from 'zod';
import { annealedSigma, annealFields, withSingleWarmup } from '../anneal';
import { defineSchedule } from '../define-schedule';

export const linearOptions = withSingleWarmup(z.strictObject({ type: z.literal('linear'), ...annealFields }));
export type LinearOptions = z.output<typeof linearOptions>;

/**
 * σ moves in a straight line from `start` to `end` over the run (after the optional warm-up).
 *
 * @example
 * const s = linearSchedule.create(linearOptions.parse({ type: 'linear', start: 0.5, end: 0.1 }));
 * s.next({ ...context, step: 50, totalSteps: 101 }, null).sigma; // => 0.3
 */
export const linearSchedule = defineSchedule({
  type: 'linear',
  description: 'σ anneals linearly from start to end over the run (optional warm-up)',
  options: linearOptions,
  create: (options: LinearOptions) => ({
    type: 'linear',
    enabled: true,
    initialState: () => null,
    next: (context, state: null) => ({
      sigma: annealedSigma(context, options, (progress) => options.start + (options.end - options.start) * progress),
      state,
    }),
  }),
});
