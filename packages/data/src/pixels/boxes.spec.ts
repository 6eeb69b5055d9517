import { describe, expect, it } from 'vitest';
import { boxArea, boxIou, clipBox, normalisedToPixels, rasteriseBox, rasteriseSlice } from './boxes';

describe('boxes', () => {
  it('computes area and IoU by hand', () => {
    expect(boxArea({ x0: 0, y0: 0, x1: 4, y1: 2 })).toBe(8);
    expect(boxArea({ x0: 3, y0: 0, x1: 1, y1: 2 })).toBe(0);
    expect(boxIou({ x0: 0, y0: 0, x1: 4, y1: 4 }, { x0: 2, y0: 0, x1: 6, y1: 4 })).toBeCloseTo(8 / 24, 12);
    expect(boxIou({ x0: 0, y0: 0, x1: 2, y1: 2 }, { x0: 2, y0: 2, x1: 4, y1: 4 })).toBe(0);
    expect(boxIou({ x0: 1, y0: 1, x1: 1, y1: 1 }, { x0: 1, y0: 1, x1: 1, y1: 1 })).toBe(0);
  });

  it('scales normalised boxes like the official code (truncation)', () => {
    expect(normalisedToPixels([0.1, 0.25, 0.5, 0.99], 64, 32)).toEqual({ x0: 3, y0: 16, x1: 16, y1: 63 });
    expect(() => normalisedToPixels([0, 1], 4, 4)).toThrow(/must be 4 finite numbers, but got \[0, 1\]/);
    expect(clipBox({ x0: -2.4, y0: 1.6, x1: 9, y1: 3 }, 4, 5)).toEqual({ x0: 0, y0: 2, x1: 5, y1: 3 });
  });

  it('rasterises a half-open box into a plane at an offset, ignoring the outside', () => {
    const m = new Float32Array(2 + 12);
    expect(rasteriseBox({ x0: 1, y0: 1, x1: 3, y1: 9 }, 3, 4, m, 2)).toBe(4);
    expect(Array.from(m)).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 1, 1, 0]);
    const empty = new Uint8Array(4);
    expect(rasteriseBox({ x0: 5, y0: 0, x1: 7, y1: 2 }, 2, 2, empty)).toBe(0);
    expect(Array.from(empty)).toEqual([0, 0, 0, 0]);
  });

  it('rasteriseSlice follows numpy slicing like the official loader: negative corners count from the far edge', () => {
    const plane = (box: { x0: number; y0: number; x1: number; y1: number }): number[] => {
      const m = new Uint8Array(12); // [3, 4]
      rasteriseSlice(box, 3, 4, m);
      return Array.from(m);
    };
    expect(plane({ x0: 1, y0: 1, x1: 3, y1: 9 })).toEqual([0, 0, 0, 0, 0, 1, 1, 0, 0, 1, 1, 0]); // beyond the edge: cut
    expect(plane({ x0: -1, y0: 0, x1: 3, y1: 2 })).toEqual(new Array(12).fill(0)); // columns -1:3 = 3:3, empty
    expect(plane({ x0: -3, y0: -1, x1: -1, y1: 3 })).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0]); // rows 2:3, columns 1:3
    expect(plane({ x0: -9, y0: 0, x1: 2, y1: 1 })).toEqual([1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]); // far below −width clamps to 0
    expect(rasteriseSlice({ x0: -3, y0: -1, x1: -1, y1: 3 }, 3, 4, new Float32Array(12))).toBe(2);
  });
});
