import * as tf from '@tensorflow/tfjs';
import type { NamedVariable } from '../contracts/model';
import type { BatchNormWeights } from '../ops/batch-norm';
import type { Rng } from '../rng';
/**
 * Creates a model's weights in a fixed order with stable names, initialised like PyTorch's
 * defaults from an injected {@link Rng} (same seed ⇒ identical weights): conv weights
 * kaiming-uniform with a = √5, i.e. U(±1/√fan_in), biases U(±1/√fan_in), BatchNorm γ = 1, β = 0,
 * running mean 0 and running variance 1 (not trainable).
 *
 * @example
 * const bank = new WeightBank(createRng(1));
 * const w = bank.uniform('enc1.branch0.weight', [3, 3, 3, 8], 27); // values in ±1/√27 ≈ ±0.192
 */
export declare class WeightBank {
    private readonly rng;
    private readonly list;
    constructor(rng: Rng);
    /** A trainable tensor drawn from U(±1/√fanIn). */
    uniform<R extends tf.Rank>(name: string, shape: number[], fanIn: number): tf.Variable<R>;
    /** The four tensors of a BatchNorm2d over `channels` channels. */
    batchNorm(name: string, channels: number): BatchNormWeights;
    /** Every weight in creation order. */
    variables(): readonly NamedVariable[];
    /** Number of trainable scalars. */
    parameterCount(): number;
    dispose(): void;
    private add;
}
