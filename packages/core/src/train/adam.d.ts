import * as tf from '@tensorflow/tfjs';
/** Adam hyper-parameters; the defaults are PyTorch's (β1 0.9, β2 0.999, ε 1e-8). */
export interface AdamConfig {
    readonly beta1: number;
    readonly beta2: number;
    readonly epsilon: number;
}
/** Per-parameter Adam state: first and second moments and the number of updates it has had. */
export interface AdamSlot {
    readonly m: tf.Variable;
    readonly v: tf.Variable;
    step: number;
}
/**
 * A small Adam with PyTorch's update rule and per-parameter step counts (a parameter without a
 * gradient in a step is left alone, as PyTorch does), whose learning rate is an argument of every
 * update (so step decay needs no optimiser surgery) and whose state is plain data for checkpoints.
 */
export interface Adam {
    readonly config: AdamConfig;
    readonly slots: Map<string, AdamSlot>;
}
/** PyTorch's Adam defaults. */
export declare const defaultAdamConfig: AdamConfig;
/** An empty Adam; slots are created on a parameter's first update. */
export declare function createAdam(config?: AdamConfig): Adam;
/**
 * One Adam update of `variable` (named `name`) with gradient `grad` at learning rate `lr`:
 * m ← β1·m + (1 − β1)·g; v ← β2·v + (1 − β2)·g²; p ← p − lr/(1 − β1ᵗ) · m / (√v/√(1 − β2ᵗ) + ε).
 *
 * @example
 * // first step, g = 2, lr = 0.1: m = 0.2, v = 0.004, p moves by −0.1 · 2 / (2 + 1e-8) ≈ −0.1
 */
export declare function adamUpdate(adam: Adam, name: string, variable: tf.Variable, grad: tf.Tensor, lr: number): void;
/** Frees the moment tensors. */
export declare function disposeAdam(adam: Adam): void;
