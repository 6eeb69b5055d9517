import { join } from 'node:path';
import { createRng, UserError, type AnomalyModel } from '@vad/core';
import { bootstrapCi, evaluate, isMetricsError, macroAuc, microAuc, postprocessScores, type BootstrapResult, type EvaluationProtocol, type EvaluationResult, type ScoreRow } from '@vad/metrics';
import type { TrialConfig } from '../config/experiment-config';
import { type TestVideo, writeFileAtomic, describeResize, parseResize } from '@vad/data';
import { formatScoresCsv } from '../io/format-scores';
import { scoreVideos } from './score-videos';
import { trialFiles } from './trial-files';

/** The evaluation part of metrics.json. */
export interface TrialEvaluation {
  readonly result: EvaluationResult;
  /** Bootstrap intervals (videos resampled) of the micro and macro AUC; null when turned off or undefined. */
  readonly bootstrap: { readonly micro: BootstrapResult | null; readonly macro: BootstrapResult | null };
  readonly seconds: number;
}


function safeBootstrap(run: () => BootstrapResult, warn: (line: string) => void): BootstrapResult | null {
  try {
    return run();
  } catch (error) {
    if (!isMetricsError(error)) throw error;
    warn(`bootstrap interval skipped: ${(error as Error).message}`);
    return null;
  }
}

function evaluateOrExplain(rows: readonly ScoreRow[], protocol: EvaluationProtocol, name: string): EvaluationResult {
  try {
    return evaluate(rows, protocol);
  } catch (error) {
    if (!isMetricsError(error)) throw error;
    throw new UserError(`${name}: the scored test frames must allow an evaluation (both classes present), but ${error.message}`);
  }
}

/**
 * Scores every test video with the trained model, writes scores.csv (atomically), evaluates the rows
 * under the config's protocol and adds seeded bootstrap intervals of the AUCs.
 */
export async function evaluateTrial(
  config: TrialConfig,
  model: AnomalyModel,
  videos: readonly TestVideo[],
  trialDir: string,
  log: (line: string) => void,
): Promise<{ evaluation: TrialEvaluation; rows: ScoreRow[] }> {
  const started = performance.now();
  const evaluation = config.evaluation;
  const chosen = evaluation.maxVideos === null ? videos : videos.slice(0, evaluation.maxVideos);
  const rows = await scoreVideos(model, chosen, { protocol: evaluation, batchSize: evaluation.batchSize });
  writeFileAtomic(join(trialDir, trialFiles.scores), formatScoresCsv(rows));
  const { batchSize: _b, maxVideos: _m, ...protocol } = evaluation;
  const evaluated = evaluateOrExplain(rows, protocol, config.name);
  const resize = config.data.type === 'synthetic' ? 'none (frames rendered at the model size)' : describeResize(parseResize(config.data.resize));
  const result = { ...evaluated, card: { ...evaluated.card, resize } }; // the card records the frame resampling
  const resamples = config.report.bootstrap;
  let micro: BootstrapResult | null = null;
  let macro: BootstrapResult | null = null;
  if (resamples > 0) {
    const series = postprocessScores(rows, protocol);
    const rng = createRng(config.seed).fork('bootstrap');
    const options = { unit: 'video' as const, random: () => rng.next(), resamples, level: config.report.confidence };
    micro = safeBootstrap(() => bootstrapCi(series, microAuc, options), log);
    macro = safeBootstrap(() => bootstrapCi(series, macroAuc, options), log);
  }
  return { evaluation: { result, bootstrap: { micro, macro }, seconds: (performance.now() - started) / 1000 }, rows };
}
