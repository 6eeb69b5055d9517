import { describe, expect, it } from 'vitest';
import { cosineOptions, cosineSchedule } from './cosine';
import { makeContext } from '../simulated-model';

describe('cosine', () => {
  it.each([
    // 111 steps, 10 warm-up steps from 0, then 0.5 → 0.1 along half a cosine over steps 10..110
    [0, 0],
    [5, 0.25],
    [10, 0.5],
    [35, 0.1 + 0.4 * 0.8535533905932737], // progress 1/4: (1 + cos(π/4))/2
    [60, 0.3],
    [85, 0.1 + 0.4 * 0.14644660940672624], // progress 3/4: (1 + cos(3π/4))/2
    [110, 0.1],
    [1000, 0.1],
  ])('step %i → σ %f', (step, sigma) => {
    const schedule = cosineSchedule.create(cosineOptions.parse({ type: 'cosine', warmupSteps: 10 }));
    expect(schedule.next(makeContext({ step, totalSteps: 111 }), null).sigma).toBeCloseTo(sigma, 12);
  });
});
