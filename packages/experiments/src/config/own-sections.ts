import { z } from 'zod';
import { backendChoices } from '@vad/core';

/** `output:` — where results go. The experiment folder is `<dir>/<name>`; `--out` replaces it. */
export const outputSchema = z.strictObject({
  dir: z.string().min(1).default('runs'), // parent folder of experiment folders, relative to the working directory
  keepCheckpoints: z.number().int().positive().default(2), // newest checkpoints kept per trial
});
export type OutputConfig = z.output<typeof outputSchema>;

/** `report:` — what `vad report` (and the end of `vad run`) writes. */
export const reportSchema = z.strictObject({
  baseline: z.string().min(1).nullable().default(null), // row label (or a prefix of it) DeLong p-values compare against; null = first row
  published: z.boolean().default(true), // add published numbers (DDL, LNTRA, STEAL) when the dataset matches
  plots: z.boolean().default(true), // SVG + PNG plots and report.html
  figureSamples: z.number().int().nonnegative().default(3), // Figure-4 panels per trial (paper's X_t, f(X), X_A, … grid)
  timelineVideos: z.number().int().nonnegative().default(4), // per-video score timelines per trial
  bootstrap: z.number().int().nonnegative().default(1000), // bootstrap resamples for AUC confidence intervals (0 = off)
  confidence: z.number().gt(0).lt(1).default(0.95), // confidence level of the intervals
  summary: z.enum(['none', 'mean', 'median']).default('none'), // extra row: mean/median of the group AUCs (DDL ShanghaiTech: median over per-scene models)
});
export type ReportConfig = z.output<typeof reportSchema>;

/** Keys of `evaluation:` that belong to the runner; every other key goes to the metrics protocol. */
export const evaluationRunnerSchema = z.strictObject({
  batchSize: z.number().int().positive().default(8), // test clips per forward pass
  maxVideos: z.number().int().positive().nullable().default(null), // score only the first N test videos (smoke runs); null = all
});
export const evaluationRunnerKeys = Object.keys(evaluationRunnerSchema.shape);

/** Top-level keys that are not sections owned by another package. */
export const topLevelSchema = z.strictObject({
  name: z
    .string()
    .regex(/^[A-Za-z0-9][\w.-]*$/, 'must be a folder name of letters, digits, ".", "_" and "-" starting with a letter or digit (no "/", no leading ".")')
    .optional(), // experiment folder name; default: the file name without .yaml
  description: z.string().default(''), // one line shown by `vad list configs`
  seed: z.number().int().nonnegative().optional(), // one seed …
  seeds: z.array(z.number().int().nonnegative()).min(1).optional(), // … or several (one trial each); default [0]
  backend: z.enum(backendChoices).default('auto'), // auto = tensorflow if loadable, else wasm, else cpu
  workers: z.number().int().positive().default(1), // trials run in parallel child processes (--workers overrides)
  grid: z.record(z.string(), z.array(z.unknown()).min(1)).default({}), // dotted key → list of values (cartesian product)
  data: z.unknown().optional(),
  model: z.unknown().optional(),
  simulator: z.unknown().optional(),
  schedule: z.unknown().optional(),
  trainer: z.unknown().optional(),
  evaluation: z.unknown().optional(),
  output: z.unknown().optional(),
  report: z.unknown().optional(),
  launcher: z.unknown().optional(), // validated by launchers/launcher-config.ts (not part of any trial's config or id)
});
