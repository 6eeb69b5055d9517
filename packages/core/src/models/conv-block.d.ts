import * as tf from '@tensorflow/tfjs';
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
export declare class ConvBlock {
    private readonly options;
    private readonly branches;
    private readonly projectionBias;
    private readonly norm;
    constructor(bank: WeightBank, name: string, options: ConvBlockOptions);
    /** [N, H, W, in] → [N, H/2, W/2, out] (down) or [N, 2H, 2W, out] (up). */
    apply(x: tf.Tensor4D, training: boolean): tf.Tensor4D;
}
