/**
 * How the first and last (T−1)/2 frames of a video are handled when sliding a T-frame window:
 * `drop` leaves them unscored (the official DDL behaviour; labels are cut the same way),
 * `replicate` repeats the edge frames so every frame gets a score.
 */
export type EdgePolicy = 'drop' | 'replicate';
/** Half-width h = (T − 1) / 2 of an odd window; throws for even or non-positive T. */
export declare function windowRadius(frames: number): number;
/**
 * The T source-frame indices of the window centred on `target`, clamped to [0, length − 1]
 * (so edge frames repeat when the window sticks out of the video).
 *
 * @example
 * windowIndices(0, 3, 10); // => [0, 0, 1]
 * windowIndices(5, 5, 10); // => [3, 4, 5, 6, 7]
 */
export declare function windowIndices(target: number, frames: number, length: number): number[];
/**
 * Target frames that get a score under `edge`: all frames for `replicate`, frames h … length−1−h for `drop`.
 *
 * @example
 * scoredFrames(6, 3, 'drop');      // => [1, 2, 3, 4]
 * scoredFrames(3, 3, 'replicate'); // => [0, 1, 2]
 */
export declare function scoredFrames(length: number, frames: number, edge: EdgePolicy): number[];
/**
 * Target frames of full training windows (never padded), every `stride` frames from h.
 *
 * @example
 * trainTargets(10, 3, 4); // => [1, 5]   (windows 0–2 and 4–6; target 9 would need frame 10)
 * trainTargets(10, 3, 1).length; // => 8
 */
export declare function trainTargets(length: number, frames: number, stride: number): number[];
/**
 * Labels of the scored frames only, in order (the ground truth cut the same way as the scores).
 *
 * @example
 * scoredLabels(Uint8Array.of(1, 0, 0, 1, 1), 3, 'drop'); // => Uint8Array [0, 0, 1]
 */
export declare function scoredLabels(labels: ArrayLike<number>, frames: number, edge: EdgePolicy): Uint8Array;
