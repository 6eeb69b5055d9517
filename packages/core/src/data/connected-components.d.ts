import type { Box } from './boxes';
/** One 8-connected blob of a binary mask: its bounding box (half-open, pixels) and pixel count. */
export interface Component {
    readonly box: Box;
    readonly area: number;
}
/**
 * Finds the 8-connected components of the non-zero pixels of a row-major [height, width] mask,
 * ordered by their first pixel in raster order.
 *
 * @example
 * // 1 1 0 0
 * // 0 0 0 1
 * connectedComponents(Uint8Array.of(1, 1, 0, 0, 0, 0, 0, 1), 2, 4);
 * // => [{box: {x0: 0, y0: 0, x1: 2, y1: 1}, area: 2}, {box: {x0: 3, y0: 1, x1: 4, y1: 2}, area: 1}]
 */
export declare function connectedComponents(mask: ArrayLike<number>, height: number, width: number): Component[];
