export { createWorkerEngine, type WorkerEngine, type WorkerEngineOptions } from './worker-engine';
export type { SimulatorSource } from './worker-protocol';
export { createMicroBatchEngine } from './micro-batch-engine';
