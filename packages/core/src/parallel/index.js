export { createWorkerEngine } from './worker-engine';
export { createMicroBatchEngine } from './micro-batch-engine';
//# sourceMappingURL=index.js.map