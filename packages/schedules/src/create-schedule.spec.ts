import { describe, expect, it } from 'vitest';
import { createSchedule, describeSchedules, getScheduleSpec, scheduleTypes } from './create-schedule';
import { makeContext } from './simulated-model';

const known = 'learned, static, none, linear, cosine, exponential, step, cyclic, uniform-random, curriculum, adaptive';

describe('createSchedule', () => {
  it('creates a schedule from a config section with defaults filled', () => {
    expect(createSchedule({ type: 'static', sigma: 0.3 }).next(makeContext(), null).sigma).toBe(0.3);
    expect(createSchedule({ type: 'linear', end: 0.2 }).next(makeContext({ step: 99 }), null).sigma).toBeCloseTo(0.2, 12);
  });

  it('lists the known types for an unknown one (including inherited object keys)', () => {
    expect(() => createSchedule({ type: 'perlin' })).toThrow(`createSchedule(config.type): unknown schedule "perlin"; known: ${known}`);
    expect(() => createSchedule({ type: 'toString' })).toThrow(/unknown schedule "toString"/);
    expect(() => getScheduleSpec('sdl')).toThrow(`getScheduleSpec(type): unknown schedule "sdl"; known: ${known}`);
  });

  it('reports every option problem at once, one line each, with allowed keys for unknown ones', () => {
    expect(() => createSchedule({ type: 'linear', start: 2, warmupSteps: -1, steps: 10 })).toThrow(
      [
        'createSchedule(config.start): must be a number in [0, 1], but got 2',
        'createSchedule(config.warmupSteps): must be an integer >= 0, but got -1',
        'createSchedule(config.steps): unknown key; allowed: type, start, end, warmupSteps, warmupFraction, warmupFrom',
      ].join('\n'),
    );
  });
});

describe('describeSchedules', () => {
  it('gives every registered name once, in registry order, with a one-line description', () => {
    const described = describeSchedules();
    expect(described.map((entry) => entry.name).join(', ')).toBe(known);
    expect(scheduleTypes.join(', ')).toBe(known);
    expect(described.find((entry) => entry.name === 'static')?.description).toBe("fixed σ for the whole run (the paper's SDL ablation, default 0.5)");
  });
});
