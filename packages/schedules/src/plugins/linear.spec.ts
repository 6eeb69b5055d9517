import { describe, expect, it } from 'vitest';
import { linearOptions, linearSchedule } from './linear';
import { makeContext } from '../simulated-model';

describe('linear', () => {
  it('defaults to 0.5 → 0.1 without warm-up', () => {
    expect(linearOptions.parse({ type: 'linear' })).toEqual({
      type: 'linear', start: 0.5, end: 0.1, warmupSteps: 0, warmupFraction: 0, warmupFrom: 0,
    });
  });

  it.each([
    // 111 steps, 10 warm-up steps from 0, then 0.5 → 0.1 over steps 10..110
    [0, 0],
    [10, 0.5],
    [35, 0.4],
    [60, 0.3],
    [110, 0.1],
    [111, 0.1],
    [1000, 0.1],
  ])('step %i → σ %f', (step, sigma) => {
    const schedule = linearSchedule.create(linearOptions.parse({ type: 'linear', warmupSteps: 10 }));
    const decision = schedule.next(makeContext({ step, totalSteps: 111 }), null);
    expect(decision.sigma).toBeCloseTo(sigma, 12);
    expect(decision.state).toBeNull();
  });

  it('can anneal upwards', () => {
    const schedule = linearSchedule.create(linearOptions.parse({ type: 'linear', start: 0.2, end: 0.8 }));
    expect([0, 50, 100].map((step) => schedule.next(makeContext({ step, totalSteps: 101 }), null).sigma)).toEqual([0.2, 0.5, 0.8]);
  });
});
