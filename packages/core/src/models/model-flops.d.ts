import type { ModelOptions } from './create-model';
/** Closed-form cost of a model (ddl-architecture.md), counted the reference's way. */
export interface ModelFlops {
    /** Forward GFLOP of one pass over the whole batch. */
    readonly forwardGflop: number;
    /** GFLOP of one DDL train step ≈ 6 × forward (two passes, each forward + backward ≈ 3×). */
    readonly trainGflopPerStep: number;
    /** Forward GFLOP of one clip (batch 1 inference). */
    readonly inferGflopPerClip: number;
    /** Trainable parameters by the closed formula (equals `parameterCount()` of the built model). */
    readonly parameters: number;
}
/**
 * FLOPs (= 2 × MACs) and parameters of a model configuration, by the reference formulas.
 *
 * @example
 * modelFlops(parseModelOptions({ type: 'c3dsu' }), 8);
 * // => { forwardGflop: 3.59…, trainGflopPerStep: 21.5…, inferGflopPerClip: 0.449…, parameters: 1566008 }
 */
export declare function modelFlops(options: ModelOptions, batch: number): ModelFlops;
