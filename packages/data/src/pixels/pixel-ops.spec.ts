import { describe, expect, it } from 'vitest';
import { connectedComponents } from './connected-components';
import { linkBoxes } from './link-boxes';
import { closeMask, dilate, erode, openMask } from './morphology';
import { resizeNearest } from './resize-nearest';
import { temporalMedian } from './temporal-median';

describe('morphology', () => {
  it('dilates and erodes with a square', () => {
    expect(Array.from(dilate(Uint8Array.of(0, 0, 1, 0, 0), 1, 5, 1))).toEqual([0, 1, 1, 1, 0]);
    expect(Array.from(erode(Uint8Array.of(0, 1, 1, 1, 0), 1, 5, 1))).toEqual([0, 0, 1, 0, 0]);
    expect(Array.from(erode(Uint8Array.of(1, 1, 1, 0), 1, 4, 1))).toEqual([1, 1, 0, 0]); // border ignored
    // 3x3 plane: a single pixel vanishes under opening; a one-pixel hole fills under closing
    expect(Array.from(openMask(Uint8Array.of(0, 0, 0, 0, 1, 0, 0, 0, 0), 3, 3, 1))).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0]);
    const ring = Uint8Array.of(1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1); // 4x4 with a hole at (1,1)
    expect(closeMask(ring, 4, 4, 1)[5]).toBe(1);
    expect(Array.from(closeMask(Uint8Array.of(0, 1, 0, 1, 0), 1, 5, 1))).toEqual([0, 1, 1, 1, 0]); // no growth to the border
    expect(() => dilate(Uint8Array.of(1), 2, 2, 1)).toThrow(/must have height×width = 4 entries, but got 1/);
  });
});

describe('connectedComponents', () => {
  it('labels 8-connected blobs with boxes and areas', () => {
    // 1 1 0 0 0
    // 0 0 1 0 1
    // 0 0 0 0 1
    const mask = Uint8Array.of(1, 1, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 1);
    expect(connectedComponents(mask, 3, 5)).toEqual([
      { box: { x0: 0, y0: 0, x1: 3, y1: 2 }, area: 3 },
      { box: { x0: 4, y0: 1, x1: 5, y1: 3 }, area: 2 },
    ]);
    expect(connectedComponents(new Uint8Array(4), 2, 2)).toEqual([]);
  });
});

describe('linkBoxes', () => {
  it('chains boxes across the window by IoU and drops broken tracks', () => {
    const a = { x0: 0, y0: 0, x1: 4, y1: 4 };
    const b = { x0: 1, y0: 0, x1: 5, y1: 4 }; // IoU(a, b) = 12/20
    const far = { x0: 10, y0: 10, x1: 12, y1: 12 };
    expect(linkBoxes([[a], [b, far], [far, b]], 0.5)).toEqual([[a, b, b]]);
    expect(linkBoxes([[a], [b], []], 0.5)).toEqual([]);
    expect(linkBoxes([[a], [b], [b]], 0.7)).toEqual([]);
  });
});

describe('resizeNearest and temporalMedian', () => {
  it('resamples masks by pixel centres', () => {
    expect(Array.from(resizeNearest(Uint8Array.of(1, 2, 3, 4), 2, 2, 1, 1, 4))).toEqual([3, 3, 4, 4]);
    expect(Array.from(resizeNearest(Uint8Array.of(1, 2, 3, 4), 1, 4, 1, 2, 2))).toEqual([2, 4, 2, 4]);
    expect(Array.from(resizeNearest(Float32Array.of(0.5, 1, 2, 3), 1, 2, 2, 2, 1))).toEqual([2, 3, 2, 3]);
  });

  it('takes the per-pixel (lower) median', () => {
    expect(Array.from(temporalMedian([Uint8Array.of(0, 9), Uint8Array.of(5, 1), Uint8Array.of(7, 3)]))).toEqual([5, 3]);
    expect(Array.from(temporalMedian([Uint8Array.of(4), Uint8Array.of(2)]))).toEqual([2]);
  });
});
