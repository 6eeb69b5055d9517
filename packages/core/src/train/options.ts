import { z } from 'zod';
import { describeValue, UserError } from '../errors';
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
 * Validates options; a bad value is a {@link UserError} naming the field.
 *
 * @example
 * parseTrainerOptions({ epochs: 0 }); // throws "trainer.epochs must be > 0, but got 0"
 */
export function parseTrainerOptions(input: unknown): TrainerOptions {
  const result = trainerOptionsSchema.safeParse(input ?? {}, { reportInput: true });
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (issue === undefined) throw new UserError('trainer: options must be valid, but got an unexplained zod failure');
  const where = ['trainer', ...issue.path.map(String)].join('.');
  if (issue.code === 'unrecognized_keys') {
    const known = issue.path.length === 0 ? ` among ${Object.keys(trainerOptionsSchema.shape).join(', ')}` : ' documented';
    throw new UserError(`${where}: keys must be${known}, but got ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`);
  }
  const found = /expected (.*?)(, received .*)?$/.exec(issue.message)?.[1] ?? issue.message;
  const expected = found.replace(/^\w+ to (be|have) /, '').replace(/^([<>]=?)/, '$1 ');
  throw new UserError(`${where} must be ${expected}, but got ${describeValue(issue.input)}`);
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
