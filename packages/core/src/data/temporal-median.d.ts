/**
 * Per-pixel median over a set of equally sized uint8 frames — a background model for static cameras
 * (moving objects occupy a pixel in fewer than half the frames, so the median is the background).
 * For an even count it returns the lower median.
 *
 * @example
 * temporalMedian([Uint8Array.of(0, 9), Uint8Array.of(5, 1), Uint8Array.of(7, 3)]); // => [5, 3]
 */
export declare function temporalMedian(frames: readonly Uint8Array[]): Uint8Array;
