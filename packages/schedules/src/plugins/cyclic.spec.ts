import { describe, expect, it } from 'vitest';
import { cyclicOptions, cyclicSchedule } from './cyclic';
import { makeContext } from '../simulated-model';

function sigmaAt(options: Record<string, unknown>, step: number): number {
  return cyclicSchedule.create(cyclicOptions.parse({ type: 'cyclic', ...options })).next(makeContext({ step }), null).sigma;
}

describe('cyclic', () => {
  it.each([
    [0, 0.1], // cycle start: low
    [25, 0.3],
    [50, 0.5], // half-way: high
    [75, 0.3],
    [99, 0.1 + 0.4 * 0.02],
    [100, 0.1], // next cycle
    [125, 0.3],
  ])('triangular, period 100: step %i → σ %f', (step, sigma) => {
    expect(sigmaAt({ low: 0.1, high: 0.5, period: 100 }, step)).toBeCloseTo(sigma, 12);
  });

  it('cosine cycles meet triangular ones at the quarter points and differ in between', () => {
    const options = { low: 0.1, high: 0.5, period: 80, shape: 'cosine' };
    [0.1, 0.3, 0.5, 0.3, 0.1].forEach((sigma, quarter) => expect(sigmaAt(options, quarter * 20)).toBeCloseTo(sigma, 12));
    expect(sigmaAt(options, 10)).toBeCloseTo(0.1 + 0.4 * 0.14644660940672624, 12); // (1 − cos(π/4))/2
    expect(sigmaAt({ ...options, shape: 'triangular' }, 10)).toBeCloseTo(0.2, 12);
  });

  it('rejects high < low', () => {
    expect(cyclicOptions.safeParse({ type: 'cyclic', low: 0.6, high: 0.4 }).error?.issues[0]?.message).toBe('must be >= low (0.6), but got 0.4');
  });
});
