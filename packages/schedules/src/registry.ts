import { adaptiveSchedule } from './adaptive';
import { cosineSchedule } from './cosine';
import { curriculumSchedule } from './curriculum';
import { cyclicSchedule } from './cyclic';
import { exponentialSchedule } from './exponential';
import { learnedSchedule } from './learned';
import { linearSchedule } from './linear';
import { noneSchedule } from './none';
import { staticSchedule } from './static';
import { stepSchedule } from './step';
import { uniformRandomSchedule } from './uniform-random';

/** Every built-in schedule; key = YAML `type` = file name = spec `type`. Add a line to add one. */
export const scheduleRegistry = {
  learned: learnedSchedule,
  static: staticSchedule,
  none: noneSchedule,
  linear: linearSchedule,
  cosine: cosineSchedule,
  exponential: exponentialSchedule,
  step: stepSchedule,
  cyclic: cyclicSchedule,
  'uniform-random': uniformRandomSchedule,
  curriculum: curriculumSchedule,
  adaptive: adaptiveSchedule,
} as const;

/** A registered schedule name (a valid YAML `schedule.type`). */
export type ScheduleType = keyof typeof scheduleRegistry;
