import type * as tf from '@tensorflow/tfjs';
/** Geometry a model is built for. */
export interface ModelGeometry {
    /** Frames per input clip (odd; 1 for frame models). */
    readonly frames: number;
    readonly height: number;
    readonly width: number;
    /** 1 (gray) or 3 (RGB). */
    readonly channels: number;
}
/** A named weight, for checkpoints (trainable parameters and BatchNorm running statistics). */
export interface NamedVariable {
    readonly name: string;
    readonly variable: tf.Variable;
    readonly trainable: boolean;
}
/**
 * A reconstruction network f: a clip of T frames → the reconstruction of its middle frame.
 */
export interface AnomalyModel {
    readonly type: string;
    readonly geometry: ModelGeometry;
    /**
     * Reconstructs the middle frame. `clips` is [B, T, H, W, C]; returns [B, H, W, C] in (0, 1).
     * With `training` true, BatchNorm uses batch statistics and updates its running averages.
     */
    apply(clips: tf.Tensor5D, training: boolean): tf.Tensor4D;
    /** Every weight in a stable order with stable names (checkpoints match by name and shape). */
    variables(): readonly NamedVariable[];
    /** Number of trainable parameters (BatchNorm running statistics excluded). */
    parameterCount(): number;
    dispose(): void;
}
