import { z } from 'zod';

/** Short rendering of a rejected value for `but got …` (strings quoted, NaN/Infinity kept). */
function shown(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : Array.isArray(value) ? `array of length ${value.length}` : String(value);
}

/** A finite number with house-style messages (`must be …, but got …`). */
function finite(expected: string): z.ZodNumber {
  return z.number({ error: (issue) => `must be ${expected}, but got ${shown(issue.input)}` });
}

/**
 * A number in [lo, hi] (both inclusive), e.g. a σ value: `numberIn(0, 1)` accepts 0 and 1.
 *
 * @example
 * numberIn(0, 1).parse(0.25); // => 0.25
 * numberIn(0, 1).parse(2);    // throws "must be a number in [0, 1], but got 2"
 */
export function numberIn(lo: number, hi: number): z.ZodNumber {
  const expected = `a number in [${lo}, ${hi}]`;
  const error = (issue: { input?: unknown }): string => `must be ${expected}, but got ${shown(issue.input)}`;
  return finite(expected).min(lo, { error }).max(hi, { error });
}

/** A number strictly inside (0, 1), e.g. a σ that must have a finite logit. */
export function openUnit(): z.ZodNumber {
  const expected = 'a number in (0, 1)';
  const error = (issue: { input?: unknown }): string => `must be ${expected}, but got ${shown(issue.input)}`;
  return finite(expected).gt(0, { error }).lt(1, { error });
}

/** A number > 0. */
export function positive(): z.ZodNumber {
  const error = (issue: { input?: unknown }): string => `must be a positive number, but got ${shown(issue.input)}`;
  return finite('a positive number').gt(0, { error });
}

/** An integer ≥ min (default 1: a positive integer). */
export function integerAtLeast(min = 1): z.ZodNumber {
  const expected = min === 1 ? 'a positive integer' : `an integer >= ${min}`;
  const error = (issue: { input?: unknown }): string => `must be ${expected}, but got ${shown(issue.input)}`;
  return finite(expected).int({ error }).min(min, { error });
}
