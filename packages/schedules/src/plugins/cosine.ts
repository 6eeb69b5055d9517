import { z } from 'zod';
import { annealedSigma, annealFields, withSingleWarmup } from '../anneal';
import { defineSchedule } from '../define-schedule';

export const cosineOptions = withSingleWarmup(z.strictObject({ type: z.literal('cosine'), ...annealFields }));
export type CosineOptions = z.output<typeof cosineOptions>;

/**
 * σ follows half a cosine from `start` to `end`: σ = end + (start − end)·(1 + cos(π·progress))/2,
 * flat at both ends (progress as in {@link annealedSigma}).
 *
 * @example
 * const s = cosineSchedule.create(cosineOptions.parse({ type: 'cosine', start: 0.5, end: 0.1 }));
 * s.next({ ...context, step: 50, totalSteps: 101 }, null).sigma; // => 0.3 (half-way)
 * s.next({ ...context, step: 25, totalSteps: 101 }, null).sigma; // => 0.4414 (0.1 + 0.4·0.8536)
 */
export const cosineSchedule = defineSchedule({
  type: 'cosine',
  description: 'σ anneals from start to end along half a cosine (optional warm-up)',
  options: cosineOptions,
  create: (options: CosineOptions) => ({
    type: 'cosine',
    enabled: true,
    initialState: () => null,
    next: (context, state: null) => ({
      sigma: annealedSigma(
        context,
        options,
        (progress) => options.end + ((options.start - options.end) * (1 + Math.cos(Math.PI * progress))) / 2,
      ),
      state,
    }),
  }),
});
