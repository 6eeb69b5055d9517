import * as tf from '@tensorflow/tfjs';
import type { AnomalyModel, ModelGeometry, NamedVariable } from '../contracts/model';
import type { Rng } from '../rng';
/** How encoder level j reaches decoder level 5 − j: a Conv3d(T, 3, 3) over time, the raw features, or not at all. */
export type SkipMode = 'conv3d' | 'raw' | 'none';
export interface EncoderDecoderOptions extends ModelGeometry {
    readonly latent: number;
    readonly kernels: readonly number[];
    readonly skips: SkipMode;
}
/**
 * The UNet family of ddl-architecture.md: four down ConvBlocks on all B·T frames, four up
 * ConvBlocks on B frames, sigmoid output. `conv3d` skips make the Conv3DSkipUNet (C3DSU), `raw`
 * the plain UNet (T = 1) and `none` the convolutional autoencoder.
 */
export declare class EncoderDecoder implements AnomalyModel {
    readonly type: string;
    private readonly options;
    readonly geometry: ModelGeometry;
    private readonly bank;
    private readonly encoder;
    private readonly skipLayers;
    private readonly decoder;
    constructor(type: string, options: EncoderDecoderOptions, rng: Rng);
    apply(clips: tf.Tensor5D, training: boolean): tf.Tensor4D;
    variables(): readonly NamedVariable[];
    parameterCount(): number;
    dispose(): void;
    private skip;
}
