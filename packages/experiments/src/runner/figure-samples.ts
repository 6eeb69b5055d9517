import * as tf from '@tensorflow/tfjs';
import { createRng, middleFrame, pixelError, type AnomalyModel, type FrameSource, type HostBatch, type Simulator } from '@vad/core';
import type { Panel } from '../plots/image-grid';

/** Column titles of the paper's Figure 4. */
export const figureTitles = ['X_t', 'f(X)', 'X_t^A', 'f(X_A)', '‖X_t − f(X)‖', '‖X_t^A − f(X_A)‖', '‖X_t − f(X_A)‖'] as const;

function image(t: tf.Tensor, kind: Panel['kind'], max?: number): Panel {
  const [height, width, channels = 1] = t.shape as number[];
  return { kind, height: height ?? 0, width: width ?? 0, channels, data: t.dataSync() as Float32Array, ...(max === undefined ? {} : { max }) };
}

/**
 * The seven panels of the paper's Figure 4 for each clip of a training batch with masks: the target
 * frame X_t, its reconstruction f(X), the pseudo-anomalous frame X_t^A made by `simulator` at `sigma`,
 * f(X_A), and the three error maps (shared colour scale per row). Inference-mode BatchNorm; no tensor
 * outlives the call.
 *
 * @example
 * const rows = figureRows(model, simulator, batch, 0.43, 7); // rows.length = batch size, 7 panels each
 */
export function figureRows(model: AnomalyModel, simulator: Simulator, batch: HostBatch, sigma: number, seed: number, source?: FrameSource): Panel[][] {
  if (batch.masks === null) return [];
  const masks = batch.masks;
  const rows: Panel[][] = [];
  tf.tidy(() => {
    const x = tf.tensor5d(batch.clips, [...batch.shape]); // [B, T, H, W, C]
    const [b, t, h, w] = batch.shape;
    const m = tf.tensor5d(masks, [b, t, h, w, 1]); // [B, T, H, W, 1]
    const rng = createRng(seed).fork('figure');
    const pseudo = simulator.simulate({ clips: x, masks: m, sigma: tf.scalar(sigma), rng, meta: batch.meta, ...(source === undefined ? {} : { source }) });
    const xt = middleFrame(x); // [B, H, W, C]
    const xa = middleFrame(pseudo.clips); // [B, H, W, C]
    const fx = model.apply(x, false); // [B, H, W, C]
    const fxa = model.apply(pseudo.clips, false); // [B, H, W, C]
    const maps = [pixelError(xt, fx), pixelError(xa, fxa), pixelError(xt, fxa)]; // 3 × [B, H, W]
    for (let i = 0; i < b; i++) {
      const errors = maps.map((map) => map.slice([i, 0, 0], [1, h, w]).reshape([h, w]));
      const max = Math.max(...errors.map((e) => e.max().dataSync()[0] ?? 0), 1e-6);
      const pick = (t4: tf.Tensor4D): tf.Tensor => t4.slice([i, 0, 0, 0], [1, h, w, t4.shape[3]]).reshape([h, w, t4.shape[3]]);
      rows.push([
        image(pick(xt), 'image'),
        image(pick(fx), 'image'),
        image(pick(xa), 'image'),
        image(pick(fxa), 'image'),
        ...errors.map((e) => image(e, 'heat', max)),
      ]);
    }
  });
  return rows;
}
