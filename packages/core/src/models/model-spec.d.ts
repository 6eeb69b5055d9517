import type { z } from 'zod';
import type { AnomalyModel } from '../contracts/model';
import type { Rng } from '../rng';
/**
 * One registry entry: the model's `type` (= YAML `type` = file name = registry key), a strict
 * options schema with defaults (carrying its own `type` literal), and a factory.
 */
export interface ModelSpec<S extends z.ZodType = z.ZodType> {
    readonly type: string;
    readonly description: string;
    readonly options: S;
    create(options: z.output<S>, rng: Rng): AnomalyModel;
}
/** Identity helper that keeps the schema's inferred option type in `create`. */
export declare function defineModel<S extends z.ZodType>(spec: ModelSpec<S>): ModelSpec<S>;
