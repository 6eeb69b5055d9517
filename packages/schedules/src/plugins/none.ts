import { z } from 'zod';
import { defineSchedule } from '../define-schedule';

export const noneOptions = z.strictObject({ type: z.literal('none') });
export type NoneOptions = z.output<typeof noneOptions>;

/**
 * No pseudo anomalies: `enabled` is false, so the trainer trains plain reconstruction (the paper's
 * "without DDL" baseline). `next` still answers σ = 0 so that logs stay well-formed.
 *
 * @example
 * const s = noneSchedule.create({ type: 'none' });
 * s.enabled;                    // => false
 * s.next(context, null).sigma;  // => 0
 */
export const noneSchedule = defineSchedule({
  type: 'none',
  description: 'no pseudo anomalies: plain reconstruction baseline (the paper\'s "without DDL")',
  options: noneOptions,
  create: () => ({
    type: 'none',
    enabled: false,
    initialState: () => null,
    next: (_context, state: null) => ({ sigma: 0, state }),
  }),
});
