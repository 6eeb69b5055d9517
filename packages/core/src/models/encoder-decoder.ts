import * as tf from '@tensorflow/tfjs';
import type { AnomalyModel, ModelGeometry, NamedVariable } from '../contracts/model';
import { conv3dMiddle } from '../ops/conv3d-middle';
import type { Rng } from '../rng';
import { ConvBlock } from './conv-block';
import { WeightBank } from './weight-bank';

/** How encoder level j reaches decoder level 5 − j: a Conv3d(T, 3, 3) over time, the raw features, or not at all. */
export type SkipMode = 'conv3d' | 'raw' | 'none';

export interface EncoderDecoderOptions extends ModelGeometry {
  readonly latent: number;
  readonly kernels: readonly number[];
  readonly skips: SkipMode;
}

interface TemporalSkip {
  readonly weight: tf.Variable<tf.Rank.R5>; // [T, 3, 3, c, c]
  readonly bias: tf.Variable<tf.Rank.R1>; // [c]
}

/**
 * The UNet family of ddl-architecture.md: four down ConvBlocks on all B·T frames, four up
 * ConvBlocks on B frames, sigmoid output. `conv3d` skips make the Conv3DSkipUNet (C3DSU), `raw`
 * the plain UNet (T = 1) and `none` the convolutional autoencoder.
 */
export class EncoderDecoder implements AnomalyModel {
  readonly geometry: ModelGeometry;
  private readonly bank: WeightBank;
  private readonly encoder: ConvBlock[];
  private readonly skipLayers: TemporalSkip[];
  private readonly decoder: ConvBlock[];

  constructor(
    readonly type: string,
    private readonly options: EncoderDecoderOptions,
    rng: Rng,
  ) {
    const { latent: l, channels: c, frames: t, kernels, skips } = options;
    this.geometry = { frames: t, height: options.height, width: options.width, channels: c };
    this.bank = new WeightBank(rng);
    const widths = [l / 8, l / 4, l / 2, l]; // l1, l2, l3, L
    const ins = [c, ...widths.slice(0, 3)];
    this.encoder = widths.map((out, j) => new ConvBlock(this.bank, `enc${j + 1}`, { inChannels: ins[j] ?? c, outChannels: out, kernels, decode: false }));
    this.skipLayers =
      skips !== 'conv3d'
        ? []
        : widths.map((w, j) => ({
            weight: this.bank.uniform<tf.Rank.R5>(`skip${j + 1}.weight`, [t, 3, 3, w, w], w * t * 9),
            bias: this.bank.uniform<tf.Rank.R1>(`skip${j + 1}.bias`, [w], w * t * 9),
          }));
    const factor = skips === 'none' ? 1 : 2;
    const decodeIns = [l, factor * (l / 2), factor * (l / 4), factor * (l / 8)];
    const decodeOuts = [l / 2, l / 4, l / 8, c];
    this.decoder = decodeOuts.map(
      (out, j) => new ConvBlock(this.bank, `dec${j + 1}`, { inChannels: decodeIns[j] ?? l, outChannels: out, kernels, decode: true, last: j === 3 }),
    );
  }

  apply(clips: tf.Tensor5D, training: boolean): tf.Tensor4D {
    const [b, t, h, w, c] = clips.shape;
    const g = this.geometry;
    if (t !== g.frames || h !== g.height || w !== g.width || c !== g.channels) {
      throw new Error(`${this.type}.apply(clips) shape must be [B, ${g.frames}, ${g.height}, ${g.width}, ${g.channels}], but got [${clips.shape.join(', ')}]`);
    }
    return tf.tidy(() => {
      let x = tf.reshape(clips, [b * t, h, w, c]) as tf.Tensor4D; // [B·T, H, W, C], frame n = b·T + t
      const features: tf.Tensor4D[] = [];
      for (const block of this.encoder) {
        x = block.apply(x, training); // [B·T, H/2^j, W/2^j, width_j]
        features.push(x);
      }
      const skips = features.map((f, j) => this.skipFeature(f, j, b)); // [B, h_j, w_j, width_j]
      let d = skips[3] ?? x;
      this.decoder.forEach((block, j) => {
        const skip = skips[3 - j];
        const input = j > 0 && skip !== undefined && this.options.skips !== 'none' ? tf.concat([d, skip], 3) : d; // decoder first, skip second
        d = block.apply(input as tf.Tensor4D, training);
      });
      return tf.sigmoid(d); // [B, H, W, C]
    });
  }

  variables(): readonly NamedVariable[] {
    return this.bank.variables();
  }

  parameterCount(): number {
    return this.bank.parameterCount();
  }

  dispose(): void {
    this.bank.dispose();
  }

  private skipFeature(feature: tf.Tensor4D, level: number, batch: number): tf.Tensor4D {
    const layer = this.skipLayers[level];
    if (layer === undefined) return feature; // raw (T = 1) or unused
    const [n, h, w, c] = feature.shape;
    const clip = tf.reshape(feature, [batch, n / batch, h, w, c]) as tf.Tensor5D; // [B, T, h, w, c]
    return conv3dMiddle(clip, layer.weight, layer.bias); // [B, h, w, c], middle frame only
  }
}
