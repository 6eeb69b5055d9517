import { z } from 'zod';
import { defineSchedule } from '../define-schedule';
import { freshObservations } from '../fresh-observations';
import { integerAtLeast, numberIn, openUnit, positive } from '../option-fields';

export const curriculumOptions = z
  .strictObject({
    type: z.literal('curriculum'),
    start: numberIn(0, 1).default(0.9), // easy first: a strong, obvious pseudo anomaly
    factor: openUnit().default(0.8), // σ ← σ·factor each time the current level is mastered
    floor: numberIn(0, 1).default(0.05), // σ never goes below this
    threshold: positive().default(0.5), // level mastered when mean L_dist (P/N) over the window < this
    window: integerAtLeast(1).default(20), // observations at the current σ averaged before deciding
  })
  .refine((options) => options.floor <= options.start, {
    path: ['floor'],
    error: (issue) => {
      const { start, floor } = issue.input as { start: number; floor: number };
      return `must be <= start (${start}), but got ${floor}`;
    },
  });
export type CurriculumOptions = z.output<typeof curriculumOptions>;

/** Everything the curriculum adapts; JSON, stored in checkpoints. */
export type CurriculumState = {
  readonly sigma: number; // current σ
  readonly level: number; // how many times σ has been lowered
  readonly recent: readonly number[]; // last ≤ window finite L_dist values observed at this σ
  readonly seenUntil: number; // newest observation step already consumed (−1 before any)
};

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/**
 * Curriculum on σ: start easy (large σ) and make the pseudo anomaly subtler each time the model
 * masters the current one — when the mean L_dist of the last `window` observations at this σ is
 * below `threshold`, σ ← max(floor, σ·factor) and the window restarts. σ never rises.
 *
 * @example
 * // start 0.9, factor 0.8, window 2, threshold 0.5: two observations with L_dist 0.2 → σ 0.72
 * const s = curriculumSchedule.create(curriculumOptions.parse({ type: 'curriculum', window: 2 }));
 * s.next({ ...context, step: 2, history: [obs(0, 0.2), obs(1, 0.2)] }, s.initialState()).sigma; // => 0.72
 */
export const curriculumSchedule = defineSchedule({
  type: 'curriculum',
  description: 'starts with a large σ and multiplies it by factor whenever mean L_dist drops below threshold',
  options: curriculumOptions,
  create: (options: CurriculumOptions) => ({
    type: 'curriculum',
    enabled: true,
    initialState: (): CurriculumState => ({ sigma: options.start, level: 0, recent: [], seenUntil: -1 }),
    next: (context, state: CurriculumState) => {
      const fresh = freshObservations(context.history, state.seenUntil);
      const recent = [...state.recent, ...fresh.lDists].slice(-options.window);
      const mastered = recent.length >= options.window && mean(recent) < options.threshold;
      if (!mastered || state.sigma <= options.floor) {
        return { sigma: state.sigma, state: { ...state, recent, seenUntil: fresh.seenUntil } };
      }
      const sigma = Math.max(options.floor, state.sigma * options.factor);
      return { sigma, state: { sigma, level: state.level + 1, recent: [], seenUntil: fresh.seenUntil } };
    },
  }),
});
