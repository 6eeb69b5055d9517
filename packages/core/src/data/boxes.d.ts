/** Axis-aligned box in pixel units, half-open: columns x0 ≤ x < x1, rows y0 ≤ y < y1. */
export interface Box {
    readonly x0: number;
    readonly y0: number;
    readonly x1: number;
    readonly y1: number;
}
/** Area of a box (0 when empty or inverted). @example boxArea({x0: 0, y0: 0, x1: 4, y1: 2}) // => 8 */
export declare function boxArea(box: Box): number;
/**
 * Intersection over union of two boxes (0 when both are empty).
 *
 * @example
 * boxIou({x0: 0, y0: 0, x1: 4, y1: 4}, {x0: 2, y0: 0, x1: 6, y1: 4}); // => 8 / 24 = 0.333…
 */
export declare function boxIou(a: Box, b: Box): number;
/**
 * Converts a normalised box [x0, y0, x1, y1] ∈ [0, 1] to pixels the way the official DDL code does
 * (`(box * [W, H, W, H]).astype(int32)`: scale, then truncate toward zero).
 *
 * @example
 * normalisedToPixels([0.1, 0.25, 0.5, 0.99], 64, 32); // => {x0: 3, y0: 16, x1: 16, y1: 63}
 */
export declare function normalisedToPixels(box: readonly number[], height: number, width: number): Box;
/** Clips a box to the image [0, width) × [0, height), rounding its corners to whole pixels. */
export declare function clipBox(box: Box, height: number, width: number): Box;
/**
 * Sets the pixels of `box` to 1 in a row-major [height, width] plane stored at `offset` of `target`
 * (numpy slice semantics: out-of-range parts are ignored). Returns the number of pixels set.
 *
 * @example
 * const m = new Float32Array(12);                              // [3, 4]
 * rasteriseBox({x0: 1, y0: 1, x1: 3, y1: 9}, 3, 4, m);          // => 4; rows 1–2, columns 1–2
 */
export declare function rasteriseBox(box: Box, height: number, width: number, target: Float32Array | Uint8Array, offset?: number): number;
