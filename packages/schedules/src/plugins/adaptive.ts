import { z } from 'zod';
import { defineSchedule } from '../define-schedule';
import { freshObservations } from '../fresh-observations';
import { integerAtLeast, numberIn, openUnit, positive } from '../option-fields';

export const adaptiveOptions = z
  .strictObject({
    type: z.literal('adaptive'),
    initialSigma: numberIn(0, 1).default(0.5), // DDL's initial σ
    targetLow: positive().default(0.5), // mean L_dist below this: too easy, lower σ
    targetHigh: positive().default(0.7), // mean L_dist above this: no longer distinguished, raise σ
    interval: integerAtLeast(1).default(20), // observations at the current σ averaged per decision
    initialStep: positive().default(0.5), // first move, in ln σ (×e^0.5 ≈ ×1.65)
    growth: numberIn(1, 10).default(1.25), // step × this after two moves the same way
    decay: openUnit().default(0.5), // step × this after a reversal (bisection-like)
    minStep: positive().default(0.01), // smallest move in ln σ (≈ 1 %)
    maxStep: positive().default(1), // largest move in ln σ (×e)
    minSigma: openUnit().default(0.01), // σ stays in [minSigma, maxSigma]
    maxSigma: numberIn(0, 1).default(1),
  })
  .refine((options) => options.targetLow < options.targetHigh, {
    path: ['targetHigh'],
    error: (issue) => `must be > targetLow (${(issue.input as AdaptiveInput).targetLow}), but got ${(issue.input as AdaptiveInput).targetHigh}`,
  })
  .refine((options) => options.minStep <= options.initialStep && options.initialStep <= options.maxStep, {
    path: ['initialStep'],
    error: (issue) => {
      const { minStep, maxStep, initialStep } = issue.input as AdaptiveInput;
      return `must be in [minStep, maxStep] = [${minStep}, ${maxStep}], but got ${initialStep}`;
    },
  })
  .refine((options) => options.minSigma <= options.initialSigma && options.initialSigma <= options.maxSigma, {
    path: ['initialSigma'],
    error: (issue) => {
      const { minSigma, maxSigma, initialSigma } = issue.input as AdaptiveInput;
      return `must be in [minSigma, maxSigma] = [${minSigma}, ${maxSigma}], but got ${initialSigma}`;
    },
  });
export type AdaptiveOptions = z.output<typeof adaptiveOptions>;

/** The parsed fields the cross-field checks read. */
interface AdaptiveInput {
  readonly targetLow: number;
  readonly targetHigh: number;
  readonly initialStep: number;
  readonly minStep: number;
  readonly maxStep: number;
  readonly initialSigma: number;
  readonly minSigma: number;
  readonly maxSigma: number;
}

/** Everything the controller adapts; JSON, stored in checkpoints so resume is exact. */
export type AdaptiveState = {
  readonly sigma: number; // current σ
  readonly logStep: number; // size of the next move in ln σ
  readonly lastMove: -1 | 0 | 1; // direction of the previous σ change (0 before any)
  readonly sum: number; // Σ L_dist observed at the current σ since the last decision
  readonly count: number; // how many observations are in `sum`
  readonly seenUntil: number; // newest observation step already consumed (−1 before any)
};

/** One controller decision on a full measurement window; returns the new state. */
function decide(options: AdaptiveOptions, state: AdaptiveState): AdaptiveState {
  const mean = state.sum / state.count;
  const move = mean > options.targetHigh ? 1 : mean < options.targetLow ? -1 : 0;
  if (move === 0) return { ...state, sum: 0, count: 0 }; // inside the band: hold σ
  const logStep =
    state.lastMove === -move
      ? Math.max(options.minStep, state.logStep * options.decay)
      : state.lastMove === move
        ? Math.min(options.maxStep, state.logStep * options.growth)
        : state.logStep;
  const sigma = Math.min(options.maxSigma, Math.max(options.minSigma, state.sigma * Math.exp(move * logStep)));
  return { sigma, logStep, lastMove: move, sum: 0, count: 0, seenUntil: state.seenUntil };
}

/**
 * Feedback controller on σ that keeps the model's distinction loss L_dist (= P/N) inside the band
 * [targetLow, targetHigh], i.e. it searches for the smallest σ the model still distinguishes (the
 * paper's "sweet spot"). Every `interval` observations at the current σ it compares their mean
 * (the smoothing) with the band: above → σ ×e^step (anomaly too subtle), below → σ ×e^−step (too
 * easy), inside → hold. The band's width is the hysteresis; the step shrinks ×decay on every
 * reversal and grows ×growth on repeated moves, so σ converges on a stationary model and can
 * still follow one that improves.
 *
 * @example
 * // defaults: σ 0.5, band [0.5, 0.7], interval 20; 20 steps with L_dist 0.2 (too easy) → σ 0.5·e^−0.5
 * const s = adaptiveSchedule.create(adaptiveOptions.parse({ type: 'adaptive' }));
 * s.next({ ...context, step: 20, history: twentyObservationsOf(0.2) }, s.initialState()).sigma; // => 0.3033
 */
export const adaptiveSchedule = defineSchedule({
  type: 'adaptive',
  description: 'feedback controller: finds the smallest σ keeping mean L_dist inside [targetLow, targetHigh]',
  options: adaptiveOptions,
  create: (options: AdaptiveOptions) => ({
    type: 'adaptive',
    enabled: true,
    initialState: (): AdaptiveState => ({
      sigma: options.initialSigma,
      logStep: options.initialStep,
      lastMove: 0,
      sum: 0,
      count: 0,
      seenUntil: -1,
    }),
    next: (context, state: AdaptiveState) => {
      const fresh = freshObservations(context.history, state.seenUntil);
      const measured: AdaptiveState = {
        ...state,
        sum: fresh.lDists.reduce((sum, value) => sum + value, state.sum),
        count: state.count + fresh.lDists.length,
        seenUntil: fresh.seenUntil,
      };
      const decided = measured.count >= options.interval ? decide(options, measured) : measured;
      return { sigma: decided.sigma, state: decided };
    },
  }),
});
