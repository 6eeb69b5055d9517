import { describe, expect, it } from 'vitest';
import { annealedSigma, warmupLength } from './anneal';
import { linearOptions } from './plugins/linear';

const base = { start: 0.5, end: 0.1, warmupSteps: 0, warmupFraction: 0, warmupFrom: 0 };
const linear = (progress: number): number => 0.5 + (0.1 - 0.5) * progress;

describe('annealedSigma', () => {
  it.each([
    // [step, expected σ] for warmupSteps 10, warmupFrom 0, totalSteps 111 (anneal span 100 steps)
    [0, 0], // first warm-up step: warmupFrom
    [5, 0.25], // half-way up the ramp
    [9, 0.45],
    [10, 0.5], // end of warm-up: start
    [60, 0.3], // half-way through the anneal
    [110, 0.1], // last step: end
    [500, 0.1], // past the end: stays at end
  ])('warm-up 10 steps then linear: step %i → σ %f', (step, sigma) => {
    expect(annealedSigma({ step, totalSteps: 111 }, { ...base, warmupSteps: 10 }, linear)).toBeCloseTo(sigma, 12);
  });

  it('ramps from warmupFrom (not only 0)', () => {
    const options = { ...base, warmupSteps: 4, warmupFrom: 0.9 };
    expect([0, 1, 2, 3, 4].map((step) => annealedSigma({ step, totalSteps: 20 }, options, linear))).toEqual([0.9, 0.8, 0.7, 0.6, 0.5]);
  });

  it('turns warmupFraction into floor(fraction · totalSteps) steps', () => {
    expect(warmupLength({ ...base, warmupFraction: 0.1 }, 105)).toBe(10);
    expect(warmupLength({ ...base, warmupSteps: 3 }, 105)).toBe(3);
    expect(annealedSigma({ step: 10, totalSteps: 105 }, { ...base, warmupFraction: 0.1 }, linear)).toBe(0.5);
  });

  it('gives end when the run is no longer than the warm-up', () => {
    expect(annealedSigma({ step: 0, totalSteps: 1 }, base, linear)).toBeCloseTo(0.1, 12);
    expect(annealedSigma({ step: 5, totalSteps: 5 }, { ...base, warmupSteps: 5 }, linear)).toBeCloseTo(0.1, 12);
  });

  it('rejects a warm-up given two ways', () => {
    const result = linearOptions.safeParse({ type: 'linear', warmupSteps: 5, warmupFraction: 0.1 });
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['warmupFraction', 'must be 0 when warmupSteps is set (give the warm-up one way), but got both'],
    ]);
  });
});
