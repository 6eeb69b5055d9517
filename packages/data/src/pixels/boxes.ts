/** Axis-aligned box in pixel units, half-open: columns x0 ≤ x < x1, rows y0 ≤ y < y1. */
export interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** Area of a box (0 when empty or inverted). @example boxArea({x0: 0, y0: 0, x1: 4, y1: 2}) // => 8 */
export function boxArea(box: Box): number {
  return Math.max(0, box.x1 - box.x0) * Math.max(0, box.y1 - box.y0);
}

/**
 * Intersection over union of two boxes (0 when both are empty).
 *
 * @example
 * boxIou({x0: 0, y0: 0, x1: 4, y1: 4}, {x0: 2, y0: 0, x1: 6, y1: 4}); // => 8 / 24 = 0.333…
 */
export function boxIou(a: Box, b: Box): number {
  const inter = boxArea({
    x0: Math.max(a.x0, b.x0),
    y0: Math.max(a.y0, b.y0),
    x1: Math.min(a.x1, b.x1),
    y1: Math.min(a.y1, b.y1),
  });
  const union = boxArea(a) + boxArea(b) - inter;
  return union > 0 ? inter / union : 0;
}

/**
 * Converts a normalised box [x0, y0, x1, y1] ∈ [0, 1] to pixels the way the official DDL code does
 * (`(box * [W, H, W, H]).astype(int32)`: scale, then truncate toward zero).
 *
 * @example
 * normalisedToPixels([0.1, 0.25, 0.5, 0.99], 64, 32); // => {x0: 3, y0: 16, x1: 16, y1: 63}
 */
export function normalisedToPixels(box: readonly number[], height: number, width: number): Box {
  if (box.length !== 4 || box.some((v) => !Number.isFinite(v))) {
    throw new Error(`normalisedToPixels(box) must be 4 finite numbers, but got [${box.join(', ')}]`);
  }
  const [x0, y0, x1, y1] = box as [number, number, number, number];
  return { x0: Math.trunc(x0 * width), y0: Math.trunc(y0 * height), x1: Math.trunc(x1 * width), y1: Math.trunc(y1 * height) };
}

/** Clips a box to the image [0, width) × [0, height), rounding its corners to whole pixels. */
export function clipBox(box: Box, height: number, width: number): Box {
  const clamp = (v: number, hi: number): number => Math.min(hi, Math.max(0, Math.round(v)));
  return { x0: clamp(box.x0, width), y0: clamp(box.y0, height), x1: clamp(box.x1, width), y1: clamp(box.y1, height) };
}

/**
 * Sets the pixels of `box` to 1 in a row-major [height, width] plane stored at `offset` of `target`
 * (the box is clipped to the frame: out-of-range parts are ignored). Returns the number of pixels set.
 * {@link rasteriseSlice} is the official loader's numpy-slice variant.
 *
 * @example
 * const m = new Float32Array(12);                              // [3, 4]
 * rasteriseBox({x0: 1, y0: 1, x1: 3, y1: 9}, 3, 4, m);          // => 4; rows 1–2, columns 1–2
 */
export function rasteriseBox(
  box: Box,
  height: number,
  width: number,
  target: Float32Array | Uint8Array,
  offset = 0,
): number {
  const { x0, y0, x1, y1 } = clipBox(box, height, width);
  for (let y = y0; y < y1; y++) target.fill(1, offset + y * width + x0, offset + y * width + x1);
  return Math.max(0, x1 - x0) * Math.max(0, y1 - y0);
}

/** Python slice bounds of `start:stop` on an axis of length n: a negative bound counts from the end, then both clamp to [0, n]. */
function sliceBounds(start: number, stop: number, n: number): [number, number] {
  const norm = (v: number): number => Math.min(n, Math.max(0, v < 0 ? v + n : v));
  return [norm(start), norm(stop)];
}

/**
 * Sets `target[y0:y1, x0:x1] = 1` with numpy's slice semantics, exactly as the official DDL loader
 * rasterises a tracked box (`masks[:, i, y_min:y_max, x_min:x_max] = 1` on int32-truncated corners): a
 * negative corner counts from the far edge, so a box starting left of the frame is usually empty and a
 * box entirely left/above it lands at the opposite edge. Returns the number of pixels set.
 *
 * @example
 * const m = new Float32Array(12);                                  // [3, 4]
 * rasteriseSlice({x0: -1, y0: 0, x1: 3, y1: 2}, 3, 4, m);           // => 0  (columns 3:3)
 * rasteriseSlice({x0: -2, y0: -1, x1: -1, y1: 3}, 3, 4, m);         // => 1  (row 2, column 2)
 */
export function rasteriseSlice(box: Box, height: number, width: number, target: Float32Array | Uint8Array, offset = 0): number {
  const [y0, y1] = sliceBounds(box.y0, box.y1, height);
  const [x0, x1] = sliceBounds(box.x0, box.x1, width);
  for (let y = y0; y < y1; y++) target.fill(1, offset + y * width + x0, offset + y * width + x1);
  return Math.max(0, x1 - x0) * Math.max(0, y1 - y0);
}
