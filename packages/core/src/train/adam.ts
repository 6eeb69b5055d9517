import * as tf from '@tensorflow/tfjs';
import { fusedKernelNames, hasKernel } from '../backend-capabilities';

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
export const defaultAdamConfig: AdamConfig = { beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };

/** An empty Adam; slots are created on a parameter's first update. */
export function createAdam(config: AdamConfig = defaultAdamConfig): Adam {
  return { config, slots: new Map() };
}

function slotFor(adam: Adam, name: string, like: tf.Variable): AdamSlot {
  let slot = adam.slots.get(name);
  if (slot === undefined) {
    slot = tf.tidy(() => ({ m: tf.variable(tf.zerosLike(like), false), v: tf.variable(tf.zerosLike(like), false), step: 0 }));
    adam.slots.set(name, slot);
  }
  return slot;
}

/**
 * One Adam update of `variable` (named `name`) with gradient `grad` at learning rate `lr`:
 * m ← β1·m + (1 − β1)·g; v ← β2·v + (1 − β2)·g²; p ← p − lr/(1 − β1ᵗ) · m / (√v/√(1 − β2ᵗ) + ε).
 *
 * @example
 * // first step, g = 2, lr = 0.1: m = 0.2, v = 0.004, p moves by −0.1 · 2 / (2 + 1e-8) ≈ −0.1
 */
export function adamUpdate(adam: Adam, name: string, variable: tf.Variable, grad: tf.Tensor, lr: number): void {
  const { beta1, beta2, epsilon } = adam.config;
  const slot = slotFor(adam, name, variable);
  slot.step += 1;
  const correction1 = 1 - beta1 ** slot.step;
  const correction2 = 1 - beta2 ** slot.step;
  if (hasKernel(fusedKernelNames.adam)) {
    tf.tidy(() => {
      const attrs = { lr, beta1, beta2, epsilon, correction1, correction2 };
      const [p, m, v] = tf.engine().runKernel(fusedKernelNames.adam, { param: variable, m: slot.m, v: slot.v, grad }, attrs) as tf.Tensor[];
      slot.m.assign(m!);
      slot.v.assign(v!);
      variable.assign(p!);
    });
    return;
  }
  tf.tidy(() => {
    slot.m.assign(tf.add(tf.mul(slot.m, beta1), tf.mul(grad, 1 - beta1)));
    slot.v.assign(tf.add(tf.mul(slot.v, beta2), tf.mul(tf.square(grad), 1 - beta2)));
    const denominator = tf.add(tf.div(tf.sqrt(slot.v), Math.sqrt(correction2)), epsilon);
    variable.assign(tf.sub(variable, tf.mul(tf.div(slot.m, denominator), lr / correction1)));
  });
}

/** Frees the moment tensors. */
export function disposeAdam(adam: Adam): void {
  for (const slot of adam.slots.values()) {
    slot.m.dispose();
    slot.v.dispose();
  }
  adam.slots.clear();
}
