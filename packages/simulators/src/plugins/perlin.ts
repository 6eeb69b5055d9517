import * as tf from '@tensorflow/tfjs';
import { z } from 'zod';
import type { Rng, SimulateInput, SimulateResult, Simulator } from '@vad/core';
import { blendResult, sampleGates } from '../blend';
import { defineSimulator } from '../define-simulator';
import { perlinNoise } from '../perlin-noise';
import type { Box } from '../regions';
import { frameBoxes, restrictToMask } from '../regions';
import { texture, textureKinds } from '../texture';

export const perlinOptions = z.strictObject({
  type: z.literal('perlin'), // = YAML `type` = registry key = file name
  threshold: z.number().min(-1).max(1).default(0.5), // region = noise > threshold; anomalib perlin.py
  minScale: z.number().int().min(0).default(0), // lattice cells per side = 2^U{minScale … maxScale−1}; anomalib 2^[0, 6)
  maxScale: z.number().int().min(1).default(6), // exclusive; anomalib
  rotation: z.tuple([z.number(), z.number()]).default([-90, 90]), // degrees; anomalib rotation_range
  textures: z.array(z.enum(textureKinds)).min(1).default(['noise']), // fill; anomalib uses DTD images or, without DTD, the noise itself
  p: z.number().min(0).max(1).default(1), // per-sample probability; anomalib probability 0.5 — 1 here, as DDL does for its noise
});
export type PerlinOptions = z.output<typeof perlinOptions>;

const attempts = 8;

function centre(box: Box | null): [number, number] {
  return box === null ? [0, 0] : [(box.y0 + box.y1) / 2, (box.x0 + box.x1) / 2];
}

/** Fills `field` ([T, H, W]) with one rotated Perlin draw that follows the object box from frame to frame. */
function drawField(rng: Rng, options: PerlinOptions, boxes: readonly (Box | null)[], field: Float32Array, height: number, width: number): void {
  const cells = (): number => 2 ** (options.minScale + rng.int(Math.max(1, options.maxScale - options.minScale)));
  const [cellsY, cellsX] = [cells(), cells()];
  const noise = perlinNoise(rng, cellsY, cellsX);
  const angle = (rng.uniform(options.rotation[0], options.rotation[1]) * Math.PI) / 180;
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  const [y0, x0] = centre(boxes[0] ?? null);
  boxes.forEach((box, t) => {
    const [cy, cx] = box === null ? [y0, x0] : centre(box);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const [dy, dx] = [y - (cy - y0) - height / 2, x - (cx - x0) - width / 2]; // object-relative, about the frame centre
        const ry = (dy * cos - dx * sin + height / 2) / height;
        const rx = (dx * cos + dy * sin + width / 2) / width;
        field[(t * height + y) * width + x] = noise(ry * cellsY, rx * cellsX);
      }
    }
  });
}

/** Binary region of one sample ([T, H, W]): field > threshold inside the mask, else its top 10 % there. */
function regionOf(field: Float32Array, mask: ArrayLike<number>, threshold: number): Float32Array {
  const inside = Array.from(field).filter((_, k) => (mask[k] ?? 0) > 0);
  const hit = inside.some((value) => value > threshold);
  const cut = hit ? threshold : ([...inside].sort((a, b) => a - b)[Math.floor(0.9 * inside.length)] ?? Infinity);
  return field.map((value, k) => ((mask[k] ?? 0) > 0 && (hit ? value > cut : value >= cut) ? 1 : 0));
}

/**
 * Perlin (anomalib/DRAEM style): a region where rotated Perlin noise exceeds the threshold, inside the
 * object mask and moving with the object box, filled with a procedural texture and σ-blended (σ plays
 * anomalib's blend factor β). Up to 8 draws are tried for a non-empty region; then the top 10 % of the
 * last draw inside the mask is taken.
 */
export class Perlin implements Simulator {
  readonly type = 'perlin';

  constructor(readonly options: PerlinOptions) {}

  simulate(input: SimulateInput): SimulateResult {
    const [b, t, h, w, c] = input.clips.shape;
    const gates = sampleGates(input.rng, b, this.options.p);
    const masks = input.masks.dataSync();
    const boxes = frameBoxes(masks, { batch: b, frames: t, height: h, width: w });
    const weight = new Float32Array(masks.length);
    const layer = new Float32Array(b * t * h * w * c);
    const clip = t * h * w;
    for (let i = 0; i < b; i++) {
      if (gates[i] === 0 || (boxes[i] ?? []).every((box) => box === null)) continue;
      const mask = masks.subarray(i * clip, (i + 1) * clip);
      const field = new Float32Array(clip);
      for (let attempt = 0; attempt < attempts; attempt++) {
        drawField(input.rng, this.options, boxes[i] ?? [], field, h, w);
        if (field.some((value, k) => value > this.options.threshold && (mask[k] ?? 0) > 0)) break;
      }
      weight.set(regionOf(field, mask, this.options.threshold), i * clip);
      const paint = texture(input.rng, this.options.textures, Math.max(2, h / 16));
      for (let k = 0; k < clip; k++) {
        const [y, x] = [Math.floor(k / w) % h, k % w];
        for (let ch = 0; ch < c; ch++) layer[(i * clip + k) * c + ch] = paint(y, x, ch);
      }
    }
    restrictToMask(weight, masks);
    return blendResult(input, () => tf.tensor5d(layer, [b, t, h, w, c]), weight);
  }
}

export const perlin = defineSimulator({
  type: 'perlin',
  description: 'Perlin-noise shaped region filled with a procedural texture (anomalib/DRAEM style)',
  options: perlinOptions,
  create: (options) => new Perlin(options),
});
