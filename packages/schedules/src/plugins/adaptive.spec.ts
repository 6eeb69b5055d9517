import { describe, expect, it } from 'vitest';
import { adaptiveOptions, adaptiveSchedule, type AdaptiveState } from './adaptive';
import { makeContext, observation, simulateRun, syntheticLDist } from '../simulated-model';

const create = (options: Record<string, unknown> = {}) => adaptiveSchedule.create(adaptiveOptions.parse({ type: 'adaptive', ...options }));
const constant = (from: number, count: number, lDist: number) => Array.from({ length: count }, (_, i) => observation(from + i, lDist));

describe('adaptive', () => {
  it('moves σ down after a too-easy window, then halves the step on a reversal', () => {
    const schedule = create({ interval: 4 });
    const easy = schedule.next(makeContext({ step: 4, history: constant(0, 4, 0.2) }), schedule.initialState());
    expect(easy.sigma).toBeCloseTo(0.5 * Math.exp(-0.5), 12); // 0.3033
    expect(easy.state).toEqual({ sigma: easy.sigma, logStep: 0.5, lastMove: -1, sum: 0, count: 0, seenUntil: 3 });
    const hard = schedule.next(makeContext({ step: 8, history: constant(4, 4, 0.9) }), easy.state);
    expect(hard.sigma).toBeCloseTo(0.5 * Math.exp(-0.5) * Math.exp(0.25), 12); // 0.3894
    expect(hard.state).toMatchObject({ logStep: 0.25, lastMove: 1 });
  });

  it('grows the step on repeated moves the same way, up to maxStep', () => {
    const schedule = create({ interval: 1, maxStep: 0.6 });
    let state: AdaptiveState = schedule.initialState();
    const steps: number[] = [];
    for (let step = 0; step < 3; step++) {
      state = schedule.next(makeContext({ step: step + 1, history: [observation(step, 0.1)] }), state).state;
      steps.push(state.logStep);
    }
    expect(steps).toEqual([0.5, 0.6, 0.6]); // 0.5, min(0.6, 0.625), min(0.6, 0.75)
  });

  it('holds inside the band and while a window is still filling', () => {
    const schedule = create({ interval: 4 });
    const filling = schedule.next(makeContext({ step: 3, history: constant(0, 3, 0.1) }), schedule.initialState());
    expect(filling.state).toMatchObject({ sigma: 0.5, sum: 0.30000000000000004, count: 3, seenUntil: 2 });
    const inBand = schedule.next(makeContext({ step: 4, history: constant(0, 4, 0.6) }), schedule.initialState());
    expect(inBand.state).toEqual({ sigma: 0.5, logStep: 0.5, lastMove: 0, sum: 0, count: 0, seenUntil: 3 });
  });

  it('clamps σ to [minSigma, maxSigma]', () => {
    const schedule = create({ interval: 1, initialSigma: 0.9, initialStep: 1 });
    expect(schedule.next(makeContext({ step: 1, history: [observation(0, 0.95)] }), schedule.initialState()).sigma).toBe(1);
    const low = create({ interval: 1, initialSigma: 0.02, minSigma: 0.015, initialStep: 1 });
    expect(low.next(makeContext({ step: 1, history: [observation(0, 0.1)] }), low.initialState()).sigma).toBe(0.015);
  });

  it.each([0.02, 0.5, 1])('from σ %f, converges into the band on a synthetic model and stops moving', (initialSigma) => {
    const { sigmas } = simulateRun(create({ initialSigma }), { totalSteps: 3000, seed: 11 });
    const final = sigmas.at(-1) ?? Number.NaN;
    expect(syntheticLDist(final)).toBeGreaterThanOrEqual(0.5);
    expect(syntheticLDist(final)).toBeLessThanOrEqual(0.7);
    expect(new Set(sigmas.slice(-1500))).toEqual(new Set([final])); // no oscillation in the second half
    const changes = sigmas.filter((sigma, i) => i > 0 && sigma !== sigmas[i - 1]).length;
    expect(changes).toBeLessThanOrEqual(10);
  });

  it('follows a model that improves (the sweet spot moves to a smaller σ)', () => {
    const totalSteps = 6000;
    const scale = (step: number): number => 0.3 - 0.2 * Math.min(1, step / 3000); // 0.3 → 0.1 over the first half
    const { sigmas } = simulateRun(create(), { totalSteps, scale, seed: 5, noise: 0.05 });
    const early = sigmas[600] ?? Number.NaN; // settled for scale ≈ 0.26
    const final = sigmas.at(-1) ?? Number.NaN;
    expect(final).toBeLessThan(early);
    expect(syntheticLDist(final, 0.1)).toBeGreaterThanOrEqual(0.5);
    expect(syntheticLDist(final, 0.1)).toBeLessThanOrEqual(0.7);
    expect(new Set(sigmas.slice(-1000))).toEqual(new Set([final]));
  });

  it('rejects an empty band and an initial step outside [minStep, maxStep]', () => {
    const issues = adaptiveOptions.safeParse({ type: 'adaptive', targetLow: 0.7, targetHigh: 0.5, initialStep: 2 }).error?.issues ?? [];
    expect(issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['targetHigh', 'must be > targetLow (0.7), but got 0.5'],
      ['initialStep', 'must be in [minStep, maxStep] = [0.01, 1], but got 2'],
    ]);
  });
});
