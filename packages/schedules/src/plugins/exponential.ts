import { z } from 'zod';
import { annealedSigma, annealFields, withSingleWarmup } from '../anneal';
import { defineSchedule } from '../define-schedule';

export const exponentialOptions = withSingleWarmup(z.strictObject({ type: z.literal('exponential'), ...annealFields })).refine(
  (options) => options.start > 0 && options.end > 0,
  {
    path: ['end'],
    error: (issue) => {
      const { start, end } = issue.input as { start: number; end: number };
      return `must be > 0 together with start (a geometric anneal cannot reach or leave 0), but got start ${start} and end ${end}`;
    },
  },
);
export type ExponentialOptions = z.output<typeof exponentialOptions>;

/**
 * σ moves geometrically from `start` to `end`: σ = start·(end/start)^progress, i.e. the same factor
 * per step (progress as in {@link annealedSigma}).
 *
 * @example
 * const s = exponentialSchedule.create(exponentialOptions.parse({ type: 'exponential', start: 0.4, end: 0.1 }));
 * s.next({ ...context, step: 50, totalSteps: 101 }, null).sigma; // => 0.2 (√(0.4·0.1))
 */
export const exponentialSchedule = defineSchedule({
  type: 'exponential',
  description: 'σ anneals geometrically from start to end (constant factor per step; optional warm-up)',
  options: exponentialOptions,
  create: (options: ExponentialOptions) => ({
    type: 'exponential',
    enabled: true,
    initialState: () => null,
    next: (context, state: null) => ({
      sigma: annealedSigma(context, options, (progress) => options.start * (options.end / options.start) ** progress),
      state,
    }),
  }),
});
