import * as tf from '@tensorflow/tfjs';
import { batchNormRelu, type BatchNormWeights } from '../ops/batch-norm';
import { conv2d } from '../ops/conv2d';
import { depthToSpace2 } from '../ops/depth-to-space';
import type { WeightBank } from './weight-bank';

/** Geometry of one ConvBlock2d (ddl-architecture.md). */
export interface ConvBlockOptions {
  readonly inChannels: number;
  readonly outChannels: number;
  /** Kernel sizes of the parallel convolutions, e.g. [3, 5, 7] (code) or [3, 3, 3, 3] (paper). */
  readonly kernels: readonly number[];
  /** Up block (depth-to-space) instead of down block (space-to-depth). */
  readonly decode: boolean;
  /** Last decoder block: no BatchNorm/ReLU at the end (its BatchNorm weights still exist). */
  readonly last?: boolean;
}

interface Branch {
  readonly weight: tf.Variable<tf.Rank.R4>; // [k, k, in, width]
  readonly bias: tf.Variable<tf.Rank.R1>; // [width]
  readonly norm: BatchNormWeights; // [width]
  readonly projection: tf.Variable<tf.Rank.R4>; // down [2, 2, out, out], up [1, 1, out, out]
}

/**
 * ConvBlock2d: parallel 'same' convolutions (one per kernel) → BatchNorm → ReLU → space-to-depth
 * (down) or depth-to-space (up) → 1×1 convolution → BatchNorm → ReLU, computed without any concat:
 *
 * - BatchNorm is per channel, so the BatchNorm over the concatenated branches is one BatchNorm per
 *   branch (same statistics, same parameters, split by branch).
 * - Down: space-to-depth + 1×1 conv over the nb·4·out channels = Σ over branches of a 2×2 stride-2
 *   convolution of that branch (weights reindexed from the reference's channel c·4 + p1·2 + p2).
 * - Up: each branch's 4·out channels are ordered (p, o) with p = p1·2 + p2 (the reference's
 *   c·4 + p, reindexed), so the 1×1 conv runs per sub-pixel BEFORE the shuffle as one 1×1 conv on
 *   the [N, h, 4w, out] view, and depth-to-space moves out channels instead of nb·out.
 *
 * Parameters and FLOPs equal the reference exactly (the functions differ only by a fixed
 * permutation of weight indices, under which the PyTorch initialisation is invariant).
 */
export class ConvBlock {
  private readonly branches: Branch[];
  private readonly projectionBias: tf.Variable<tf.Rank.R1>;
  private readonly norm: BatchNormWeights;

  constructor(
    bank: WeightBank,
    name: string,
    private readonly options: ConvBlockOptions,
  ) {
    const { inChannels: cin, outChannels: out, kernels, decode } = options;
    const width = decode ? 4 * out : out;
    const projectionFanIn = kernels.length * (decode ? out : 4 * out);
    this.branches = kernels.map((k, i) => ({
      weight: bank.uniform<tf.Rank.R4>(`${name}.branch${i}.weight`, [k, k, cin, width], cin * k * k),
      bias: bank.uniform<tf.Rank.R1>(`${name}.branch${i}.bias`, [width], cin * k * k),
      norm: bank.batchNorm(`${name}.branch${i}.norm`, width),
      projection: bank.uniform<tf.Rank.R4>(`${name}.projection${i}.weight`, decode ? [1, 1, out, out] : [2, 2, out, out], projectionFanIn),
    }));
    this.projectionBias = bank.uniform<tf.Rank.R1>(`${name}.projection.bias`, [out], projectionFanIn);
    this.norm = bank.batchNorm(`${name}.norm`, out);
  }

  /** [N, H, W, in] → [N, H/2, W/2, out] (down) or [N, 2H, 2W, out] (up). */
  apply(x: tf.Tensor4D, training: boolean): tf.Tensor4D {
    return tf.tidy(() => {
      const [n, h, w] = x.shape;
      const out = this.options.outChannels;
      const projected = this.branches.map((branch, i) => {
        const bias = i === 0 ? this.projectionBias : undefined;
        const hidden = batchNormRelu(conv2d(x, branch.weight, { bias: branch.bias }), branch.norm, training); // [N, H, W, width]
        return this.options.decode
          ? conv2d(tf.reshape(hidden, [n, h, 4 * w, out]), branch.projection, { bias }) // [N, H, 4W, out], columns (w, p)
          : conv2d(hidden, branch.projection, { bias, stride: 2 }); // [N, H/2, W/2, out]
      });
      let y = (projected.length === 1 ? projected[0] : tf.addN(projected)) as tf.Tensor4D;
      if (this.options.decode) y = depthToSpace2(tf.reshape(y, [n, h, w, 4 * out]) as tf.Tensor4D); // [N, 2H, 2W, out]
      return this.options.last === true ? y : batchNormRelu(y, this.norm, training);
    });
  }
}
