import { describe, expect, it } from 'vitest';
import { makeContext, seededRandom } from '../simulated-model';
import { uniformRandomOptions, uniformRandomSchedule } from './uniform-random';

describe('uniform-random', () => {
  const schedule = uniformRandomSchedule.create(uniformRandomOptions.parse({ type: 'uniform-random', low: 0.2, high: 0.6 }));

  it('maps one draw u to low + (high − low)·u', () => {
    const expected = [
      [0, 0.2],
      [0.25, 0.3],
      [0.5, 0.4],
      [0.999, 0.5996],
    ] as const;
    for (const [u, sigma] of expected) expect(schedule.next(makeContext({ random: () => u }), null).sigma).toBeCloseTo(sigma, 12);
  });

  it('draws exactly once per call', () => {
    let draws = 0;
    const random = (): number => {
      draws += 1;
      return 0.5;
    };
    for (let step = 0; step < 5; step++) schedule.next(makeContext({ step, random }), null);
    expect(draws).toBe(5);
  });

  it('is reproducible from the seed and differs across seeds', () => {
    const run = (seed: number): number[] => {
      const random = seededRandom(seed);
      return Array.from({ length: 20 }, (_, step) => schedule.next(makeContext({ step, random }), null).sigma);
    };
    expect(run(1)).toEqual(run(1));
    expect(run(1)).not.toEqual(run(2));
    expect(run(1).every((sigma) => sigma >= 0.2 && sigma < 0.6)).toBe(true);
  });

  it('defaults to anomalib\'s blend range [0.2, 1)', () => {
    expect(uniformRandomOptions.parse({ type: 'uniform-random' })).toEqual({ type: 'uniform-random', low: 0.2, high: 1 });
  });
});
