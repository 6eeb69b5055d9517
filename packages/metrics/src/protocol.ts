import { z } from 'zod';
import { frameScorers } from './frame-score';
import { MetricsError } from './metrics-error';

/** Temporal smoothing of each video's score sequence, applied after normalisation. */
export const smoothingSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('none') }),
  z.strictObject({
    type: z.literal('median'),
    window: z
      .number()
      .int()
      .positive()
      .refine((w) => w % 2 === 1, { message: 'must be odd' })
      .default(17), // frames, centred; DDL paper value
  }),
  z.strictObject({ type: z.literal('gaussian'), sigma: z.number().positive().default(3) }), // frames
]);
export type Smoothing = z.infer<typeof smoothingSchema>;

/** The score normalisations; `running` is causal (past and current frames of the video only). */
export const normalizations = ['none', 'per-video-minmax', 'global-minmax', 'running'] as const;
export type Normalization = (typeof normalizations)[number];

/**
 * Every choice that changes a frame-level VAD number, with defaults. The experiments config composes
 * it as its `metrics` section; every result records it in its evaluation card. Tune smoothing and
 * normalisation on a validation split only, never on test labels.
 *
 * @example
 * evaluationProtocolSchema.parse({ smoothing: { type: 'median' } }).smoothing; // => { type: 'median', window: 17 }
 */
export const evaluationProtocolSchema = z.strictObject({
  scorer: z.enum(frameScorers).default('patch-max'), // frame score from the per-pixel error map (DDL: patch-max)
  patchSize: z
    .number()
    .int()
    .min(2)
    .refine((p) => p % 2 === 0, { message: 'must be even' })
    .default(16), // pixels, patch-max only; second grid shifted by patchSize / 2
  psnrPeak: z.number().positive().default(1), // value range of frames for psnr: 1 for [0, 1]
  normalization: z.enum(normalizations).default('none'), // DDL code: none
  smoothing: smoothingSchema.default({ type: 'none' }), // DDL paper: median, window 17; code: none
  edgePolicy: z.enum(['drop', 'replicate']).default('drop'), // label only: the data side drops or edge-replicates (T-1)/2 frames
  auc: z.enum(['micro', 'macro']).default('micro'), // which frame AUC is the headline (both are computed)
  aggregation: z.enum(['pooled', 'mean', 'median']).default('pooled'), // across scenes; DDL SHT: median
});
export type EvaluationProtocol = z.infer<typeof evaluationProtocolSchema>;
export type EvaluationProtocolInput = z.input<typeof evaluationProtocolSchema>;

/**
 * Parses a protocol (filling defaults) and reports every problem at once, one per line.
 *
 * @example
 * parseEvaluationProtocol({ aggregation: 'median' }).auc; // => 'micro'
 * @throws MetricsError listing each issue as `<where>.<path> <message>`.
 */
export function parseEvaluationProtocol(input: unknown = {}, where = 'evaluationProtocol'): EvaluationProtocol {
  const result = evaluationProtocolSchema.safeParse(input ?? {});
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    return `${where}${path === '' ? '' : `.${path}`}: ${issue.message}`;
  });
  throw new MetricsError(lines.join('\n'));
}
