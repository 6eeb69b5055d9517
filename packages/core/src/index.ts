export * from './rng';
export * from './errors';
export * from './backend';
export * from './backend-capabilities';
export * from './ops/index';
export * from './models/index';
export * from './bench/index';
export * from './parallel/index';
export * from './train/index';
export type * from './contracts/data';
export type * from './contracts/simulator';
// The σ-schedule contract's one definition is @vad/contracts; core re-exports it (the trainer's inputs).
export type { JsonValue, ScheduleContext, ScheduleDecision, SigmaSchedule, StepObservation, TrainableSigma } from '@vad/contracts';
export type * from './contracts/model';
