import type { ClipMeta } from '../contracts/data';
import type { NamedVariable } from '../contracts/model';
import type { ModelOptions } from '../models/create-model';
import type { LossConfig } from '../train/loss-modes';
import type { LossValues } from '../train/step-types';

/**
 * Where a worker gets its simulator, named by the caller: `module` (an import specifier or file URL
 * of the caller's choosing, e.g. the experiments runner's worker-simulator module) exports `factory`,
 * a function `(options) => Simulator | Promise<Simulator>`; `options` must be structured-cloneable.
 * Core names no simulator module of its own: this is the only module a worker imports dynamically.
 */
export interface SimulatorSource {
  readonly module: string;
  readonly factory: string;
  readonly options?: unknown;
}

/** σ of a step, as plain data (ℓ travels as its value; the worker differentiates its own copy). */
export type SigmaData = { readonly kind: 'learned'; readonly logit: number } | { readonly kind: 'fixed'; readonly sigma: number } | null;

export interface InitMessage {
  readonly kind: 'init';
  readonly backend: string;
  readonly model: ModelOptions;
  readonly simulator: SimulatorSource;
  /** Every model variable, concatenated in `variables()` order (the main thread writes it each step). */
  readonly weights: SharedArrayBuffer;
  /** The worker's output: trainable gradients in order, then its non-trainable weights (running statistics). */
  readonly output: SharedArrayBuffer;
}

export interface StepMessage {
  readonly kind: 'step';
  readonly clips: Float32Array; // [b, T, H, W, C] of this shard
  readonly masks: Float32Array | null; // [b, T, H, W, 1]
  readonly shape: readonly [number, number, number, number, number];
  readonly meta: readonly ClipMeta[];
  readonly sigma: SigmaData;
  readonly seed: number;
  readonly loss: LossConfig;
}

export type WorkerRequest = InitMessage | StepMessage;

export type WorkerReply =
  | { readonly kind: 'ready' }
  | { readonly kind: 'done'; readonly values: LossValues; readonly hasGrad: readonly boolean[]; readonly logitGrad: number | null }
  | { readonly kind: 'error'; readonly message: string; readonly stack?: string };

/** Offsets of each variable in the packed weight buffer, and of each trainable one in the output buffer. */
export interface PackLayout {
  readonly weightOffsets: readonly number[];
  readonly weightTotal: number;
  readonly gradOffsets: readonly number[]; // per variable; −1 for non-trainable
  readonly statOffsets: readonly number[]; // per variable; −1 for trainable
  readonly outputTotal: number;
}

/**
 * The fixed packing of a model's variables shared by the main thread and its workers.
 *
 * @example
 * packLayout([{ name: 'w', trainable: true, variable: 3 floats }, { name: 'rm', trainable: false, variable: 2 floats }]);
 * // => { weightOffsets: [0, 3], weightTotal: 5, gradOffsets: [0, -1], statOffsets: [-1, 3], outputTotal: 5 }
 */
export function packLayout(variables: readonly NamedVariable[]): PackLayout {
  const weightOffsets: number[] = [];
  const gradOffsets: number[] = [];
  let total = 0;
  let grads = 0;
  for (const v of variables) {
    weightOffsets.push(total);
    total += v.variable.size;
    gradOffsets.push(v.trainable ? grads : -1);
    if (v.trainable) grads += v.variable.size;
  }
  const statOffsets: number[] = [];
  let out = grads;
  for (const v of variables) {
    statOffsets.push(v.trainable ? -1 : out);
    if (!v.trainable) out += v.variable.size;
  }
  return { weightOffsets, weightTotal: total, gradOffsets, statOffsets, outputTotal: out };
}
