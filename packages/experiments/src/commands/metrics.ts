import { readFileSync } from 'node:fs';
import type { CommandModule } from 'yargs';
import { UserError } from '@vad/core';
import { evaluate, frameScorers, isMetricsError, normalizations, parseEvaluationProtocol } from '@vad/metrics';
import type { EvaluationCard, EvaluationResult, Smoothing } from '@vad/metrics';
import { parseScoresCsv } from '../io/scores-csv';

interface MetricsArgs {
  readonly scores: string;
  readonly smoothing: string;
  readonly normalize: (typeof normalizations)[number];
  readonly aggregation: 'pooled' | 'mean' | 'median';
  readonly auc: 'micro' | 'macro';
  readonly 'edge-policy': 'drop' | 'replicate';
  readonly scorer?: (typeof frameScorers)[number];
  readonly 'patch-size'?: number;
  readonly json: boolean;
}

/** `vad metrics` — frame-level metrics of a per-frame scores CSV under an explicit evaluation protocol. */
export const metricsCommand: CommandModule<object, MetricsArgs> = {
  command: 'metrics',
  describe: 'Frame AUC (micro/macro), AP, EER and best F1 of a scores CSV, with its evaluation card',
  builder: (y) =>
    y
      .option('scores', { type: 'string', demandOption: true, describe: 'CSV with header video,frame,score,label[,scene]; empty score = unscored frame' })
      .option('smoothing', { type: 'string', default: 'none', describe: 'none | median[:window] (odd, default 17) | gaussian[:sigma] (default 3)' })
      .option('normalize', { choices: normalizations, default: 'none' as const, describe: 'score normalisation per video, global, or causal (running)' })
      .option('aggregation', { choices: ['pooled', 'mean', 'median'] as const, default: 'pooled' as const, describe: 'how scenes combine' })
      .option('auc', { choices: ['micro', 'macro'] as const, default: 'micro' as const, describe: 'headline AUC (both are printed)' })
      .option('edge-policy', { choices: ['drop', 'replicate'] as const, default: 'drop' as const, describe: 'how the scores treated edge frames (recorded in the card)' })
      .option('scorer', { choices: frameScorers, describe: 'frame scorer that produced the scores, if known (recorded in the card; default: the card says the scores were given)' })
      .option('patch-size', { type: 'number', describe: 'patch-max patch size that produced the scores (recorded in the card; implies --scorer patch-max)' })
      .option('json', { type: 'boolean', default: false, describe: 'print one JSON object instead of the summary' })
      .example('$0 metrics --scores runs/ped2/scores.csv --smoothing median:17', 'DDL paper protocol'),
  handler: (args) => {
    const scorer = args.scorer ?? (args['patch-size'] !== undefined ? 'patch-max' : undefined);
    if (args['patch-size'] !== undefined && scorer !== 'patch-max') throw new UserError(`vad metrics: --patch-size must come with --scorer patch-max, but got --scorer ${scorer}`);
    const patchSize = args['patch-size'] ?? 16;
    if (scorer === 'patch-max' && !(Number.isInteger(patchSize) && patchSize >= 2 && patchSize % 2 === 0)) throw new UserError(`vad metrics: --patch-size must be an even integer >= 2, but got ${patchSize}`);
    const protocol = asUserError('', () =>
      parseEvaluationProtocol(
        {
          scorer: scorer ?? 'patch-max', // only recorded; replaced by "given" in the card below when unknown
          patchSize,
          normalization: args.normalize,
          smoothing: parseSmoothing(args.smoothing),
          edgePolicy: args['edge-policy'],
          auc: args.auc,
          aggregation: args.aggregation,
        },
        'vad metrics: protocol',
      ),
    );
    const rows = parseScoresCsv(readScores(args.scores), args.scores);
    const result = asUserError(`${args.scores}: `, () => evaluate(rows, protocol));
    const { aucMicro, aucMacro, ap, eer, f1, threshold, frames, anomalousFrames, videos, perKind } = result;
    const card: MetricsCard = scorer === undefined ? { ...result.card, scorer: 'given', patchSize: null, psnrPeak: null } : result.card;
    const json = { aucMicro, aucMacro, ap, eer, f1, threshold, frames, anomalousFrames, videos, card, ...(perKind.length > 0 ? { perKind } : {}) };
    process.stdout.write(args.json ? `${JSON.stringify(json, null, 2)}\n` : summary(args.scores, result, card));
  },
};

/** The card of `vad metrics`: the scorer is `given` when the command was not told how the CSV's scores were made (it never sees error maps). */
type MetricsCard = Omit<EvaluationCard, 'scorer'> & { readonly scorer: EvaluationCard['scorer'] | 'given' };

/** Runs `run`, turning the metrics package's input errors into user errors (exit 2, no stack). */
function asUserError<T>(prefix: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (isMetricsError(error)) throw new UserError(`${prefix}${error.message}`);
    throw error;
  }
}

function readScores(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new UserError(`vad metrics: --scores must be a readable CSV file, but got "${path}" (${code})`);
  }
}

/**
 * Reads `--smoothing`: `none`, `median`, `median:17`, `gaussian`, `gaussian:3`.
 *
 * @example
 * parseSmoothing('median:17'); // => { type: 'median', window: 17 }
 */
export function parseSmoothing(text: string): Smoothing {
  const [type, value, extra] = text.trim().split(':');
  const expected = 'none, median[:odd window] or gaussian[:sigma > 0]';
  const number = value === undefined ? undefined : Number(value);
  if (extra !== undefined || (value !== undefined && (value.trim() === '' || !Number.isFinite(number)))) {
    throw new UserError(`vad metrics: --smoothing must be ${expected}, but got ${JSON.stringify(text)}`);
  }
  if (type === 'none' && value === undefined) return { type: 'none' };
  if (type === 'median' && (number === undefined || (Number.isInteger(number) && number > 0 && number % 2 === 1))) {
    return { type: 'median', window: number ?? 17 };
  }
  if (type === 'gaussian' && (number === undefined || number > 0)) return { type: 'gaussian', sigma: number ?? 3 };
  throw new UserError(`vad metrics: --smoothing must be ${expected}, but got ${JSON.stringify(text)}`);
}

const pct = (value: number | null): string => (value === null ? '—' : `${(100 * value).toFixed(2)} %`);

function describeCard(card: MetricsCard): string {
  const scorer =
    card.scorer === 'given' ? 'given (scores read from the CSV as they are)' : card.patchSize !== null ? `${card.scorer} (P=${card.patchSize})` : card.psnrPeak !== null ? `${card.scorer} (peak ${card.psnrPeak})` : card.scorer;
  const smoothing = card.smoothing.type === 'median' ? `median (window ${card.smoothing.window})` : card.smoothing.type === 'gaussian' ? `gaussian (sigma ${card.smoothing.sigma})` : 'none';
  return [
    `scorer ${scorer}`,
    `normalisation ${card.normalization}`,
    `smoothing ${smoothing}`,
    `edge frames ${card.edgePolicy}`,
    `headline AUC ${card.auc}`,
    `scene aggregation ${card.aggregation}`,
  ].join(' · ');
}

function summary(file: string, result: EvaluationResult, card: MetricsCard): string {
  const mark = (which: 'micro' | 'macro'): string => (card.auc === which ? '  ← headline' : '');
  const lines = [
    `vad metrics: ${file}`,
    `  frame AUC (micro)  ${pct(result.aucMicro)}${mark('micro')}`,
    `  frame AUC (macro)  ${pct(result.aucMacro)}${mark('macro')}${card.paddedVideos > 0 ? `   (${card.paddedVideos} single-class video(s) padded → AUC 1 each)` : ''}`,
    `  AP                 ${pct(result.ap)}`,
    `  EER                ${pct(result.eer)}`,
    `  best F1            ${pct(result.f1)}${result.threshold === null ? '   (per-scene thresholds)' : `   at score >= ${result.threshold.toPrecision(6)}`}`,
    `  frames             ${card.frames.scored} scored of ${card.frames.total}, ${card.frames.anomalous} anomalous; ${card.videos} videos; ${card.scenes} scene(s)`,
    `  protocol           ${describeCard(card)}`,
  ];
  if (card.aggregation !== 'pooled') lines.push(`  (AUC, AP, EER and F1 above are the ${card.aggregation} over the ${card.scenes} scenes; see the table)`);
  if (result.perScene.length > 1) {
    lines.push('', '  scene        videos   frames  anomalous   AUC micro   AUC macro');
    for (const s of result.perScene) {
      lines.push(`  ${s.scene.padEnd(12)} ${String(s.videos).padStart(6)} ${String(s.frames).padStart(8)} ${String(s.anomalousFrames).padStart(10)} ${pct(s.aucMicro).padStart(11)} ${pct(s.aucMacro).padStart(11)}`);
    }
  }
  if (result.perKind.length > 0) {
    lines.push('', '  kind (its frames vs all normal frames)   events   frames   AUC');
    for (const k of result.perKind) lines.push(`  ${k.kind.padEnd(40)} ${String(k.segments).padStart(6)} ${String(k.frames).padStart(8)}   ${pct(k.auc)}`);
  }
  lines.push('', '  video        frames  anomalous   unscored   AUC');
  for (const v of result.perVideo) {
    lines.push(`  ${v.video.padEnd(12)} ${String(v.frames).padStart(6)} ${String(v.anomalousFrames).padStart(10)} ${String(v.unscored).padStart(10)}   ${pct(v.auc)}${v.padded ? ' (padded)' : ''}`);
  }
  return `${lines.join('\n')}\n`;
}
