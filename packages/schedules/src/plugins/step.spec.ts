import { describe, expect, it } from 'vitest';
import { makeContext } from '../simulated-model';
import { stepOptions, stepSchedule } from './step';

function sigmaAt(options: Record<string, unknown>, step: number, totalSteps: number): number {
  return stepSchedule.create(stepOptions.parse({ type: 'step', ...options })).next(makeContext({ step, totalSteps }), null).sigma;
}

describe('step', () => {
  it.each([
    // every 10 steps ×0.5 from 0.5, floor 0.1; 10 warm-up steps from 0; 111 steps
    [0, 0],
    [5, 0.25],
    [10, 0.5], // end of warm-up
    [19, 0.5],
    [20, 0.25], // first milestone
    [30, 0.125],
    [40, 0.1], // 0.0625 floored at end
    [110, 0.1],
    [1000, 0.1],
  ])('every: step %i → σ %f', (step, sigma) => {
    expect(sigmaAt({ every: 10, warmupSteps: 10 }, step, 111)).toBeCloseTo(sigma, 12);
  });

  it.each([
    [0, 0.5],
    [79, 0.5],
    [80, 0.25], // default milestone at 80 % of the run, like the official learning-rate StepLR
    [100, 0.25],
    [1000, 0.25],
  ])('default milestone: step %i → σ %f', (step, sigma) => {
    expect(sigmaAt({}, step, 101)).toBe(sigma);
  });

  it('goes up with factor > 1, capped at end', () => {
    const options = { start: 0.2, end: 0.6, factor: 2, milestones: [0.25, 0.5] };
    expect([0, 24, 25, 49, 50, 100].map((step) => sigmaAt(options, step, 101))).toEqual([0.2, 0.2, 0.4, 0.4, 0.6, 0.6]);
  });

  it('stays at start with factor 1', () => {
    expect(sigmaAt({ factor: 1, every: 3 }, 50, 101)).toBe(0.5);
  });

  it('rejects milestones given two ways and an end on the wrong side', () => {
    const both = stepOptions.safeParse({ type: 'step', every: 5, milestones: [0.5] });
    expect(both.error?.issues.map((issue) => issue.message)).toEqual([
      'must be absent when every is set (give the milestones one way), but got both',
    ]);
    const wrongSide = stepOptions.safeParse({ type: 'step', factor: 2, end: 0.1 });
    expect(wrongSide.error?.issues.map((issue) => issue.message)).toEqual([
      'must be >= start (0.5) when factor is 2 (end bounds σ in the direction factor moves it), but got 0.1',
    ]);
  });
});
