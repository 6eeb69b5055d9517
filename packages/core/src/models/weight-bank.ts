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
export class WeightBank {
  private readonly list: NamedVariable[] = [];

  constructor(private readonly rng: Rng) {}

  /** A trainable tensor drawn from U(±1/√fanIn). */
  uniform<R extends tf.Rank>(name: string, shape: number[], fanIn: number): tf.Variable<R> {
    const bound = 1 / Math.sqrt(fanIn);
    return this.add(name, tf.randomUniform(shape, -bound, bound, 'float32', this.rng.nextSeed()), true) as tf.Variable<R>;
  }

  /** The four tensors of a BatchNorm2d over `channels` channels. */
  batchNorm(name: string, channels: number): BatchNormWeights {
    return {
      gamma: this.add(`${name}.gamma`, tf.ones([channels]), true) as tf.Variable<tf.Rank.R1>,
      beta: this.add(`${name}.beta`, tf.zeros([channels]), true) as tf.Variable<tf.Rank.R1>,
      runningMean: this.add(`${name}.runningMean`, tf.zeros([channels]), false) as tf.Variable<tf.Rank.R1>,
      runningVar: this.add(`${name}.runningVar`, tf.ones([channels]), false) as tf.Variable<tf.Rank.R1>,
    };
  }

  /** Every weight in creation order. */
  variables(): readonly NamedVariable[] {
    return this.list;
  }

  /** Number of trainable scalars. */
  parameterCount(): number {
    return this.list.reduce((sum, v) => sum + (v.trainable ? v.variable.size : 0), 0);
  }

  dispose(): void {
    for (const v of this.list) v.variable.dispose();
    this.list.length = 0;
  }

  private add(name: string, initial: tf.Tensor, trainable: boolean): tf.Variable {
    if (this.list.some((v) => v.name === name)) throw new Error(`WeightBank.add(name) must be unique, but got ${JSON.stringify(name)} twice`);
    const variable = tf.variable(initial, trainable);
    initial.dispose();
    this.list.push({ name, variable, trainable });
    return variable;
  }
}
