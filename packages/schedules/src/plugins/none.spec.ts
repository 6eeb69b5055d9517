import { describe, expect, it } from 'vitest';
import { noneOptions, noneSchedule } from './none';
import { makeContext } from '../simulated-model';

describe('none', () => {
  it('is disabled (plain reconstruction) and reports σ 0', () => {
    const schedule = noneSchedule.create(noneOptions.parse({ type: 'none' }));
    expect(schedule.enabled).toBe(false);
    expect(schedule.trainable).toBeUndefined();
    expect(schedule.next(makeContext({ step: 7 }), null)).toEqual({ sigma: 0, state: null });
  });

  it('takes no options', () => {
    expect(noneOptions.safeParse({ type: 'none', sigma: 0.5 }).error?.issues[0]?.code).toBe('unrecognized_keys');
  });
});
