import { describe, expect, it } from 'vitest';
import { learnedOptions, learnedSchedule } from './learned';
import { makeContext } from '../simulated-model';

describe('learned', () => {
  it('declares DDL\'s trainable σ: init 0.5 (ℓ = 0), no bounds, lr multiplier 1', () => {
    const schedule = learnedSchedule.create(learnedOptions.parse({ type: 'learned' }));
    expect(schedule.enabled).toBe(true);
    expect(schedule.trainable).toEqual({ initialSigma: 0.5, lrMultiplier: 1 });
    expect(schedule.next(makeContext({ step: 3 }), null)).toEqual({ sigma: 0.5, state: null });
  });

  it('passes bounds and multiplier through', () => {
    const options = learnedOptions.parse({ type: 'learned', initialSigma: 0.3, bounds: [0.05, 0.95], lrMultiplier: 0.1 });
    expect(learnedSchedule.create(options).trainable).toEqual({ initialSigma: 0.3, bounds: [0.05, 0.95], lrMultiplier: 0.1 });
  });

  it.each([
    [{ initialSigma: 1 }, 'initialSigma', 'must be a number in (0, 1), but got 1'],
    [{ bounds: [0.6, 0.4] }, 'bounds', 'must be [min, max] with min < max, but got [0.6,0.4]'],
    [{ bounds: [0.1, 0.3] }, 'initialSigma', 'must lie inside bounds [0.1,0.3], but got 0.5'],
    [{ bounds: [0, 0.9] }, 'bounds.0', 'must be a number in (0, 1), but got 0'],
    [{ lrMultiplier: 0 }, 'lrMultiplier', 'must be a positive number, but got 0'],
  ])('rejects %j at %s', (options, path, message) => {
    const issues = learnedOptions.safeParse({ type: 'learned', ...options }).error?.issues ?? [];
    expect(issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([[path, message]]);
  });
});
