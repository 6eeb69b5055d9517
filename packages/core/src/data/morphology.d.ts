/**
 * Binary dilation of a row-major [height, width] mask by a (2r+1)×(2r+1) square (separable max filter).
 *
 * @example
 * dilate(Uint8Array.of(0, 0, 1, 0, 0), 1, 5, 1); // => [0, 1, 1, 1, 0]
 */
export declare function dilate(mask: Uint8Array, height: number, width: number, radius: number): Uint8Array;
/**
 * Binary erosion by a (2r+1)×(2r+1) square; pixels outside the image are ignored (as in OpenCV).
 *
 * @example
 * erode(Uint8Array.of(0, 1, 1, 1, 0), 1, 5, 1); // => [0, 0, 1, 0, 0]
 */
export declare function erode(mask: Uint8Array, height: number, width: number, radius: number): Uint8Array;
/** Opening (erode then dilate): removes specks smaller than the square. */
export declare function openMask(mask: Uint8Array, height: number, width: number, radius: number): Uint8Array;
/**
 * Closing (dilate then erode): fills holes and gaps smaller than the square. Computed on a zero-padded
 * copy, so objects near the border do not grow toward it (unlike a border-ignoring erosion).
 *
 * @example
 * closeMask(Uint8Array.of(0, 1, 0, 1, 0), 1, 5, 1); // => [0, 1, 1, 1, 0]
 */
export declare function closeMask(mask: Uint8Array, height: number, width: number, radius: number): Uint8Array;
