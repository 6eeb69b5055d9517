import { describe, expect, it } from 'vitest';
import { exponentialOptions, exponentialSchedule } from './exponential';
import { makeContext } from '../simulated-model';

describe('exponential', () => {
  it.each([
    // 112 steps, warm-up fraction 0.1 → floor(11.2) = 11 steps, then 0.4 → 0.1 geometrically over steps 11..111
    [0, 0],
    [11, 0.4],
    [36, 0.4 * 0.25 ** 0.25], // progress 1/4: 0.2828
    [61, 0.2], // progress 1/2: √(0.4 · 0.1)
    [111, 0.1],
    [1000, 0.1],
  ])('step %i → σ %f', (step, sigma) => {
    const schedule = exponentialSchedule.create(
      exponentialOptions.parse({ type: 'exponential', start: 0.4, end: 0.1, warmupFraction: 0.1 }),
    );
    expect(schedule.next(makeContext({ step, totalSteps: 112 }), null).sigma).toBeCloseTo(sigma, 12);
  });

  it('rejects an end of 0 (unreachable geometrically)', () => {
    const result = exponentialOptions.safeParse({ type: 'exponential', end: 0 });
    expect(result.error?.issues[0]?.message).toBe(
      'must be > 0 together with start (a geometric anneal cannot reach or leave 0), but got start 0.5 and end 0',
    );
  });
});
