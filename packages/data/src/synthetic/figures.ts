import type { NoiseField } from './noise-field';
import type { Rgb } from './scene-layout';

/**
 * A drawable shape in local body coordinates: u = horizontal offset (body heights, + = facing
 * direction), v = height above the ground contact point (body heights). `shade` returns the colour of
 * a point, or null outside the shape.
 */
export interface Figure {
  readonly bounds: { readonly u0: number; readonly u1: number; readonly v0: number; readonly v1: number };
  shade(u: number, v: number): Rgb | null;
}

/** Clothing and build of one walker. */
export interface Appearance {
  readonly shirt: Rgb;
  readonly trousers: Rgb;
  readonly skin: Rgb;
  readonly hair: Rgb;
  readonly stripes: number; // stripes per body height on the shirt, 0 = plain
  readonly build: number; // torso width factor, ~0.85–1.2
  readonly texture: NoiseField;
  readonly textureOffset: number;
}

function segmentDistance(u: number, v: number, au: number, av: number, bu: number, bv: number): number {
  const du = bu - au;
  const dv = bv - av;
  const t = Math.max(0, Math.min(1, ((u - au) * du + (v - av) * dv) / (du * du + dv * dv || 1)));
  return Math.hypot(u - au - t * du, v - av - t * dv);
}

function textured(a: Appearance, c: Rgb, u: number, v: number): Rgb {
  const g = 0.82 + 0.36 * a.texture(u * 12 + a.textureOffset, v * 12);
  return [Math.min(1, c[0] * g), Math.min(1, c[1] * g), Math.min(1, c[2] * g)];
}

function shadeHead(a: Appearance, u: number, v: number, cu: number, cv: number): Rgb | null {
  const d = Math.hypot(u - cu, v - cv);
  if (d > 0.075) return null;
  return v > cv + 0.025 || (u < cu - 0.04 && v > cv - 0.02) ? a.hair : a.skin;
}

/**
 * A walking (or standing) person: head, striped/textured shirt, swinging arms and legs.
 * `phase` is the gait phase in radians; `swing` the leg amplitude (0 = standing still).
 */
export function personFigure(a: Appearance, phase: number, swing: number, raise = 0): Figure {
  const w = 0.11 * a.build;
  const leg = swing * Math.sin(phase);
  return {
    bounds: { u0: -0.24, u1: 0.24, v0: 0, v1: 1 + raise },
    shade: (u, v0) => {
      const v = v0 - raise;
      const head = shadeHead(a, u, v, 0, 0.9);
      if (head !== null) return head;
      for (const s of [-1, 1]) {
        const arm = segmentDistance(u, v, s * w * 0.8, 0.8, s * w * 0.8 - 0.3 * Math.sin(s * leg * 0.8), 0.8 - 0.3 * Math.cos(leg * 0.8));
        if (arm < 0.03) return textured(a, a.shirt, u, v);
      }
      if (Math.abs(u) < w * (1 - 0.25 * Math.max(0, (v - 0.78) / 0.05)) && v > 0.46 && v < 0.83) {
        const stripe = a.stripes > 0 && Math.floor(v * a.stripes) % 2 === 1;
        return textured(a, stripe ? [a.shirt[0] * 0.6, a.shirt[1] * 0.6, a.shirt[2] * 0.6] : a.shirt, u, v);
      }
      for (const s of [-1, 1]) {
        const foot = segmentDistance(u, v, s * 0.03, 0.48, s * 0.03 + 0.46 * Math.sin(s * leg), 0.48 - 0.46 * Math.cos(leg));
        if (foot < 0.042) return textured(a, a.trousers, u, v);
      }
      return null;
    },
  };
}

/** A skater: a person gliding on a board (legs still, arms slightly out). */
export function skaterFigure(a: Appearance): Figure {
  const body = personFigure(a, Math.PI / 2, 0.12, 0.04);
  return {
    bounds: { u0: -0.26, u1: 0.26, v0: 0, v1: 1.04 },
    shade: (u, v) => (v < 0.035 && Math.abs(u) < 0.22 ? [0.12, 0.1, 0.1] : body.shade(u, v)),
  };
}

/** A cyclist: rider leaning over a two-wheeled frame; `phase` turns the pedals. */
export function cyclistFigure(a: Appearance, phase: number): Figure {
  const frame: Rgb = [0.15, 0.15, 0.18];
  const pedal = { u: 0.06 * Math.sin(phase), v: 0.2 + 0.06 * Math.cos(phase) };
  return {
    bounds: { u0: -0.36, u1: 0.36, v0: 0, v1: 1 },
    shade: (u, v) => {
      const head = shadeHead(a, u, v, 0.1, 0.88);
      if (head !== null) return head;
      if (segmentDistance(u, v, -0.02, 0.47, 0.08, 0.78) < 0.1 * a.build) return textured(a, a.shirt, u, v);
      if (segmentDistance(u, v, 0.08, 0.74, 0.2, 0.5) < 0.03) return textured(a, a.shirt, u, v);
      if (segmentDistance(u, v, -0.02, 0.47, pedal.u, pedal.v) < 0.045) return textured(a, a.trousers, u, v);
      for (const c of [-0.21, 0.21]) if (Math.abs(Math.hypot(u - c, v - 0.13) - 0.12) < 0.018) return frame;
      const bars = [
        [-0.21, 0.13, 0, 0.2],
        [0, 0.2, 0.21, 0.13],
        [0, 0.2, -0.04, 0.45],
        [-0.04, 0.42, 0.19, 0.48],
        [0.21, 0.13, 0.19, 0.5],
      ] as const;
      for (const [au, av, bu, bv] of bars) if (segmentDistance(u, v, au, av, bu, bv) < 0.016) return frame;
      return null;
    },
  };
}

/** A cart / small vehicle: coloured box body with a handle and wheels; `length` in body heights. */
export function cartFigure(colour: Rgb, length: number, texture: NoiseField): Figure {
  const half = length / 2;
  return {
    bounds: { u0: -half - 0.14, u1: half, v0: 0, v1: 0.72 },
    shade: (u, v) => {
      for (const c of [-half + 0.1, half - 0.1]) if (Math.hypot(u - c, v - 0.08) < 0.08) return [0.08, 0.08, 0.08];
      if (Math.abs(u) < half && v > 0.1 && v < 0.52) {
        const g = (v > 0.44 ? 0.65 : 1) * (0.9 + 0.2 * texture(u * 9, v * 9));
        return [Math.min(1, colour[0] * g), Math.min(1, colour[1] * g), Math.min(1, colour[2] * g)];
      }
      if (segmentDistance(u, v, -half, 0.45, -half - 0.12, 0.7) < 0.025) return [0.2, 0.2, 0.22];
      return null;
    },
  };
}

/** A foreign object (bag or box) of side `size` body heights. */
export function objectFigure(colour: Rgb, size: number): Figure {
  return {
    bounds: { u0: -size / 2, u1: size / 2, v0: 0, v1: size * 0.75 },
    shade: (u, v) => {
      if (Math.abs(u) >= size / 2 || v >= size * 0.75) return null;
      const strap = Math.abs(v - size * 0.55) < size * 0.06 || Math.abs(u) < size * 0.05;
      return strap ? [colour[0] * 0.55, colour[1] * 0.55, colour[2] * 0.55] : colour;
    },
  };
}
