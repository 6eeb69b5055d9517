import { MetricsError } from './metrics-error';
import { patchMax } from './patch-max';

/** The frame scorers a protocol can name. */
export const frameScorers = ['patch-max', 'mse', 'psnr'] as const;
export type FrameScorer = (typeof frameScorers)[number];

/** Options of {@link frameScore}. */
export interface FrameScoreOptions {
  readonly scorer: FrameScorer;
  /** Patch side in pixels (patch-max only). */
  readonly patchSize: number;
  /** Value range of the frames, max − min (psnr only): 1 for [0, 1] frames, 2 for [−1, 1]. */
  readonly psnrPeak: number;
}

/** PSNR is capped at this many dB (MSE floored) so a perfect reconstruction stays finite. */
export const maxPsnrDb = 100;

/**
 * Mean squared error of a frame from its per-pixel error map e = ‖x − x̂‖₂/√C: mean(e²), which is the
 * MSE over pixels and channels.
 *
 * @example
 * meanSquaredError([0, 1, 2, 1]); // => 1.5
 */
export function meanSquaredError(errorMap: ArrayLike<number>): number {
  if (errorMap.length === 0) throw new MetricsError('meanSquaredError(errorMap) must hold at least one pixel, but got 0');
  let sum = 0;
  for (let i = 0; i < errorMap.length; i++) sum += (errorMap[i] as number) ** 2;
  return sum / errorMap.length;
}

/**
 * Negative PSNR, so a higher score means more anomalous: −10·log10(peak² / MSE), with PSNR capped at
 * {@link maxPsnrDb} dB. `peak` is the value range of the frames (1 for [0, 1]).
 *
 * @example
 * psnrScore([0.1, 0.1, 0.1, 0.1], 1); // MSE 0.01 → PSNR 20 dB → -20
 */
export function psnrScore(errorMap: ArrayLike<number>, peak = 1): number {
  if (!(peak > 0)) throw new MetricsError(`psnrScore(peak) must be a positive number, but got ${peak}`);
  const floor = peak * peak * 10 ** (-maxPsnrDb / 10);
  const mse = Math.max(meanSquaredError(errorMap), floor);
  return -10 * Math.log10((peak * peak) / mse);
}

/**
 * Scores one frame from its [height, width] error map with the protocol's scorer.
 *
 * @example
 * frameScore(new Float32Array(256).fill(0.5), 16, 16, { scorer: 'mse', patchSize: 16, psnrPeak: 1 }); // => 0.25
 */
export function frameScore(errorMap: ArrayLike<number>, height: number, width: number, options: FrameScoreOptions): number {
  if (errorMap.length !== height * width) {
    throw new MetricsError(`frameScore(errorMap) must have height·width = ${height * width} values, but got ${errorMap.length}`);
  }
  switch (options.scorer) {
    case 'patch-max':
      return patchMax(errorMap, height, width, options.patchSize);
    case 'mse':
      return meanSquaredError(errorMap);
    case 'psnr':
      return psnrScore(errorMap, options.psnrPeak);
  }
}
