import type { Rng } from '@vad/core';
import type { Camera } from './render-video';
import type { Backdrop } from './scene-layout-v2';

/** The version-2 nuisances, each off at 0 and independent of the others. */
export interface Nuisances {
  readonly noise: number; // sensor noise, standard deviation in [0, 1] units
  readonly drift: number; // illumination: relative gain amplitude of a slow sinusoid (period 0.8–2 videos)
  readonly jitter: number; // camera shake: standard deviation of the scene's shift in pixels
}

/** Background pixels a backdrop needs per side for camera jitter of `jitter` pixels (clamped at 4 σ). */
export function jitterPad(jitter: number): number {
  return jitter === 0 ? 0 : Math.ceil(4 * jitter) + 1;
}

/**
 * A version-2 camera over `backdrop`: gain 1 + drift·(a + b·sin(2πt/P + φ)) with per-video a, b, P, φ;
 * a temporally smooth shift (AR(1), ρ = 0.85, standard deviation `jitter` px, clamped to the pad) that
 * moves background and actors together; sensor noise as version 1. Draws only from `rng`, so each
 * knob leaves the others' random streams unchanged; at 0 the knob is exactly off (gain 1, no shift).
 *
 * @example
 * const camera = v2Camera(backdrop, 32, 32, 40, { noise: 0.01, drift: 0, jitter: 0 }, rng);
 * camera.gain(7);   // => 1
 * camera.offset(7); // => [0, 0]
 */
export function v2Camera(backdrop: Backdrop, height: number, width: number, length: number, nuisances: Nuisances, rng: Rng): Camera {
  const lightRng = rng.fork('drift');
  const level = lightRng.uniform(-0.5, 0.5);
  const period = length * lightRng.uniform(0.8, 2);
  const phase = lightRng.uniform(0, 2 * Math.PI);
  const gain = (t: number): number => 1 + nuisances.drift * (level + 0.5 * Math.sin((2 * Math.PI * t) / period + phase));
  const offsets = shakePath(rng.fork('jitter'), length, nuisances.jitter, backdrop.pad);
  return {
    noise: nuisances.noise,
    gain,
    offset: (t) => offsets[t] ?? [0, 0],
    background: (t, out) => {
      const [dx, dy] = offsets[t] ?? [0, 0];
      if (backdrop.pad === 0 || (dx === 0 && dy === 0)) out.set(backdrop.layout.background);
      else shifted(backdrop, height, width, dx, dy, out);
    },
  };
}

function shakePath(rng: Rng, length: number, jitter: number, pad: number): Array<readonly [number, number]> {
  if (jitter === 0) return Array.from({ length }, () => [0, 0] as const);
  const rho = 0.85;
  const limit = Math.max(0, pad - 1);
  let [ox, oy] = [rng.normal(), rng.normal()];
  const out: Array<readonly [number, number]> = [];
  for (let t = 0; t < length; t++) {
    out.push([Math.max(-limit, Math.min(limit, jitter * ox)), Math.max(-limit, Math.min(limit, jitter * oy))]);
    ox = rho * ox + Math.sqrt(1 - rho * rho) * rng.normal();
    oy = rho * oy + Math.sqrt(1 - rho * rho) * rng.normal();
  }
  return out;
}

/** The background seen with the scene moved by (dx, dy) px: bilinear samples of the padded background. */
function shifted(backdrop: Backdrop, height: number, width: number, dx: number, dy: number, out: Float32Array): void {
  const { padded, pad } = backdrop;
  const stride = width + 2 * pad;
  for (let y = 0; y < height; y++) {
    const sy = y + pad - dy;
    const y0 = Math.floor(sy);
    const fy = sy - y0;
    for (let x = 0; x < width; x++) {
      const sx = x + pad - dx;
      const x0 = Math.floor(sx);
      const fx = sx - x0;
      const a = (y0 * stride + x0) * 3;
      const b = a + stride * 3;
      for (let c = 0; c < 3; c++) {
        const top = (padded[a + c] as number) * (1 - fx) + (padded[a + 3 + c] as number) * fx;
        const bottom = (padded[b + c] as number) * (1 - fx) + (padded[b + 3 + c] as number) * fx;
        out[(y * width + x) * 3 + c] = top * (1 - fy) + bottom * fy;
      }
    }
  }
}
