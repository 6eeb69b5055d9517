import { formatIssues, renderProblem } from '@vad/contracts';
import { z } from 'zod';
import { describeValue, UserError } from '../errors';

const show = (issue: { input?: unknown }): string => describeValue(issue.input);

/** A positive integer field whose messages follow the house form. */
function integer(rule: string, test: (v: number) => boolean) {
  return z
    .number({ error: (i) => `must be ${rule}, but got ${show(i)}` })
    .int({ error: (i) => `must be ${rule}, but got ${show(i)}` })
    .refine(test, { error: (i) => `must be ${rule}, but got ${show(i)}` });
}

/** Input size: a multiple of 16 (four space-to-depth halvings). */
export const sizeOption = integer('a multiple of 16', (v) => v > 0 && v % 16 === 0);
/** Latent width L: the encoder widths are L/8, L/4, L/2, L. */
export const latentOption = integer('a positive multiple of 8', (v) => v > 0 && v % 8 === 0);
/** Odd clip length T (the model reconstructs the middle frame). */
export const framesOption = integer('an odd positive integer', (v) => v > 0 && v % 2 === 1);
/** Gray (1) or RGB (3). */
export const channelsOption = z.union([z.literal(1), z.literal(3)], { error: (i) => `must be 1 or 3, but got ${show(i)}` });
/** Kernel sizes of the parallel convolutions in every ConvBlock2d. */
export const kernelsOption = z
  .array(integer('an odd positive integer', (v) => v > 0 && v % 2 === 1), { error: (i) => `must be an array of odd kernel sizes, but got ${show(i)}` })
  .min(1, { error: 'must list at least one kernel size, but got none' });

/**
 * The options every model shares; each model's strict schema spreads these under its own `type`.
 * Defaults are the `small` benchmark preset (performance.md); the paper uses latent 512 at 256×256.
 */
export function commonModelOptions() {
  return {
    latent: latentOption.default(64), // L; widths L/8, L/4, L/2, L
    height: sizeOption.default(64), // pixels
    width: sizeOption.default(64), // pixels
    channels: channelsOption.default(3), // RGB
    kernels: kernelsOption.default([3, 5, 7]), // the official code's ConvBlock; the paper text: [3, 3, 3, 3]
  };
}

/**
 * Parses `raw` with a strict model schema, reporting every issue at once in the house form
 * `<where>(options.<path>) must …` (or `<where>(options.<path>): unknown key; allowed: …`), worded by
 * the one formatter of `@vad/contracts` that config errors use too.
 *
 * @throws UserError listing all issues, one per line.
 * @example
 * parseOptions(c3dsuOptions, { type: 'c3dsu', height: 30 }, 'createModel');
 * // throws 'createModel(options.height) must be a multiple of 16, but got 30'
 */
export function parseOptions<S extends z.ZodType>(schema: S, raw: unknown, where: string): z.output<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const problems = formatIssues(['options'], schema, raw, result.error.issues);
  throw new UserError(problems.map((p) => renderProblem(`${where}(${p.path})`, p.message)).join('\n'));
}
