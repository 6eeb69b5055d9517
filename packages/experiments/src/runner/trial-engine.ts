import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createWorkerEngine, type AnomalyModel, type SimulatorSource, type WorkerEngine } from '@vad/core';
import type { TrialConfig } from '../config/experiment-config';
import type { WorkerSimulatorOptions } from '../plugins/worker-simulator';

const here = import.meta.url;
/** The module the workers import to rebuild the simulator (same extension as this file: .ts from source). */
const simulatorModule = new URL(`../plugins/worker-simulator${extname(fileURLToPath(here))}`, here).href;

/**
 * Where a gradient worker rebuilds the simulator of `config` (a `simulator:` section): this package's
 * worker-simulator module, named here by the caller, so core imports no module of the packages above it.
 *
 * @example
 * workerSimulatorSource({ type: 'weighted-noise' }, process.cwd()); // => { module: 'file:///…/worker-simulator.ts', factory: 'createWorkerSimulator', options: … }
 */
export function workerSimulatorSource(config: unknown, baseDir: string): SimulatorSource {
  const options: WorkerSimulatorOptions = { config, baseDir };
  return { module: simulatorModule, factory: 'createWorkerSimulator', options };
}

/**
 * The data-parallel gradient engine of a trial with `trainer.threads` > 1 (null for 1: the exact
 * in-process step). Each worker rebuilds the model from `config.model` and the simulator from
 * `config.simulator` (plugins included, loaded from their path relative to `config.baseDir`).
 * The caller disposes it.
 *
 * @example
 * const engine = await createTrialEngine(config, model); // config.trainer.threads = 2 → 1 worker thread
 * try { await train({ …, ...(engine ? { engine } : {}) }); } finally { await engine?.dispose(); }
 */
export async function createTrialEngine(config: TrialConfig, model: AnomalyModel): Promise<WorkerEngine | null> {
  const threads = config.trainer.threads ?? 1;
  if (threads <= 1) return null;
  return createWorkerEngine(model, { threads, model: config.model, simulator: workerSimulatorSource(config.simulator, config.baseDir) });
}
