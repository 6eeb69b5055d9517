import { describe, expect, it } from 'vitest';
import { freshObservations } from './fresh-observations';
import { observation } from './simulated-model';

describe('freshObservations', () => {
  it('keeps finite L_dist newer than seenUntil and advances the mark past skipped ones', () => {
    const history = [observation(2, 0.1), observation(3, 0.4), observation(4, Number.NaN), observation(5, 0.6)];
    expect(freshObservations(history, 3)).toEqual({ lDists: [0.6], seenUntil: 5 });
    expect(freshObservations(history, -1)).toEqual({ lDists: [0.1, 0.4, 0.6], seenUntil: 5 });
  });

  it('returns nothing new for an empty or already-consumed history', () => {
    expect(freshObservations([], 7)).toEqual({ lDists: [], seenUntil: 7 });
    expect(freshObservations([observation(7, 0.3)], 7)).toEqual({ lDists: [], seenUntil: 7 });
  });
});
