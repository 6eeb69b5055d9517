import { describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import { createSchedule } from './create-schedule';
import { scheduleRegistry, type ScheduleType } from './registry';
import { makeContext, observation, seededRandom, simulateRun } from './simulated-model';
import type { JsonValue } from './types';

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

const entries = Object.entries(scheduleRegistry) as Array<[ScheduleType, (typeof scheduleRegistry)[ScheduleType]]>;
const run = { totalSteps: 300, stepsPerEpoch: 30, seed: 21 };

describe.each(entries)('schedule registry contract: %s', (key, spec) => {
  it('uses one name for key, spec type, schema literal and created schedule', () => {
    expect(spec.type).toBe(key);
    const options = spec.options.parse({ type: key });
    expect(options.type).toBe(key);
    expect(createSchedule({ type: key }).type).toBe(key);
    expect(spec.description).toMatch(/^[^\n]{10,100}$/);
  });

  it('parses { type } alone with every default filled, and its own output round-trips', () => {
    const options = spec.options.parse({ type: key });
    expect(spec.options.parse(JSON.parse(JSON.stringify(options)))).toEqual(options);
    const fields: Record<string, ZodType> = spec.options.shape;
    const defaulted = Object.keys(fields).filter((field) => field === 'type' || fields[field]?.safeParse(undefined).data !== undefined);
    expect(Object.keys(options).sort()).toEqual(defaulted.sort());
  });

  it('rejects unknown keys', () => {
    expect(spec.options.safeParse({ type: key, bogus: 1 }).error?.issues.map((issue) => issue.code)).toEqual(['unrecognized_keys']);
  });

  it('keeps σ finite and in [0, 1] over a whole run and past its end', () => {
    const schedule = createSchedule({ type: key });
    const { sigmas } = simulateRun(schedule, { ...run, totalSteps: run.totalSteps });
    const late = schedule.next(makeContext({ step: 10 * run.totalSteps, totalSteps: run.totalSteps, random: seededRandom(1) }), schedule.initialState());
    for (const sigma of [...sigmas, late.sigma]) {
      expect(Number.isFinite(sigma)).toBe(true);
      expect(sigma).toBeGreaterThanOrEqual(0);
      expect(sigma).toBeLessThanOrEqual(1);
    }
  });

  it('is pure: same inputs give the same output, inputs are not mutated, and state survives JSON', () => {
    const schedule = createSchedule({ type: key });
    const direct = simulateRun(schedule, run);
    expect(simulateRun(createSchedule({ type: key }), run)).toEqual(direct);
    expect(simulateRun(schedule, { ...run, roundTripState: true }).sigmas).toEqual(direct.sigmas);
    const midState = deepFreeze(direct.states[150] ?? null) as JsonValue;
    const history = deepFreeze([observation(148, 0.3), observation(149, 0.35)]);
    const call = () => schedule.next(makeContext({ step: 151, totalSteps: run.totalSteps, history, random: seededRandom(9) }), midState);
    expect(call()).toEqual(call());
    expect(JSON.parse(JSON.stringify(schedule.initialState()))).toEqual(schedule.initialState());
  });

  it('is enabled unless it is none, and trainable only when learned', () => {
    const schedule = createSchedule({ type: key });
    expect(schedule.enabled).toBe(key !== 'none');
    expect(schedule.trainable !== undefined).toBe(key === 'learned');
  });
});
