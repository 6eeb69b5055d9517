import type { Simulator } from '@vad/core';
import { createSimulatorFromConfig } from './load-simulator';

/** What a gradient worker needs to rebuild a trial's simulator: the `simulator:` section and the config's folder. */
export interface WorkerSimulatorOptions {
  readonly config: unknown;
  readonly baseDir: string;
}

/**
 * Builds a trial's simulator inside a data-parallel gradient worker, exactly as the main thread
 * does (built-ins from the registry, plugins imported from their module path or package). This is
 * the `factory` of the `SimulatorSource` the runner hands to `createWorkerEngine`.
 *
 * @example
 * await createWorkerSimulator({ config: { type: './scanline-glitch.ts', maxShift: 6 }, baseDir: 'examples/plugins' });
 */
export function createWorkerSimulator(options: WorkerSimulatorOptions): Promise<Simulator> {
  return createSimulatorFromConfig(options.config, options.baseDir);
}
