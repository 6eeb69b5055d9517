import { adaptiveSchedule } from './plugins/adaptive';
import { cosineSchedule } from './plugins/cosine';
import { curriculumSchedule } from './plugins/curriculum';
import { cyclicSchedule } from './plugins/cyclic';
import { exponentialSchedule } from './plugins/exponential';
import { learnedSchedule } from './plugins/learned';
import { linearSchedule } from './plugins/linear';
import { noneSchedule } from './plugins/none';
import { staticSchedule } from './plugins/static';
import { stepSchedule } from './plugins/step';
import { uniformRandomSchedule } from './plugins/uniform-random';

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
