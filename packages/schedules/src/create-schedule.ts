import { formatIssues } from '@vad/contracts';
import type { ScheduleSpec } from './define-schedule';
import { scheduleRegistry, type ScheduleType } from './registry';
import type { SigmaSchedule } from './types';

/** The registered schedule names, in registry order. */
export const scheduleTypes = Object.keys(scheduleRegistry) as ScheduleType[];

/**
 * The spec registered under `type`; `where` prefixes the error (the caller's name for the field).
 *
 * @throws Error `getScheduleSpec(type): unknown schedule "…"; known: learned, static, …`
 */
export function getScheduleSpec(type: string, where = 'getScheduleSpec(type)'): ScheduleSpec {
  if (!Object.hasOwn(scheduleRegistry, type)) {
    throw new Error(`${where}: unknown schedule ${JSON.stringify(type)}; known: ${scheduleTypes.join(', ')}`);
  }
  return scheduleRegistry[type as ScheduleType];
}

/**
 * Builds a schedule from a config section `{ type, …options }`: looks `type` up in the registry,
 * parses the whole section with that schedule's strict schema (defaults filled), then creates it.
 * Every option problem is reported at once, one line each, as `createSchedule(config.<path>): …`, worded
 * by the one formatter of `@vad/contracts` (as the config loader words them).
 *
 * @example
 * createSchedule({ type: 'static', sigma: 0.3 }).next(context, null).sigma; // => 0.3
 * createSchedule({ type: 'nope' }); // throws: createSchedule(config.type): unknown schedule "nope"; known: learned, static, …
 * @throws Error for an unknown type or invalid options (the experiments package rewraps it).
 */
export function createSchedule(config: { readonly type: string; readonly [option: string]: unknown }): SigmaSchedule {
  const spec = getScheduleSpec(config.type, 'createSchedule(config.type)');
  const parsed = spec.options.safeParse(config);
  if (!parsed.success) {
    const problems = formatIssues(['config'], spec.options, config, parsed.error.issues);
    throw new Error(problems.map((p) => `createSchedule(${p.path}): ${p.message}`).join('\n'));
  }
  return spec.create(parsed.data);
}

/**
 * Builds a schedule from a section ALREADY parsed by its spec's schema (the config loader does that):
 * no second validation, only the registry lookup.
 *
 * @example
 * buildSchedule(staticOptions.parse({ type: 'static' })).next(context, null).sigma; // => 0.5
 * @throws Error for an unknown type, as {@link getScheduleSpec}.
 */
export function buildSchedule(options: { readonly type: string; readonly [option: string]: unknown }): SigmaSchedule {
  const spec = getScheduleSpec(options.type, 'buildSchedule(options.type)');
  return (spec.create as (parsed: typeof options) => SigmaSchedule)(options);
}

/** Name and one-line description of every schedule, for `vad list schedules`. */
export function describeSchedules(): ReadonlyArray<{ readonly name: ScheduleType; readonly description: string }> {
  return scheduleTypes.map((name) => ({ name, description: scheduleRegistry[name].description }));
}
