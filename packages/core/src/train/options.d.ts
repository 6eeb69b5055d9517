import { z } from 'zod';
/**
 * Trainer options with their defaults (official DDL code unless noted). Unknown keys are rejected.
 *
 * @example
 * trainerOptionsSchema.parse({ epochs: 2 });
 * // => { epochs: 2, batchSize: 10, lr: 0.01, lambda: 0.01, epsilon: 1e-6, lossMode: 'distinction', … }
 */
export declare const trainerOptionsSchema: z.ZodObject<{
    epochs: z.ZodDefault<z.ZodNumber>;
    batchSize: z.ZodDefault<z.ZodNumber>;
    lr: z.ZodDefault<z.ZodNumber>;
    lambda: z.ZodDefault<z.ZodNumber>;
    epsilon: z.ZodDefault<z.ZodNumber>;
    lossMode: z.ZodDefault<z.ZodEnum<{
        distinction: "distinction";
        "reconstruct-normal": "reconstruct-normal";
        "max-error": "max-error";
    }>>;
    maxErrorMargin: z.ZodDefault<z.ZodNumber>;
    lrDecay: z.ZodDefault<z.ZodObject<{
        every: z.ZodDefault<z.ZodNumber>;
        factor: z.ZodDefault<z.ZodNumber>;
    }, z.core.$strict>>;
    adam: z.ZodDefault<z.ZodObject<{
        beta1: z.ZodDefault<z.ZodNumber>;
        beta2: z.ZodDefault<z.ZodNumber>;
        epsilon: z.ZodDefault<z.ZodNumber>;
    }, z.core.$strict>>;
    skipBatchesWithoutMask: z.ZodDefault<z.ZodBoolean>;
    checkpointEvery: z.ZodDefault<z.ZodNumber>;
    historyWindow: z.ZodDefault<z.ZodNumber>;
    logEvery: z.ZodDefault<z.ZodNumber>;
    threads: z.ZodOptional<z.ZodNumber>;
}, z.core.$strict>;
/** Resolved trainer options (every default filled in). */
export type TrainerOptions = z.output<typeof trainerOptionsSchema>;
/** Trainer options as written in a config (every key optional). */
export type TrainerOptionsInput = z.input<typeof trainerOptionsSchema>;
/**
 * Validates options; a bad value is a {@link UserError} naming the field.
 *
 * @example
 * parseTrainerOptions({ epochs: 0 }); // throws "trainer.epochs must be > 0, but got 0"
 */
export declare function parseTrainerOptions(input: unknown): TrainerOptions;
/**
 * Learning rate of `epoch` under step decay: lr · factor^⌊epoch / max(1, ⌊every·epochs⌋)⌋.
 *
 * @example
 * const o = parseTrainerOptions({ epochs: 10 });
 * learningRateAt(o, 7); // => 0.01
 * learningRateAt(o, 8); // => 0.005
 */
export declare function learningRateAt(options: TrainerOptions, epoch: number): number;
