import { formatIssues, renderProblem } from '@vad/contracts';
import { z } from 'zod';
import { UserError } from '../errors';
import { lossModes } from './loss-modes';

const positiveInt = z.number().int().positive();
const fraction = z.number().gt(0).lte(1);

/**
 * Trainer options with their defaults (official DDL code unless noted). Unknown keys are rejected.
 *
 * @example
 * trainerOptionsSchema.parse({ epochs: 2 });
 * // => { epochs: 2, batchSize: 10, lr: 0.01, lambda: 0.01, epsilon: 1e-6, lossMode: 'distinction', … }
 */
export const trainerOptionsSchema = z.strictObject({
  /** Passes over the data (10: the paper's σ plot on Ped2). */
  epochs: positiveInt.default(10),
  /** Clips per batch (10); the BatchStream is built with it, the trainer rejects larger batches. */
  batchSize: positiveInt.default(10),
  /** Adam learning rate (1e-2). */
  lr: z.number().positive().default(1e-2),
  /** λ, the weight of the pseudo-sample term (0.01). */
  lambda: z.number().nonnegative().default(0.01),
  /** ε of L_dist (1e-6). */
  epsilon: z.number().positive().default(1e-6),
  /** How pseudo samples enter the loss (`distinction` = DDL). */
  lossMode: z.enum(lossModes).default('distinction'),
  /** Hinge margin of `max-error` on the per-pixel error ÷ √C (0.2; our choice, STEAL has none). */
  maxErrorMargin: z.number().positive().default(0.2),
  /** StepLR: lr × factor every ⌊every·epochs⌋ epochs (PyTorch StepLR(int(0.8·epochs), 0.5)). */
  lrDecay: z
    .strictObject({ every: fraction.default(0.8), factor: fraction.default(0.5) })
    .default({ every: 0.8, factor: 0.5 }),
  /** Adam β1, β2, ε (PyTorch defaults). */
  adam: z
    .strictObject({ beta1: z.number().min(0).lt(1).default(0.9), beta2: z.number().min(0).lt(1).default(0.999), epsilon: z.number().positive().default(1e-8) })
    .default({ beta1: 0.9, beta2: 0.999, epsilon: 1e-8 }),
  /** Skip whole batches without any object mask, as the official code does (false: train L_recon). */
  skipBatchesWithoutMask: z.boolean().default(false),
  /** Emit a checkpoint every N steps (0: only at the end of training). */
  checkpointEvery: z.number().int().nonnegative().default(0),
  /** Number of recent step observations a schedule sees (100). */
  historyWindow: positiveInt.default(100),
  /** Call `onStep` every N steps (1: every step, as the step log needs). */
  logEvery: positiveInt.default(1),
  // No `threads`: how gradients are computed is the `engine` passed to `train` (e.g. createWorkerEngine);
  // the experiments runner owns `trainer.threads` and builds that engine.
});

/** Resolved trainer options (every default filled in). */
export type TrainerOptions = z.output<typeof trainerOptionsSchema>;
/** Trainer options as written in a config (every key optional). */
export type TrainerOptionsInput = z.input<typeof trainerOptionsSchema>;

/**
 * Validates options; every bad value at once, one {@link UserError} line each, worded by the one
 * formatter of `@vad/contracts` (the config's `trainer:` errors read the same, without the file).
 *
 * @example
 * parseTrainerOptions({ epochs: 0 }); // throws "trainer.epochs must be a positive integer, but got 0"
 */
export function parseTrainerOptions(input: unknown): TrainerOptions {
  const raw = input ?? {};
  const result = trainerOptionsSchema.safeParse(raw);
  if (result.success) return result.data;
  const problems = formatIssues(['trainer'], trainerOptionsSchema, raw, result.error.issues);
  throw new UserError(problems.map((p) => renderProblem(p.path, p.message)).join('\n'));
}

/**
 * Learning rate of `epoch` under step decay: lr · factor^⌊epoch / max(1, ⌊every·epochs⌋)⌋.
 *
 * @example
 * const o = parseTrainerOptions({ epochs: 10 });
 * learningRateAt(o, 7); // => 0.01
 * learningRateAt(o, 8); // => 0.005
 */
export function learningRateAt(options: TrainerOptions, epoch: number): number {
  const stepSize = Math.max(1, Math.floor(options.lrDecay.every * options.epochs));
  return options.lr * options.lrDecay.factor ** Math.floor(epoch / stepSize);
}
