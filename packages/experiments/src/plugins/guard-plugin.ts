import { UserError, isUserError } from '@vad/core';
import type { SimulateInput, SimulateResult, Simulator } from '@vad/core';
import { checkSimulateResult, defineSimulator } from '@vad/simulators';
import type { SimulatorSpec } from '@vad/simulators';

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Throws a UserError naming `module` unless `value` looks like a spec made with `defineSimulator`. */
export function assertSimulatorSpec(value: unknown, module: string, exportsFound: readonly string[]): asserts value is SimulatorSpec {
  const spec = value as Partial<Record<keyof SimulatorSpec, unknown>> | undefined;
  const problems: string[] = [];
  if (value === undefined) {
    throw new UserError(
      `plugin ${module}: must export \`simulator\` (export const simulator = defineSimulator({...})), but got exports: ${exportsFound.join(', ') || 'none'}`,
    );
  }
  if (value === null || typeof value !== 'object') problems.push(`\`simulator\` must be an object, but got ${typeof value}`);
  else {
    if (typeof spec?.type !== 'string' || spec.type === '') problems.push('simulator.type must be a non-empty string');
    if (typeof spec?.description !== 'string') problems.push('simulator.description must be a string');
    if (typeof (spec?.options as { safeParse?: unknown } | undefined)?.safeParse !== 'function') problems.push('simulator.options must be a zod schema');
    if (typeof spec?.create !== 'function') problems.push('simulator.create must be a function');
  }
  if (problems.length > 0) throw new UserError(problems.map((problem) => `plugin ${module}: ${problem}`).join('\n'));
}

/** Wraps a plugin's simulator: errors and results that break the contract become UserErrors naming `module`. */
function guardSimulator(simulator: unknown, module: string): Simulator {
  const candidate = simulator as Partial<Simulator> | null;
  if (candidate === null || typeof candidate !== 'object' || typeof candidate.simulate !== 'function') {
    throw new UserError(`plugin ${module}: create() must return an object with a simulate() method, but got ${candidate === null ? 'null' : typeof candidate}`);
  }
  const type = typeof candidate.type === 'string' ? candidate.type : module;
  return {
    type,
    simulate(input: SimulateInput): SimulateResult {
      let result: unknown;
      try {
        result = candidate.simulate?.call(candidate, input);
      } catch (error) {
        if (isUserError(error)) throw error;
        throw new UserError(`plugin ${module}: simulate() threw: ${reason(error)}`);
      }
      try {
        checkSimulateResult(input, result, `plugin ${module}`);
      } catch (error) {
        const tensors = Object.values((result ?? {}) as Record<string, { dispose?: () => void }>);
        tensors.forEach((tensor) => tensor?.dispose?.());
        throw new UserError(reason(error));
      }
      return result;
    },
  };
}

/**
 * A copy of a plugin's spec whose `create` reports failures as UserErrors naming `module` and whose
 * simulators check every result against the contract (shapes, dtype, new tensors).
 */
export function guardSpec(spec: SimulatorSpec, module: string): SimulatorSpec {
  return defineSimulator({
    type: spec.type,
    description: spec.description,
    options: spec.options,
    create: (options, context) => {
      let simulator: unknown;
      try {
        simulator = spec.create(options, context);
      } catch (error) {
        if (isUserError(error)) throw error;
        throw new UserError(`plugin ${module}: create(options) threw: ${reason(error)}`);
      }
      return guardSimulator(simulator, module);
    },
  });
}
