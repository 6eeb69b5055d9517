export * from './loss';
export * from './loss-modes';
export * from './adam';
export * from './options';
export * from './records';
export * from './checkpoint';
export * from './step';
export { localEngine, runStep } from './run-step';
export { train } from './trainer';
export { createWeightedNoiseSimulator } from './weighted-noise';
export { createProgress } from './progress';
export { reconstructionErrors } from './infer';
//# sourceMappingURL=index.js.map