/** A point in a shape's local frame, [v, u] = [down, right], both in [−1, 1] for the unit box. */
export type Point = readonly [number, number];

/** Drawing primitives in local coordinates. */
export type Primitive =
  | { readonly kind: 'polygon'; readonly points: readonly Point[] }
  | { readonly kind: 'ellipse'; readonly radiusV: number; readonly radiusU: number }
  | { readonly kind: 'segment'; readonly from: Point; readonly to: Point; readonly width: number };

/** Where a shape is drawn: centre (px), half-sizes (px) along its local axes, rotation (radians). */
export interface Placement {
  readonly cy: number;
  readonly cx: number;
  readonly halfHeight: number;
  readonly halfWidth: number;
  readonly angle: number;
}

function insidePolygon(points: readonly Point[], v: number, u: number): boolean {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [vi, ui] = points[i] ?? [0, 0];
    const [vj, uj] = points[j] ?? [0, 0];
    if (vi > v !== vj > v && u < ((uj - ui) * (v - vi)) / (vj - vi) + ui) inside = !inside;
  }
  return inside;
}

function segmentDistance(from: Point, to: Point, v: number, u: number): number {
  const [dv, du] = [to[0] - from[0], to[1] - from[1]];
  const length2 = dv * dv + du * du;
  const s = length2 === 0 ? 0 : Math.min(1, Math.max(0, ((v - from[0]) * dv + (u - from[1]) * du) / length2));
  return Math.hypot(v - from[0] - s * dv, u - from[1] - s * du);
}

/** True when local point (v, u) is covered by any primitive. */
export function covers(shape: readonly Primitive[], v: number, u: number): boolean {
  return shape.some((primitive) => {
    if (primitive.kind === 'polygon') return insidePolygon(primitive.points, v, u);
    if (primitive.kind === 'ellipse') return (v / primitive.radiusV) ** 2 + (u / primitive.radiusU) ** 2 <= 1;
    return segmentDistance(primitive.from, primitive.to, v, u) <= primitive.width / 2;
  });
}

/**
 * Rasterises `shape` at `placement` on an H×W grid (pixel centres), calling `visit(y, x, v, u)` for every
 * covered pixel with its local coordinates.
 *
 * @example
 * // a unit ellipse placed at (2, 2) with half-sizes 1.5 covers the 3×3 block around it on a 5×5 grid
 * rasterise([{ kind: 'ellipse', radiusV: 1, radiusU: 1 }], { cy: 2.5, cx: 2.5, halfHeight: 1.5, halfWidth: 1.5, angle: 0 }, 5, 5, visit);
 */
export function rasterise(
  shape: readonly Primitive[],
  placement: Placement,
  height: number,
  width: number,
  visit: (y: number, x: number, v: number, u: number) => void,
): void {
  const { cy, cx, halfHeight, halfWidth, angle } = placement;
  const reach = Math.ceil(Math.hypot(halfHeight, halfWidth)) + 1;
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  for (let y = Math.max(0, Math.floor(cy - reach)); y < Math.min(height, Math.ceil(cy + reach)); y++) {
    for (let x = Math.max(0, Math.floor(cx - reach)); x < Math.min(width, Math.ceil(cx + reach)); x++) {
      const [dy, dx] = [y + 0.5 - cy, x + 0.5 - cx];
      const v = (dy * cos - dx * sin) / halfHeight;
      const u = (dx * cos + dy * sin) / halfWidth;
      if (covers(shape, v, u)) visit(y, x, v, u);
    }
  }
}
