import type { z } from 'zod';
import type { JsonValue, SigmaSchedule } from './types';

/**
 * One schedule plugin: its YAML `type` (= file name = registry key), a one-line description for
 * `vad list schedules`, a strict zod options schema (carrying its own `type` literal, with every
 * default) and a factory from parsed options to a {@link SigmaSchedule}.
 */
export interface ScheduleSpec<
  Type extends string = string,
  Options extends z.ZodObject = z.ZodObject,
  State extends JsonValue = JsonValue,
> {
  readonly type: Type;
  readonly description: string;
  readonly options: Options;
  create(options: z.output<Options>): SigmaSchedule<State>;
}

/**
 * Declares a schedule plugin; returns the spec frozen and fully typed (it only fixes the generics).
 *
 * @example
 * const half = defineSchedule({
 *   type: 'half',
 *   description: 'σ = 0.5 forever',
 *   options: z.strictObject({ type: z.literal('half') }),
 *   create: () => ({ type: 'half', enabled: true, initialState: () => null, next: () => ({ sigma: 0.5, state: null }) }),
 * });
 * half.create(half.options.parse({ type: 'half' })).next(context, null).sigma; // => 0.5
 */
export function defineSchedule<const Type extends string, Options extends z.ZodObject, State extends JsonValue>(
  spec: ScheduleSpec<Type, Options, State>,
): ScheduleSpec<Type, Options, State> {
  return Object.freeze(spec);
}

/** Clamps σ into [0, 1] (guards the last ulp of floating-point formulas). */
export function clampSigma(sigma: number): number {
  return Math.min(1, Math.max(0, sigma));
}
