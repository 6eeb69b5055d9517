import { z } from 'zod';
import { defineSchedule } from '../define-schedule';
import { numberIn } from '../option-fields';

export const staticOptions = z.strictObject({
  type: z.literal('static'),
  sigma: numberIn(0, 1).default(0.5), // the paper's SDL ablation uses σ ≡ 0.5
});
export type StaticOptions = z.output<typeof staticOptions>;

/**
 * A fixed σ for the whole run (the paper's "SDL" ablation: static distinction learning).
 *
 * @example
 * staticSchedule.create(staticOptions.parse({ type: 'static' })).next(context, null).sigma; // => 0.5
 */
export const staticSchedule = defineSchedule({
  type: 'static',
  description: 'fixed σ for the whole run (the paper\'s SDL ablation, default 0.5)',
  options: staticOptions,
  create: (options: StaticOptions) => ({
    type: 'static',
    enabled: true,
    initialState: () => null,
    next: (_context, state: null) => ({ sigma: options.sigma, state }),
  }),
});
