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
export function connectedComponents(mask: ArrayLike<number>, height: number, width: number): Component[] {
  if (mask.length !== height * width) {
    throw new Error(`connectedComponents(mask) must have ${height * width} entries, but got ${mask.length}`);
  }
  const seen = new Uint8Array(mask.length);
  const stack = new Int32Array(mask.length);
  const out: Component[] = [];
  for (let start = 0; start < mask.length; start++) {
    if (!mask[start] || seen[start]) continue;
    let top = 0;
    stack[top++] = start;
    seen[start] = 1;
    let area = 0;
    let x0 = width;
    let y0 = height;
    let x1 = 0;
    let y1 = 0;
    while (top > 0) {
      const p = stack[--top] as number;
      const py = Math.floor(p / width);
      const px = p - py * width;
      area++;
      x0 = Math.min(x0, px);
      x1 = Math.max(x1, px + 1);
      y0 = Math.min(y0, py);
      y1 = Math.max(y1, py + 1);
      for (let dy = -1; dy <= 1; dy++) {
        const ny = py + dy;
        if (ny < 0 || ny >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = px + dx;
          const q = ny * width + nx;
          if (nx < 0 || nx >= width || seen[q] || !mask[q]) continue;
          seen[q] = 1;
          stack[top++] = q;
        }
      }
    }
    out.push({ box: { x0, y0, x1, y1 }, area });
  }
  return out;
}
