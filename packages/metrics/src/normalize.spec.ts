import { describe, expect, it } from 'vitest';
import { minMaxScale, runningMinMax, scoreRange } from './normalize';

describe('normalisation', () => {
  it('min–max scales and maps a constant input to 0', () => {
    expect(Array.from(minMaxScale([2, 4, 6], 2, 6))).toEqual([0, 0.5, 1]);
    expect(Array.from(minMaxScale([3, 3], 3, 3))).toEqual([0, 0]);
    expect(scoreRange([3, 1, 2])).toEqual({ min: 1, max: 3 });
  });

  it('running min–max uses only past and current frames', () => {
    expect(Array.from(runningMinMax([2, 4, 3, 6, 0]))).toEqual([0, 1, 0.5, 1, 0]);
    // changing a future frame does not change earlier outputs (causal)
    expect(Array.from(runningMinMax([2, 4, 3, 60, 0])).slice(0, 3)).toEqual([0, 1, 0.5]);
  });
});
