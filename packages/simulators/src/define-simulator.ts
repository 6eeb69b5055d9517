import type { Simulator } from '@vad/core';
import { z } from 'zod';

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
 * zod schema of its section with every default filled in, carrying its own `type` literal (as model
 * and schedule specs do), and a factory.
 */
export interface SimulatorSpec<Schema extends z.ZodType = z.ZodType> {
  readonly type: string;
  readonly description: string;
  readonly options: Schema;
  create(options: z.output<Schema>, context: CreateContext): Simulator;
}

/**
 * The schema with a leading `type: z.literal(type)` key when it has none: plugins written before the
 * specs carried their `type` (an object schema without that key) keep working, with `type` first in
 * the key order so "allowed: type, …" messages read as before. Other schemas are returned unchanged.
 */
function withTypeKey<Schema extends z.ZodType>(type: string, schema: Schema): Schema {
  // Read the definition structurally: a plugin package may bring its own copy of zod (no instanceof).
  const def = (schema as unknown as { _zod?: { def?: z.core.$ZodObjectDef } })._zod?.def;
  if (def?.type !== 'object' || 'type' in def.shape) return schema;
  return new z.ZodObject({ ...def, shape: { type: z.literal(type), ...def.shape } }) as unknown as Schema;
}

/**
 * Declares a simulator plugin; returns the spec (frozen) with its option types inferred. A schema
 * without a `type` key gets `type: z.literal(spec.type)` prepended.
 *
 * @example
 * export const simulator = defineSimulator({
 *   type: 'invert',
 *   description: 'Inverted pixels inside the mask',
 *   options: z.strictObject({ type: z.literal('invert'), p: z.number().min(0).max(1).default(1) }),
 *   create: (options) => new Invert(options),
 * });
 * simulator.options.parse({ type: 'invert' }); // => { type: 'invert', p: 1 }
 */
export function defineSimulator<Schema extends z.ZodType>(spec: SimulatorSpec<Schema>): SimulatorSpec<Schema> {
  return Object.freeze({ ...spec, options: withTypeKey(spec.type, spec.options) });
}
