import type { ClipMeta } from '../contracts/data';
import type { NamedVariable } from '../contracts/model';
import type { ModelOptions } from '../models/create-model';
import type { LossConfig } from '../train/loss-modes';
import type { LossValues } from '../train/step';
/**
 * Where a worker gets its simulator: `module` (an import specifier or file URL) exports `factory`,
 * a function `(options) => Simulator | Promise<Simulator>`; `options` must be structured-cloneable.
 * Absent: the built-in weighted noise (DDL eq. 1–2).
 */
export interface SimulatorSource {
    readonly module: string;
    readonly factory: string;
    readonly options?: unknown;
}
/** σ of a step, as plain data (ℓ travels as its value; the worker differentiates its own copy). */
export type SigmaData = {
    readonly kind: 'learned';
    readonly logit: number;
} | {
    readonly kind: 'fixed';
    readonly sigma: number;
} | null;
export interface InitMessage {
    readonly kind: 'init';
    readonly backend: string;
    readonly model: ModelOptions;
    readonly simulator: SimulatorSource | null;
    /** Every model variable, concatenated in `variables()` order (the main thread writes it each step). */
    readonly weights: SharedArrayBuffer;
    /** The worker's output: trainable gradients in order, then its non-trainable weights (running statistics). */
    readonly output: SharedArrayBuffer;
}
export interface StepMessage {
    readonly kind: 'step';
    readonly clips: Float32Array;
    readonly masks: Float32Array | null;
    readonly shape: readonly [number, number, number, number, number];
    readonly meta: readonly ClipMeta[];
    readonly sigma: SigmaData;
    readonly seed: number;
    readonly loss: LossConfig;
}
export type WorkerRequest = InitMessage | StepMessage;
export type WorkerReply = {
    readonly kind: 'ready';
} | {
    readonly kind: 'done';
    readonly values: LossValues;
    readonly hasGrad: readonly boolean[];
    readonly logitGrad: number | null;
} | {
    readonly kind: 'error';
    readonly message: string;
    readonly stack?: string;
};
/** Offsets of each variable in the packed weight buffer, and of each trainable one in the output buffer. */
export interface PackLayout {
    readonly weightOffsets: readonly number[];
    readonly weightTotal: number;
    readonly gradOffsets: readonly number[];
    readonly statOffsets: readonly number[];
    readonly outputTotal: number;
}
/**
 * The fixed packing of a model's variables shared by the main thread and its workers.
 *
 * @example
 * packLayout([{ name: 'w', trainable: true, variable: 3 floats }, { name: 'rm', trainable: false, variable: 2 floats }]);
 * // => { weightOffsets: [0, 3], weightTotal: 5, gradOffsets: [0, -1], statOffsets: [-1, 3], outputTotal: 5 }
 */
export declare function packLayout(variables: readonly NamedVariable[]): PackLayout;
