/**
 * How the first and last (T−1)/2 frames of a video are handled when sliding a T-frame window:
 * `drop` leaves them unscored (the official DDL behaviour; labels are cut the same way),
 * `replicate` repeats the edge frames so every frame gets a score.
 */
export type EdgePolicy = 'drop' | 'replicate';

/** Half-width h = (T − 1) / 2 of an odd window; throws for even or non-positive T. */
export function windowRadius(frames: number): number {
  if (!Number.isInteger(frames) || frames < 1 || frames % 2 === 0) {
    throw new Error(`windowRadius(frames) must be an odd positive integer, but got ${frames}`);
  }
  return (frames - 1) / 2;
}

/**
 * The T source-frame indices of the window centred on `target`, clamped to [0, length − 1]
 * (so edge frames repeat when the window sticks out of the video).
 *
 * @example
 * windowIndices(0, 3, 10); // => [0, 0, 1]
 * windowIndices(5, 5, 10); // => [3, 4, 5, 6, 7]
 */
export function windowIndices(target: number, frames: number, length: number): number[] {
  const h = windowRadius(frames);
  if (!Number.isInteger(target) || target < 0 || target >= length) {
    throw new Error(`windowIndices(target) must be an integer in [0, ${length - 1}], but got ${target}`);
  }
  const out: number[] = [];
  for (let k = -h; k <= h; k++) out.push(Math.min(length - 1, Math.max(0, target + k)));
  return out;
}

/**
 * Target frames that get a score under `edge`: all frames for `replicate`, frames h … length−1−h for `drop`.
 *
 * @example
 * scoredFrames(6, 3, 'drop');      // => [1, 2, 3, 4]
 * scoredFrames(3, 3, 'replicate'); // => [0, 1, 2]
 */
export function scoredFrames(length: number, frames: number, edge: EdgePolicy): number[] {
  const radius = windowRadius(frames);
  const h = edge === 'drop' ? radius : 0;
  const out: number[] = [];
  for (let i = h; i < length - h; i++) out.push(i);
  return out;
}

/**
 * Target frames of full training windows (never padded), every `stride` frames from h.
 *
 * @example
 * trainTargets(10, 3, 4); // => [1, 5]   (windows 0–2 and 4–6; target 9 would need frame 10)
 * trainTargets(10, 3, 1).length; // => 8
 */
export function trainTargets(length: number, frames: number, stride: number): number[] {
  const h = windowRadius(frames);
  if (!Number.isInteger(stride) || stride < 1) {
    throw new Error(`trainTargets(stride) must be a positive integer, but got ${stride}`);
  }
  const out: number[] = [];
  for (let i = h; i < length - h; i += stride) out.push(i);
  return out;
}

/**
 * Labels of the scored frames only, in order (the ground truth cut the same way as the scores).
 *
 * @example
 * scoredLabels(Uint8Array.of(1, 0, 0, 1, 1), 3, 'drop'); // => Uint8Array [0, 0, 1]
 */
export function scoredLabels(labels: ArrayLike<number>, frames: number, edge: EdgePolicy): Uint8Array {
  const idx = scoredFrames(labels.length, frames, edge);
  return Uint8Array.from(idx, (i) => (labels[i] ? 1 : 0));
}
