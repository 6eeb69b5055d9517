import { describe, expect, it } from 'vitest';
import { makeContext } from '../simulated-model';
import { staticOptions, staticSchedule } from './static';

describe('static', () => {
  it('gives the SDL σ 0.5 by default at every step', () => {
    const schedule = staticSchedule.create(staticOptions.parse({ type: 'static' }));
    expect([0, 50, 99, 1000].map((step) => schedule.next(makeContext({ step }), null).sigma)).toEqual([0.5, 0.5, 0.5, 0.5]);
    expect(schedule.enabled).toBe(true);
    expect(schedule.trainable).toBeUndefined();
  });

  it('accepts the closed ends 0 and 1 and rejects values outside [0, 1]', () => {
    expect(staticOptions.parse({ type: 'static', sigma: 1 }).sigma).toBe(1);
    expect(staticOptions.parse({ type: 'static', sigma: 0 }).sigma).toBe(0);
    expect(staticOptions.safeParse({ type: 'static', sigma: 1.5 }).error?.issues[0]?.message).toBe('must be a number in [0, 1], but got 1.5');
    expect(staticOptions.safeParse({ type: 'static', sigma: '0.5' }).error?.issues[0]?.message).toBe('must be a number in [0, 1], but got "0.5"');
  });
});
