import { simulatorRegistry } from './registry';

/** One line of `vad list simulators`. */
export interface SimulatorDescription {
  readonly name: string;
  readonly description: string;
}

/**
 * The built-in simulators with their one-line descriptions, in registry order.
 *
 * @example
 * describeSimulators()[0]; // => { name: 'weighted-noise', description: 'DDL weighted noise: …' }
 */
export function describeSimulators(): SimulatorDescription[] {
  return Object.entries(simulatorRegistry).map(([name, spec]) => ({ name, description: spec.description }));
}
