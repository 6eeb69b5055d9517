import * as tf from '@tensorflow/tfjs';
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
    rng;
    list = [];
    constructor(rng) {
        this.rng = rng;
    }
    /** A trainable tensor drawn from U(±1/√fanIn). */
    uniform(name, shape, fanIn) {
        const bound = 1 / Math.sqrt(fanIn);
        return this.add(name, tf.randomUniform(shape, -bound, bound, 'float32', this.rng.nextSeed()), true);
    }
    /** The four tensors of a BatchNorm2d over `channels` channels. */
    batchNorm(name, channels) {
        return {
            gamma: this.add(`${name}.gamma`, tf.ones([channels]), true),
            beta: this.add(`${name}.beta`, tf.zeros([channels]), true),
            runningMean: this.add(`${name}.runningMean`, tf.zeros([channels]), false),
            runningVar: this.add(`${name}.runningVar`, tf.ones([channels]), false),
        };
    }
    /** Every weight in creation order. */
    variables() {
        return this.list;
    }
    /** Number of trainable scalars. */
    parameterCount() {
        return this.list.reduce((sum, v) => sum + (v.trainable ? v.variable.size : 0), 0);
    }
    dispose() {
        for (const v of this.list)
            v.variable.dispose();
        this.list.length = 0;
    }
    add(name, initial, trainable) {
        if (this.list.some((v) => v.name === name))
            throw new Error(`WeightBank.add(name) must be unique, but got ${JSON.stringify(name)} twice`);
        const variable = tf.variable(initial, trainable);
        initial.dispose();
        this.list.push({ name, variable, trainable });
        return variable;
    }
}
//# sourceMappingURL=weight-bank.js.map