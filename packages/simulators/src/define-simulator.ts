import type { Simulator } from '@vad/core';
import type { z } from 'zod';

/** What a spec's `create` may use besides its options: a way to build nested simulators (e.g. `mixture`). */
export interface CreateContext {
  /**
   * Builds a nested simulator from its `{ type, …options }` config; `path` is its dotted place in this
   * simulator's options (e.g. `components.0.simulator`), used in error messages.
   */
  build(config: unknown, path: string): Simulator;
}

/**
 * One simulator plugin: its YAML `type` (= file name = registry key), a one-line description, a strict
 * zod schema of its options with every default filled in (without `type`), and a factory.
 */
export interface SimulatorSpec<Schema extends z.ZodType = z.ZodType> {
  readonly type: string;
  readonly description: string;
  readonly options: Schema;
  create(options: z.output<Schema>, context: CreateContext): Simulator;
}

/**
 * Declares a simulator plugin; returns the spec unchanged (frozen) with its option types inferred.
 *
 * @example
 * export const simulator = defineSimulator({
 *   type: 'invert',
 *   description: 'Inverted pixels inside the mask',
 *   options: z.strictObject({ p: z.number().min(0).max(1).default(1) }),
 *   create: (options) => new Invert(options),
 * });
 * simulator.options.parse({}); // => { p: 1 }
 */
export function defineSimulator<Schema extends z.ZodType>(spec: SimulatorSpec<Schema>): SimulatorSpec<Schema> {
  return Object.freeze({ ...spec });
}
