import type { Rng } from '@vad/core';
import { createNoiseField } from './noise-field';

export type Rgb = readonly [number, number, number];

/**
 * A walkway: a straight screen-space segment from (ax, ay) to (bx, by) in normalised image
 * coordinates (x, y ∈ [0, 1], endpoints off-screen left and right). `direction` 1 / −1 = one-way
 * (walkers go from a to b / b to a), 0 = both ways. `width` is the lateral half-width in body heights.
 */
export interface Lane {
  readonly ax: number;
  readonly ay: number;
  readonly bx: number;
  readonly by: number;
  readonly direction: -1 | 0 | 1;
  readonly width: number;
}

/** A camera: horizon, perspective, walkways, and the rendered static background [H, W, 3] in [0, 1]. */
export interface SceneLayout {
  readonly horizon: number; // normalised y of the vanishing line
  readonly nearHeight: number; // body height at the bottom edge, as a fraction of the image height
  readonly lanes: readonly Lane[];
  readonly groundTop: number; // walkable band: y in [groundTop, groundBottom]
  readonly groundBottom: number;
  readonly background: Float32Array; // [H, W, 3]
}

/** Body height (fraction of H) of someone standing with feet at normalised y: linear in y − horizon. */
export function bodyHeight(layout: SceneLayout, y: number): number {
  return (layout.nearHeight * Math.max(0.02, y - layout.horizon)) / (1 - layout.horizon);
}

/** Normalised y of a lane at normalised x. */
export function laneY(lane: Lane, x: number): number {
  return lane.ay + ((lane.by - lane.ay) * (x - lane.ax)) / (lane.bx - lane.ax);
}

/** Draws a random camera layout and renders its background at height × width. */
export function createSceneLayout(rng: Rng, height: number, width: number): SceneLayout {
  const horizon = rng.uniform(0.2, 0.32);
  const groundTop = horizon + 0.32 * (1 - horizon);
  const groundBottom = 0.96;
  const nearHeight = rng.uniform(0.26, 0.32);
  const count = 2 + rng.int(2);
  const lanes: Lane[] = [];
  for (let k = 0; k < count; k++) {
    const band = (k + rng.uniform(0.15, 0.85)) / count; // spread lanes over the walkable band
    const mid = groundTop + band * (groundBottom - groundTop);
    const slope = rng.uniform(-0.12, 0.12);
    lanes.push({
      ax: -0.15,
      ay: clamp(mid - slope * 0.65, groundTop, groundBottom),
      bx: 1.15,
      by: clamp(mid + slope * 0.65, groundTop, groundBottom),
      direction: k === 0 ? (rng.next() < 0.5 ? 1 : -1) : 0,
      width: rng.uniform(0.12, 0.22),
    });
  }
  const partial = { horizon, nearHeight, lanes, groundTop, groundBottom, background: new Float32Array(0) };
  return { ...partial, background: renderBackground(rng.fork('background'), partial, height, width) };
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

function renderBackground(rng: Rng, layout: SceneLayout, height: number, width: number): Float32Array {
  const noise = createNoiseField(rng.fork('noise'), 3);
  const grass: Rgb = [rng.uniform(0.25, 0.4), rng.uniform(0.42, 0.55), rng.uniform(0.2, 0.3)];
  const paving: Rgb = [rng.uniform(0.55, 0.7), rng.uniform(0.52, 0.65), rng.uniform(0.48, 0.6)];
  const facade: Rgb = [rng.uniform(0.45, 0.7), rng.uniform(0.4, 0.6), rng.uniform(0.35, 0.55)];
  const windows = { nx: 6 + rng.int(6), ny: 2 + rng.int(2), glass: rng.uniform(0.15, 0.3) };
  const posts = Array.from({ length: 2 + rng.int(3) }, () => rng.uniform(0.05, 0.95));
  const out = new Float32Array(height * width * 3);
  const s = 2; // supersampling per axis
  for (let py = 0; py < height; py++) {
    for (let px = 0; px < width; px++) {
      const acc = [0, 0, 0];
      for (let k = 0; k < s * s; k++) {
        const x = (px + ((k % s) + 0.5) / s) / width;
        const y = (py + (Math.floor(k / s) + 0.5) / s) / height;
        const c = shadeBackground(layout, x, y, { noise, grass, paving, facade, windows, posts });
        for (let ch = 0; ch < 3; ch++) acc[ch] = (acc[ch] as number) + (c[ch] as number) / (s * s);
      }
      out.set(acc, (py * width + px) * 3);
    }
  }
  return out;
}

interface Palette {
  noise: (x: number, y: number) => number;
  grass: Rgb;
  paving: Rgb;
  facade: Rgb;
  windows: { nx: number; ny: number; glass: number };
  posts: number[];
}

function shadeBackground(layout: SceneLayout, x: number, y: number, p: Palette): Rgb {
  const { horizon } = layout;
  if (y < horizon) {
    const wx = x * p.windows.nx;
    const wy = (y / horizon) * p.windows.ny;
    const inWindow = wx - Math.floor(wx) > 0.3 && wx - Math.floor(wx) < 0.75 && wy - Math.floor(wy) > 0.35 && wy - Math.floor(wy) < 0.8;
    const g = 0.85 + 0.3 * p.noise(x * 40, y * 6);
    return inWindow ? [p.windows.glass, p.windows.glass * 1.1, p.windows.glass * 1.25] : scale(p.facade, g);
  }
  const post = p.posts.find((px) => Math.abs(x - px) < 0.006 && y < horizon + 0.25 * (1 - horizon) && y > horizon * 0.6);
  if (post !== undefined) return [0.18, 0.18, 0.2];
  const depth = 1 / (y - horizon + 0.02); // perspective: ground coordinates shrink toward the horizon
  const gx = (x - 0.5) * depth;
  const onLane = layout.lanes.some((lane) => Math.abs(y - laneY(lane, x)) < lane.width * bodyHeight(layout, y) * 1.2);
  if (onLane) {
    const tx = gx * 3;
    const tz = depth * 1.5;
    const grout = tx - Math.floor(tx) < 0.08 || tz - Math.floor(tz) < 0.08;
    const tile = 0.92 + 0.16 * p.noise(Math.floor(tx) * 3.7, Math.floor(tz) * 2.3);
    return scale(p.paving, grout ? 0.8 : tile);
  }
  return scale(p.grass, 0.75 + 0.5 * p.noise(gx * 6, depth * 4));
}

function scale(c: Rgb, g: number): Rgb {
  return [Math.min(1, c[0] * g), Math.min(1, c[1] * g), Math.min(1, c[2] * g)];
}
