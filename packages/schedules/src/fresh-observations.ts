import type { StepObservation } from './types';

/** L_dist values not yet consumed by a feedback schedule, and the new high-water mark. */
export interface FreshObservations {
  readonly lDists: readonly number[];
  readonly seenUntil: number;
}

/**
 * The finite L_dist values of observations newer than step `seenUntil`, oldest first. Feedback
 * schedules keep `seenUntil` in their state, so each observation counts exactly once however the
 * trainer sizes its history window; non-finite L_dist (e.g. a batch without any mask) is skipped.
 *
 * @example
 * const obs = (step: number, lDist: number) => ({ step, sigma: 0.5, lDist, p: lDist, n: 1, lRecon: 0 });
 * freshObservations([obs(3, 0.4), obs(4, NaN), obs(5, 0.6)], 3); // => { lDists: [0.6], seenUntil: 5 }
 */
export function freshObservations(history: readonly StepObservation[], seenUntil: number): FreshObservations {
  const lDists: number[] = [];
  let latest = seenUntil;
  for (const observation of history) {
    if (observation.step <= seenUntil) continue;
    latest = Math.max(latest, observation.step);
    if (Number.isFinite(observation.lDist)) lDists.push(observation.lDist);
  }
  return { lDists, seenUntil: latest };
}
