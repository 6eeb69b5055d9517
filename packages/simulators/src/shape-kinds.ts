import type { Rng } from '@vad/core';
import type { Point, Primitive } from './raster';

/** Procedural foreign objects (DDL paper §7.2 names shapes; nobody implemented them — our design). */
export const shapeKinds = ['polygon', 'ellipse', 'stick-figure', 'glyph'] as const;
export type ShapeKind = (typeof shapeKinds)[number];

function polygon(rng: Rng): Primitive[] {
  const corners = 3 + rng.int(5); // 3–7 corners, star-shaped around the centre so the outline is simple
  const angles = Array.from({ length: corners }, () => rng.uniform(0, 2 * Math.PI)).sort((a, b) => a - b);
  const points: Point[] = angles.map((angle) => {
    const radius = rng.uniform(0.5, 1);
    return [radius * Math.sin(angle), radius * Math.cos(angle)];
  });
  return [{ kind: 'polygon', points }];
}

function stickFigure(rng: Rng, stroke: number): Primitive[] {
  const hip: Point = [0.3, 0];
  const neck: Point = [-0.5, 0];
  const limb = (from: Point, angle: number, length: number): Primitive => ({
    kind: 'segment',
    from,
    to: [from[0] + length * Math.cos(angle), from[1] + length * Math.sin(angle)],
    width: stroke,
  });
  return [
    { kind: 'polygon', points: [[-1, -0.2], [-1, 0.2], [-0.6, 0.2], [-0.6, -0.2]] }, // head
    { kind: 'segment', from: neck, to: hip, width: stroke }, // body
    limb([-0.35, 0], rng.uniform(0.3, 1.4), 0.6), // arms
    limb([-0.35, 0], -rng.uniform(0.3, 1.4), 0.6),
    limb(hip, rng.uniform(0.1, 0.6), 0.75), // legs
    limb(hip, -rng.uniform(0.1, 0.6), 0.75),
  ];
}

function glyph(rng: Rng, stroke: number): Primitive[] {
  const point = (): Point => [rng.uniform(-0.9, 0.9), rng.uniform(-0.9, 0.9)];
  let last = point();
  return Array.from({ length: 2 + rng.int(3) }, () => {
    const next = point();
    const segment: Primitive = { kind: 'segment', from: last, to: next, width: stroke };
    last = rng.next() < 0.7 ? next : point(); // mostly connected strokes, sometimes a new one
    return segment;
  });
}

/**
 * The primitives of one random shape of `kind` in the unit box; `stroke` is the line width in local
 * units (for stick figures and glyphs).
 *
 * @example
 * shapePrimitives(createRng(1), 'ellipse', 0.2); // => [{ kind: 'ellipse', radiusV: 0.5…1, radiusU: 0.5…1 }]
 */
export function shapePrimitives(rng: Rng, kind: ShapeKind, stroke: number): Primitive[] {
  if (kind === 'polygon') return polygon(rng);
  if (kind === 'ellipse') return [{ kind: 'ellipse', radiusV: rng.uniform(0.5, 1), radiusU: rng.uniform(0.5, 1) }];
  if (kind === 'stick-figure') return stickFigure(rng, stroke);
  return glyph(rng, stroke);
}
