import { z } from 'zod';
import { clampSigma } from './define-schedule';
import { integerAtLeast, numberIn } from './option-fields';
import type { ScheduleContext } from './types';

/**
 * Options shared by the closed-form annealing schedules (linear, cosine, exponential, step).
 * Time is measured in optimiser steps (0-based `ctx.step`), so σ changes smoothly inside epochs.
 */
export const annealFields = {
  start: numberIn(0, 1).default(0.5), // σ when annealing begins (DDL's initial σ)
  end: numberIn(0, 1).default(0.1), // σ at the last step of the run and after it
  warmupSteps: integerAtLeast(0).default(0), // steps of linear ramp warmupFrom → start before annealing
  warmupFraction: numberIn(0, 1).default(0), // same, as a fraction of totalSteps (floored); exclusive with warmupSteps
  warmupFrom: numberIn(0, 1).default(0), // σ at step 0 when there is a warm-up (0 = no pseudo anomaly yet)
} as const;

/** The anneal fields after parsing (defaults filled). */
export interface AnnealOptions {
  readonly start: number;
  readonly end: number;
  readonly warmupSteps: number;
  readonly warmupFraction: number;
  readonly warmupFrom: number;
}

/** Adds the check "at most one way of giving the warm-up" to a schema built on {@link annealFields}. */
export function withSingleWarmup<Schema extends z.ZodObject & z.ZodType<AnnealOptions>>(schema: Schema): Schema {
  return schema.refine((options) => options.warmupSteps === 0 || options.warmupFraction === 0, { path: ['warmupFraction'], message: 'must be 0 when warmupSteps is set (give the warm-up one way), but got both' });
}

/** Number of warm-up steps for a run of `totalSteps`. */
export function warmupLength(options: AnnealOptions, totalSteps: number): number {
  return options.warmupSteps > 0 ? options.warmupSteps : Math.floor(options.warmupFraction * totalSteps);
}

/**
 * σ of an annealing schedule: a linear warm-up from `warmupFrom` to `start` over steps [0, W),
 * then `shape(progress)` with progress = (step − W) / (totalSteps − 1 − W) clamped to [0, 1]
 * (0 at the end of warm-up, 1 at the last step and beyond).
 *
 * @example
 * // linear 0.5 → 0.1 over 11 steps, 2 warm-up steps from 0:
 * const o = { start: 0.5, end: 0.1, warmupSteps: 2, warmupFraction: 0, warmupFrom: 0 };
 * const lin = (p: number) => 0.5 + (0.1 - 0.5) * p;
 * annealedSigma({ step: 1, totalSteps: 11 }, o, lin); // => 0.25 (half-way up the ramp)
 * annealedSigma({ step: 2, totalSteps: 11 }, o, lin); // => 0.5  (end of warm-up: start)
 * annealedSigma({ step: 10, totalSteps: 11 }, o, lin); // => 0.1 (last step: end)
 */
export function annealedSigma(
  context: Pick<ScheduleContext, 'step' | 'totalSteps'>,
  options: AnnealOptions,
  shape: (progress: number) => number,
): number {
  const warmup = warmupLength(options, context.totalSteps);
  if (context.step < warmup) {
    return clampSigma(options.warmupFrom + ((options.start - options.warmupFrom) * context.step) / warmup);
  }
  const span = context.totalSteps - 1 - warmup;
  const progress = span <= 0 ? 1 : Math.min(1, Math.max(0, (context.step - warmup) / span));
  return clampSigma(shape(progress));
}
