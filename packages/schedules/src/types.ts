/**
 * The σ-schedule contract. Its one definition is `packages/core/src/contracts/schedule.ts`, imported
 * here as TYPES only from the tfjs-free subpath `@vad/core/schedule-contract` (a file with no imports):
 * nothing of core is loaded at run time, so this package stays pure (no tfjs, no internal runtime import).
 */
export type {
  JsonValue,
  ScheduleContext,
  ScheduleDecision,
  SigmaSchedule,
  StepObservation,
  TrainableSigma,
} from '@vad/core/schedule-contract';
