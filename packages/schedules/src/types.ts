/**
 * The σ-schedule contract. Its one definition is `@vad/contracts` (`packages/contracts/src/schedule.ts`),
 * the pure leaf package that the trainer (`@vad/core`) imports too; re-exported here so a schedule
 * author imports everything from `@vad/schedules`. Types only: nothing is loaded at run time.
 */
export type {
  JsonValue,
  ScheduleContext,
  ScheduleDecision,
  SigmaSchedule,
  StepObservation,
  TrainableSigma,
} from '@vad/contracts';
