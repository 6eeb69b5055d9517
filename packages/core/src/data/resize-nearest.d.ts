/**
 * Nearest-neighbour resize of a row-major [height, width, channels] plane (pixel-centre sampling,
 * like `cv2.INTER_NEAREST_EXACT`); used for label masks, where interpolation would invent values.
 *
 * @example
 * resizeNearest(Uint8Array.of(1, 2, 3, 4), 2, 2, 1, 1, 4); // => [3, 3, 4, 4]  (row centre 0.5 → 1.0 picks row 1)
 */
export declare function resizeNearest<T extends Uint8Array | Float32Array>(src: T, height: number, width: number, channels: number, outHeight: number, outWidth: number): T;
