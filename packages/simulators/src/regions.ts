/** Axis-aligned box in pixels, [y0, y1) × [x0, x1). */
export interface Box {
  readonly y0: number;
  readonly x0: number;
  readonly y1: number;
  readonly x1: number;
}

/** Layout of a host mask or weight array [B, T, H, W, 1]. */
export interface Grid {
  readonly batch: number;
  readonly frames: number;
  readonly height: number;
  readonly width: number;
}

/**
 * Bounding box of the non-zero pixels of each frame of each sample of a mask [B, T, H, W, 1];
 * null for an empty frame.
 *
 * @example
 * // a 1×1×4×4 mask with ones at (1,2) and (2,2)
 * frameBoxes(mask, grid)[0][0]; // => { y0: 1, x0: 2, y1: 3, x1: 3 }
 */
export function frameBoxes(mask: ArrayLike<number>, grid: Grid): (Box | null)[][] {
  const { batch, frames, height, width } = grid;
  return Array.from({ length: batch }, (_, b) =>
    Array.from({ length: frames }, (_, t) => {
      let y0 = height;
      let x0 = width;
      let y1 = -1;
      let x1 = -1;
      const base = (b * frames + t) * height * width;
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          if ((mask[base + y * width + x] ?? 0) <= 0) continue;
          y0 = Math.min(y0, y);
          x0 = Math.min(x0, x);
          y1 = Math.max(y1, y);
          x1 = Math.max(x1, x);
        }
      }
      return y1 < 0 ? null : { y0, x0, y1: y1 + 1, x1: x1 + 1 };
    }),
  );
}

/** Smallest box holding all given boxes; null when all are null. */
export function unionBox(boxes: readonly (Box | null)[]): Box | null {
  const present = boxes.filter((box): box is Box => box !== null);
  if (present.length === 0) return null;
  return {
    y0: Math.min(...present.map((box) => box.y0)),
    x0: Math.min(...present.map((box) => box.x0)),
    y1: Math.max(...present.map((box) => box.y1)),
    x1: Math.max(...present.map((box) => box.x1)),
  };
}

/** Multiplies `weight` [B, T, H, W, 1] in place by the object mask (so the region stays inside it). */
export function restrictToMask(weight: Float32Array, mask: ArrayLike<number>): Float32Array {
  for (let i = 0; i < weight.length; i++) weight[i] = (weight[i] ?? 0) * ((mask[i] ?? 0) > 0 ? 1 : 0);
  return weight;
}

/** Zeroes every frame of the samples whose gate is 0 (they stay normal). */
export function applyGates(weight: Float32Array, gates: readonly number[], grid: Grid): Float32Array {
  const perSample = grid.frames * grid.height * grid.width;
  gates.forEach((gate, b) => {
    if (gate === 0) weight.fill(0, b * perSample, (b + 1) * perSample);
  });
  return weight;
}
