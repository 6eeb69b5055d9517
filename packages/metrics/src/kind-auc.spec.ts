import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate';
import { kindAucs, kindsLookup } from './kind-auc';
import { isMetricsError } from './metrics-error';
import type { ScoreRow } from './score-rows';

// One video: frames 0–2 normal (0.1, 0.2, 0.3); frame 3 'cart' (0.9), frame 4 'run' (0.15), frame 5 both (0.5).
// cart: {0.9, 0.5} above all three normal scores → 6/6 = 1; two runs (frames 3 and 5 are not adjacent).
// run: 0.15 beats one normal score, 0.5 all three → 4/6; one run of frames (4–5).
const rows: ScoreRow[] = [
  { video: 'v', frame: 0, score: 0.1, label: 0, kinds: [] },
  { video: 'v', frame: 1, score: 0.2, label: 0, kinds: [] },
  { video: 'v', frame: 2, score: 0.3, label: 0, kinds: [] },
  { video: 'v', frame: 3, score: 0.9, label: 1, kinds: ['cart'] },
  { video: 'v', frame: 4, score: 0.15, label: 1, kinds: ['run'] },
  { video: 'v', frame: 5, score: 0.5, label: 1, kinds: ['run', 'cart'] },
];

describe('kindAucs', () => {
  it('scores each kind against all normal frames, counting frames and runs', () => {
    expect(evaluate(rows).perKind).toEqual([
      { kind: 'cart', frames: 2, segments: 2, normalFrames: 3, auc: 1 },
      { kind: 'run', frames: 2, segments: 1, normalFrames: 3, auc: 4 / 6 },
    ]);
  });

  it('is empty for rows without kinds and leaves the headline untouched', () => {
    const plain = rows.map(({ kinds: _k, ...row }) => row);
    expect(evaluate(plain).perKind).toEqual([]);
    expect(evaluate(plain).aucMicro).toBe(evaluate(rows).aucMicro);
  });

  it('rejects kinds on a normal frame', () => {
    const bad = rows.map((row) => (row.frame === 1 ? { ...row, kinds: ['cart'] } : row));
    expect(() => evaluate(bad)).toThrow('evaluate(rows)[1].kinds must be empty on a normal frame (label 0), but got cart');
    const series = [{ video: 'v', scene: 'all', frames: Int32Array.of(0, 1), scores: Float64Array.of(0.1, 0.2), labels: Uint8Array.of(0, 1), unscored: 0 }];
    let error: unknown;
    try {
      kindAucs(series, () => ['cart']);
    } catch (e) {
      error = e;
    }
    expect(isMetricsError(error) && (error as Error).message).toBe('kindAucs: kinds must be empty on a normal frame, but got cart on video "v" frame 0');
  });

  it('looks kinds up by video and frame', () => {
    const kindsOf = kindsLookup(rows);
    expect([kindsOf('v', 5), kindsOf('v', 0), kindsOf('w', 5)]).toEqual([['run', 'cart'], [], []]);
  });
});
