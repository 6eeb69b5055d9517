/**
 * Example simulator plugin: horizontal scan-line glitches inside the object mask.
 * Use it from a config with `simulator: { type: ./examples/plugins/scanline-glitch.ts, maxShift: 6 }`
 * (paths are relative to the config file). The module's only contract: a named export `simulator`
 * made with `defineSimulator` from the stable plugin API `@vad/experiments/plugin`.
 */
import * as tf from '@tensorflow/tfjs';
import { z } from 'zod';
import { blendResult, defineSimulator, sampleGates } from '@vad/experiments/plugin';
import type { SimulateInput, SimulateResult, Simulator } from '@vad/experiments/plugin';

const options = z.strictObject({
  type: z.literal('scanline-glitch'), // the spec's own name (a config names the plugin by its path)
  maxShift: z.number().int().min(1).default(4), // px; each glitched band moves left or right by 1…maxShift
  period: z.number().int().min(2).default(4), // rows; one band starts every `period` rows
  thickness: z.number().int().min(1).default(2), // rows per band
  p: z.number().min(0).max(1).default(1), // per-sample probability
});
type ScanlineGlitchOptions = z.output<typeof options>;

class ScanlineGlitch implements Simulator {
  readonly type = 'scanline-glitch';

  constructor(private readonly options: ScanlineGlitchOptions) {}

  simulate(input: SimulateInput): SimulateResult {
    const [b, t, h, w, c] = input.clips.shape;
    const { maxShift, period, thickness, p } = this.options;
    const gates = sampleGates(input.rng, b, p);
    const masks = input.masks.dataSync();
    const weight = new Float32Array(masks.length);
    const shifts = gates.map(() => (1 + input.rng.int(maxShift)) * (input.rng.next() < 0.5 ? -1 : 1));
    const phases = gates.map(() => input.rng.int(period));
    for (let i = 0; i < masks.length; i++) {
      const sample = Math.floor(i / (t * h * w));
      const row = Math.floor(i / w) % h;
      const inBand = (row + (phases[sample] ?? 0)) % period < thickness;
      weight[i] = gates[sample] === 1 && inBand && (masks[i] ?? 0) > 0 ? 1 : 0;
    }
    const shifted = (): tf.Tensor5D =>
      tf.concat(
        shifts.map((shift, i) => {
          const columns = Array.from({ length: w }, (_, x) => (((x - shift) % w) + w) % w);
          return tf.gather(tf.slice(input.clips, [i, 0, 0, 0, 0], [1, t, h, w, c]), columns, 3);
        }),
        0,
      ) as tf.Tensor5D; // [B, T, H, W, C], each sample's rows rolled sideways
    return blendResult(input, shifted, weight);
  }
}

export const simulator = defineSimulator({
  type: 'scanline-glitch',
  description: 'Example plugin: horizontal scan-line glitches (rolled row bands) inside the object mask',
  options,
  create: (parsed) => new ScanlineGlitch(parsed),
});
