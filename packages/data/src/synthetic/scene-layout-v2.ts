import type { Rng } from '@vad/core';
import { createNoiseField } from './noise-field';
import { bodyHeight, laneY, type Lane, type Rgb, type SceneLayout } from './scene-layout';

/** A version-2 camera view: the layout (background cropped to H × W) and the background with `pad` extra pixels per side. */
export interface Backdrop {
  readonly layout: SceneLayout;
  /** [(H + 2·pad), (W + 2·pad), 3] in [0, 1]; the layout's background is its centre. */
  readonly padded: Float32Array;
  readonly pad: number;
}

interface Panel {
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly shade: number;
}

interface Palette {
  readonly noise: (x: number, y: number) => number;
  readonly wall: Rgb;
  readonly panels: readonly Panel[];
  readonly grass: Rgb;
  readonly paving: Rgb;
}

const smoothstep = (a: number, b: number, x: number): number => {
  const t = Math.min(1, Math.max(0, (x - a) / (b - a)));
  return t * t * (3 - 2 * t);
};
const mix = (a: Rgb, b: Rgb, t: number): Rgb => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
const times = (c: Rgb, g: number): Rgb => [Math.min(1, c[0] * g), Math.min(1, c[1] * g), Math.min(1, c[2] * g)];
const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));
const edge = 0.012; // soft-edge half-width, normalised: every boundary is a ramp, not a step

/**
 * Draws a version-2 camera: horizon, perspective and walkways as version 1, but a background made for
 * a static surveillance camera that a small autoencoder can learn — a facade of a few large, softly
 * edged panels, grass and paving with only low-frequency shading (no windows, tiles, posts or grain),
 * so the reconstruction error on normal frames is low and flat. `pad` extra pixels per side let the
 * camera jitter without running out of background.
 *
 * @example
 * const { layout, padded } = createBackdrop(createRng(1), 32, 32, 2);
 * layout.background.length; // => 32 * 32 * 3
 * padded.length;            // => 36 * 36 * 3
 */
export function createBackdrop(rng: Rng, height: number, width: number, pad: number): Backdrop {
  const horizon = rng.uniform(0.22, 0.3);
  const groundTop = horizon + 0.25 * (1 - horizon);
  const groundBottom = 0.97;
  const nearHeight = rng.uniform(0.42, 0.5); // a close camera: people are 1/5–1/3 of the frame, as in UCSD Ped2
  const count = 2 + (rng.next() < 0.3 ? 1 : 0);
  const oneWay = rng.int(count); // the path walked in one direction only (wrong-way events use it)
  const lanes: Lane[] = [];
  for (let k = 0; k < count; k++) {
    const band = (k + rng.uniform(0.2, 0.8)) / count;
    const mid = groundTop + band * (groundBottom - groundTop);
    const slope = rng.uniform(-0.1, 0.1);
    lanes.push({
      ax: -0.15,
      ay: clamp(mid - slope * 0.65, groundTop, groundBottom),
      bx: 1.15,
      by: clamp(mid + slope * 0.65, groundTop, groundBottom),
      direction: k === oneWay ? (rng.next() < 0.5 ? 1 : -1) : 0,
      width: rng.uniform(0.14, 0.22),
    });
  }
  const wall: Rgb = [rng.uniform(0.5, 0.7), rng.uniform(0.45, 0.62), rng.uniform(0.4, 0.56)];
  const panels = Array.from({ length: 2 + rng.int(3) }, (): Panel => {
    const x0 = rng.uniform(-0.05, 0.8);
    return { x0, x1: x0 + rng.uniform(0.14, 0.3), y0: rng.uniform(0.2, 0.55), shade: rng.uniform(0.7, 0.88) };
  });
  const palette: Palette = {
    noise: createNoiseField(rng.fork('noise'), 2),
    wall,
    panels,
    grass: [rng.uniform(0.26, 0.38), rng.uniform(0.42, 0.54), rng.uniform(0.22, 0.3)],
    paving: [rng.uniform(0.58, 0.7), rng.uniform(0.55, 0.66), rng.uniform(0.5, 0.6)],
  };
  const partial = { horizon, nearHeight, lanes, groundTop, groundBottom, background: new Float32Array(0) };
  const padded = renderPadded(partial, palette, height, width, pad);
  const background = new Float32Array(height * width * 3);
  const stride = width + 2 * pad;
  for (let y = 0; y < height; y++) background.set(padded.subarray(((y + pad) * stride + pad) * 3, ((y + pad) * stride + pad + width) * 3), y * width * 3);
  return { layout: { ...partial, background }, padded, pad };
}

function renderPadded(layout: SceneLayout, palette: Palette, height: number, width: number, pad: number): Float32Array {
  const h = height + 2 * pad;
  const w = width + 2 * pad;
  const out = new Float32Array(h * w * 3);
  const s = 2; // supersampling per axis
  for (let py = 0; py < h; py++) {
    for (let px = 0; px < w; px++) {
      const acc = [0, 0, 0];
      for (let k = 0; k < s * s; k++) {
        const x = (px - pad + ((k % s) + 0.5) / s) / width;
        const y = (py - pad + (Math.floor(k / s) + 0.5) / s) / height;
        const c = shade(layout, palette, x, y);
        for (let ch = 0; ch < 3; ch++) acc[ch] = (acc[ch] as number) + (c[ch] as number) / (s * s);
      }
      out.set(acc, (py * w + px) * 3);
    }
  }
  return out;
}

function shade(layout: SceneLayout, p: Palette, x: number, y: number): Rgb {
  const { horizon } = layout;
  let wall = times(p.wall, 0.85 + 0.2 * clamp(y / horizon, 0, 1)); // darker under the roofline
  for (const panel of p.panels) {
    const inside = smoothstep(panel.x0 - edge, panel.x0 + edge, x) * (1 - smoothstep(panel.x1 - edge, panel.x1 + edge, x)) * smoothstep((panel.y0 - 0.04) * horizon, (panel.y0 + 0.04) * horizon, y);
    wall = mix(wall, times(p.wall, panel.shade), inside);
  }
  let ground = times(p.grass, 0.93 + 0.14 * p.noise(x * 2.5, y * 2.5));
  for (const lane of layout.lanes) {
    const half = lane.width * bodyHeight(layout, y) * 1.2;
    const on = 1 - smoothstep(half - edge * 0.6, half + edge * 0.6, Math.abs(y - laneY(lane, x)));
    if (on > 0) ground = mix(ground, times(p.paving, 0.96 + 0.08 * p.noise(x * 3 + 11, y * 3 + 5)), on);
  }
  return mix(wall, ground, smoothstep(horizon - edge, horizon + edge, y));
}
