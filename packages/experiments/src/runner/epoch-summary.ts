import type { EpochSummary, StepRecord } from '@vad/core';

function mean(values: readonly (number | null)[]): number | null {
  const xs = values.filter((x): x is number => x !== null);
  return xs.length === 0 ? null : xs.reduce((a, x) => a + x, 0) / xs.length;
}

/**
 * The summary of an epoch that a resume split in two: the trainer's own summary covers only the steps
 * of this session, so the means (loss, L_recon, L_dist), σ, step counts and time are recomputed from
 * every step record of the epoch in steps.jsonl — exact when every step is logged (`logEvery` 1);
 * otherwise the trainer's summary is kept and `partial` says over how many steps it is.
 *
 * @example
 * // epoch 0 of 4 steps, resumed at step 2: records of steps 0–3 with losses 4, 2, 1, 1
 * wholeEpochSummary(summary, records).loss; // => 2 (not 1, the mean of the resumed steps 2–3)
 */
export function wholeEpochSummary(summary: EpochSummary, records: readonly StepRecord[], stepsPerEpoch: number): EpochSummary & { readonly partial?: string } {
  const epoch = records.filter((r) => r.epoch === summary.epoch);
  if (epoch.length !== stepsPerEpoch) return { ...summary, partial: `means over the ${summary.steps + summary.skipped} steps since the resume` };
  const trained = epoch.filter((r) => !r.skipped);
  return {
    ...summary,
    steps: trained.length,
    skipped: epoch.length - trained.length,
    loss: mean(trained.map((r) => r.loss)),
    lRecon: mean(trained.map((r) => r.lRecon)),
    lDist: mean(trained.map((r) => r.lDist)),
    sigma: trained.at(-1)?.sigma ?? summary.sigma,
    ms: epoch.reduce((sum, r) => sum + r.ms, 0),
  };
}
