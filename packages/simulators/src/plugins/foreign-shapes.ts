import * as tf from '@tensorflow/tfjs';
import { z } from 'zod';
import type { Rng, SimulateInput, SimulateResult, Simulator } from '@vad/core';
import { blendResult, sampleGates } from '../blend';
import { defineSimulator } from '../define-simulator';
import { rasterise } from '../raster';
import type { Box } from '../regions';
import { frameBoxes, restrictToMask, unionBox } from '../regions';
import { shapeKinds, shapePrimitives } from '../shape-kinds';
import { texture, textureKinds } from '../texture';

export const foreignShapesOptions = z.strictObject({
  type: z.literal('foreign-shapes'), // = YAML `type` = registry key = file name
  kinds: z.array(z.enum(shapeKinds)).min(1).default([...shapeKinds]), // DDL paper §7.2 names foreign shapes; never implemented before — our design
  count: z.number().int().min(1).default(1), // shapes per sample; our choice
  size: z.tuple([z.number().gt(0).max(1), z.number().gt(0).max(1)]).default([0.3, 0.8]), // side as a fraction of the object box side (min, max); our choice
  speed: z.number().min(0).default(4), // max px per frame per axis (constant velocity); our choice, below LNTRA's patch walk of 10
  textures: z.array(z.enum(textureKinds)).min(1).default([...textureKinds]), // fill patterns with random colours
  p: z.number().min(0).max(1).default(1), // per-sample probability; 1 = every sample, as DDL does for its noise
});
export type ForeignShapesOptions = z.output<typeof foreignShapesOptions>;

/**
 * Paints `count` random shapes moving at constant velocity into `layer` ([T, H, W, C] colours) and
 * `weight` ([T, H, W] coverage 0/1) of one sample whose object box is `area`.
 */
function paintShapes(rng: Rng, options: ForeignShapesOptions, area: Box, layer: Float32Array, weight: Float32Array, shape: readonly number[]): void {
  const [frames = 1, height = 1, width = 1, channels = 1] = shape;
  const [lo, hi] = [Math.min(...options.size), Math.max(...options.size)];
  for (let s = 0; s < options.count; s++) {
    const kind = options.kinds[rng.int(options.kinds.length)] ?? 'ellipse';
    const fraction = rng.uniform(lo, hi);
    const halfHeight = Math.max(1.5, (fraction * (area.y1 - area.y0)) / 2);
    const halfWidth = kind === 'polygon' || kind === 'ellipse' ? Math.max(1.5, (fraction * (area.x1 - area.x0)) / 2) : halfHeight;
    const stroke = Math.max(0.15, 1.5 / halfHeight); // at least ~1.5 px wide
    const primitives = shapePrimitives(rng, kind, stroke);
    const angle = kind === 'stick-figure' ? rng.uniform(-0.3, 0.3) : rng.uniform(0, 2 * Math.PI);
    const [cy, cx] = [rng.uniform(area.y0, area.y1), rng.uniform(area.x0, area.x1)];
    const [vy, vx] = [rng.uniform(-options.speed, options.speed), rng.uniform(-options.speed, options.speed)];
    const paint = texture(rng, options.textures, Math.max(2, halfHeight / 2));
    for (let t = 0; t < frames; t++) {
      const placement = { cy: cy + vy * t, cx: cx + vx * t, halfHeight, halfWidth, angle };
      rasterise(primitives, placement, height, width, (y, x, v, u) => {
        const pixel = (t * height + y) * width + x;
        weight[pixel] = 1;
        for (let k = 0; k < channels; k++) layer[pixel * channels + k] = paint(v * halfHeight, u * halfWidth, k);
      });
    }
  }
}

/**
 * Foreign shapes: procedurally drawn polygons, ellipses, stick figures and glyph-like strokes with a
 * random colour/texture, size and constant motion, composited into the object box, cut to the object
 * mask and σ-blended in (σ = 1 pastes them opaque).
 */
export class ForeignShapes implements Simulator {
  readonly type = 'foreign-shapes';

  constructor(readonly options: ForeignShapesOptions) {}

  simulate(input: SimulateInput): SimulateResult {
    const [b, t, h, w, c] = input.clips.shape;
    const gates = sampleGates(input.rng, b, this.options.p);
    const masks = input.masks.dataSync();
    const boxes = frameBoxes(masks, { batch: b, frames: t, height: h, width: w });
    const layer = new Float32Array(b * t * h * w * c); // shape colours; 0 where no shape (weight 0 there)
    const weight = new Float32Array(masks.length);
    for (let i = 0; i < b; i++) {
      const area = unionBox(boxes[i] ?? []);
      if (gates[i] === 0 || area === null) continue;
      const clipSize = t * h * w;
      paintShapes(input.rng, this.options, area, layer.subarray(i * clipSize * c, (i + 1) * clipSize * c), weight.subarray(i * clipSize, (i + 1) * clipSize), [t, h, w, c]);
    }
    restrictToMask(weight, masks);
    return blendResult(input, () => tf.tensor5d(layer, [b, t, h, w, c]), weight);
  }
}

export const foreignShapes = defineSimulator({
  type: 'foreign-shapes',
  description: 'Procedural foreign objects (polygons, ellipses, stick figures, glyphs) moving through the object box',
  options: foreignShapesOptions,
  create: (options) => new ForeignShapes(options),
});
