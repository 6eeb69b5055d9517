import { z } from 'zod';
import { defineSchedule } from '../define-schedule';
import { openUnit, positive } from '../option-fields';

/** The parsed fields the cross-field checks read. */
interface LearnedInput {
  readonly initialSigma: number;
  readonly bounds?: readonly [number, number];
}

export const learnedOptions = z
  .strictObject({
    type: z.literal('learned'),
    initialSigma: openUnit().default(0.5), // σ = sigmoid(ℓ) with ℓ = 0 at init, as in DDL
    bounds: z.tuple([openUnit(), openUnit()]).optional(), // clamp [min, max] of σ after each update; none in DDL
    lrMultiplier: positive().default(1), // ℓ's learning rate = model learning rate × this (DDL: same Adam, 1)
  })
  .refine((options) => options.bounds === undefined || options.bounds[0] < options.bounds[1], {
    path: ['bounds'],
    error: (issue) => `must be [min, max] with min < max, but got ${JSON.stringify((issue.input as LearnedInput).bounds)}`,
  })
  .refine(
    (options) =>
      options.bounds === undefined ||
      options.bounds[0] >= options.bounds[1] || // reported by the check above
      (options.bounds[0] <= options.initialSigma && options.initialSigma <= options.bounds[1]),
    {
      path: ['initialSigma'],
      error: (issue) => {
        const { bounds, initialSigma } = issue.input as LearnedInput;
        return `must lie inside bounds ${JSON.stringify(bounds)}, but got ${initialSigma}`;
      },
    },
  );
export type LearnedOptions = z.output<typeof learnedOptions>;

/**
 * DDL's learned σ: the schedule only declares a trainable scalar (σ = sigmoid(ℓ)); the trainer owns
 * ℓ, optimises it with the model and does not consult `next` for σ. `next` answers the initial σ.
 *
 * @example
 * const s = learnedSchedule.create(learnedOptions.parse({ type: 'learned' }));
 * s.trainable; // => { initialSigma: 0.5, lrMultiplier: 1 }
 */
export const learnedSchedule = defineSchedule({
  type: 'learned',
  description: 'DDL: σ = sigmoid(ℓ) with ℓ trained jointly with the model (init σ 0.5)',
  options: learnedOptions,
  create: (options: LearnedOptions) => ({
    type: 'learned',
    enabled: true,
    trainable: {
      initialSigma: options.initialSigma,
      lrMultiplier: options.lrMultiplier,
      ...(options.bounds === undefined ? {} : { bounds: options.bounds }),
    },
    initialState: () => null,
    next: (_context, state: null) => ({ sigma: options.initialSigma, state }),
  }),
});
