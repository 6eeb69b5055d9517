import { describe, expect, it } from 'vitest';
import { curriculumOptions, curriculumSchedule, type CurriculumState } from './curriculum';
import { makeContext, observation, simulateRun, syntheticLDist } from '../simulated-model';

const create = (options: Record<string, unknown> = {}) =>
  curriculumSchedule.create(curriculumOptions.parse({ type: 'curriculum', ...options }));

describe('curriculum', () => {
  it('lowers σ by factor once the window mean is below threshold, and counts each observation once', () => {
    const schedule = create({ window: 2 });
    const history = [observation(0, 0.2), observation(1, 0.3)];
    const first = schedule.next(makeContext({ step: 2, history }), schedule.initialState());
    expect(first.sigma).toBeCloseTo(0.72, 12); // 0.9 · 0.8
    expect(first.state).toEqual({ sigma: first.sigma, level: 1, recent: [], seenUntil: 1 });
    // the same two observations again (the trainer's window still holds them) must not count twice
    expect(schedule.next(makeContext({ step: 3, history }), first.state)).toEqual({
      sigma: first.sigma,
      state: { ...first.state, recent: [] },
    });
  });

  it('holds while the window is not full or the mean is at or above threshold', () => {
    const schedule = create({ window: 3 });
    const partial = schedule.next(makeContext({ step: 2, history: [observation(0, 0.1), observation(1, 0.1)] }), schedule.initialState());
    expect(partial).toEqual({ sigma: 0.9, state: { sigma: 0.9, level: 0, recent: [0.1, 0.1], seenUntil: 1 } });
    const hard = schedule.next(
      makeContext({ step: 3, history: [observation(0, 0.5), observation(1, 0.5), observation(2, 0.5)] }),
      schedule.initialState(),
    );
    expect(hard.sigma).toBe(0.9);
  });

  it('never goes below floor', () => {
    const schedule = create({ window: 1, start: 0.1, floor: 0.09 });
    const state: CurriculumState = { sigma: 0.1, level: 0, recent: [], seenUntil: -1 };
    const lowered = schedule.next(makeContext({ step: 1, history: [observation(0, 0.01)] }), state);
    expect(lowered.sigma).toBe(0.09);
    expect(schedule.next(makeContext({ step: 2, history: [observation(1, 0.01)] }), lowered.state).sigma).toBe(0.09);
  });

  it('on a synthetic model, descends to the first σ it cannot master and stays there', () => {
    const { sigmas } = simulateRun(create(), { totalSteps: 2000, seed: 3 });
    for (let i = 1; i < sigmas.length; i++) expect(sigmas[i]).toBeLessThanOrEqual(sigmas[i - 1] ?? 1);
    const final = sigmas.at(-1) ?? Number.NaN;
    expect(new Set(sigmas.slice(-1000))).toEqual(new Set([final])); // settled: no change in the last half
    expect(syntheticLDist(final)).toBeGreaterThan(0.5); // this level is not mastered …
    expect(syntheticLDist(final / 0.8)).toBeLessThan(0.5); // … the previous one was
    expect(final).toBeCloseTo(0.9 * 0.8 ** 8, 12); // 0.151: eight levels down
  });
});
