import { z } from 'zod';
import { annealedSigma, annealFields, warmupLength, withSingleWarmup } from '../anneal';
import { defineSchedule } from '../define-schedule';
import { integerAtLeast, numberIn, positive } from '../option-fields';
import type { ScheduleContext } from '../types';

/** Milestone used when neither `every` nor `milestones` is given: the official code's StepLR at 80 %. */
const defaultMilestones = [0.8];

export const stepOptions = withSingleWarmup(
  z.strictObject({
    type: z.literal('step'),
    ...annealFields,
    factor: positive().default(0.5), // σ is multiplied by this at each milestone
    every: integerAtLeast(1).optional(), // a milestone every N steps after warm-up; exclusive with milestones
    milestones: z.array(numberIn(0, 1)).optional(), // fractions of the post-warm-up run; default [0.8]
  }),
)
  .refine((options) => options.every === undefined || options.milestones === undefined, {
    path: ['milestones'],
    message: 'must be absent when every is set (give the milestones one way), but got both',
  })
  .refine((options) => (options.factor < 1 ? options.end <= options.start : options.factor === 1 || options.end >= options.start), {
    path: ['end'],
    error: (issue) => {
      const { start, end, factor } = issue.input as StepBounds;
      return `must be ${factor < 1 ? '<=' : '>='} start (${start}) when factor is ${factor} (end bounds σ in the direction factor moves it), but got ${end}`;
    },
  });

interface StepBounds {
  readonly start: number;
  readonly end: number;
  readonly factor: number;
}
export type StepOptions = z.output<typeof stepOptions>;

/** Milestones passed at this step: k in σ = start·factor^k. */
function milestonesPassed(options: StepOptions, context: Pick<ScheduleContext, 'step' | 'totalSteps'>, progress: number): number {
  if (options.every !== undefined) {
    return Math.floor(Math.max(0, context.step - warmupLength(options, context.totalSteps)) / options.every);
  }
  return (options.milestones ?? defaultMilestones).filter((milestone) => progress >= milestone).length;
}

/**
 * Piecewise-constant σ: start·factor^k after k milestones, never past `end` (a floor when
 * factor < 1, a ceiling when factor > 1). Milestones come every `every` steps or at the given
 * fractions of the post-warm-up run (default [0.8], like the official code's learning-rate step).
 *
 * @example
 * const s = stepSchedule.create(stepOptions.parse({ type: 'step', start: 0.5, end: 0.1, every: 10 }));
 * s.next({ ...context, step: 9, totalSteps: 100 }, null).sigma;  // => 0.5
 * s.next({ ...context, step: 10, totalSteps: 100 }, null).sigma; // => 0.25
 * s.next({ ...context, step: 30, totalSteps: 100 }, null).sigma; // => 0.1 (0.0625 floored at end)
 */
export const stepSchedule = defineSchedule({
  type: 'step',
  description: 'σ = start·factor^k after k milestones (every N steps or at run fractions), bounded by end',
  options: stepOptions,
  create: (options: StepOptions) => ({
    type: 'step',
    enabled: true,
    initialState: () => null,
    next: (context, state: null) => ({
      sigma: annealedSigma(context, options, (progress) => {
        const sigma = options.start * options.factor ** milestonesPassed(options, context, progress);
        if (options.factor === 1) return sigma;
        return options.factor < 1 ? Math.max(options.end, sigma) : Math.min(options.end, sigma);
      }),
      state,
    }),
  }),
});
