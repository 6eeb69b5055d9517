import { binaryCurve } from './binary-curve';
import type { BinaryCurve } from './binary-curve';

/** The best F1 over all thresholds and the threshold that reaches it. */
export interface BestF1Result {
  readonly f1: number;
  /** Frames with score >= threshold are flagged anomalous. */
  readonly threshold: number;
  readonly precision: number;
  readonly recall: number;
}

/**
 * Maximum F1 = 2·tp / (2·tp + fp + fn) over every distinct score used as threshold (score >=
 * threshold is anomalous) — the points of scikit-learn's `precision_recall_curve`, as anomalib's
 * `F1Max`. On an exact tie the lowest threshold wins (the first argmax in the curve's increasing order).
 *
 * @example
 * bestF1([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]); // => { f1: 0.8, threshold: 0.35, precision: 0.6667, recall: 1 }
 * @throws MetricsError unless both classes occur, scores are finite and labels are 0/1.
 */
export function bestF1(scores: ArrayLike<number>, labels: ArrayLike<number>): BestF1Result {
  return bestF1FromCurve(binaryCurve(scores, labels, 'bestF1'));
}

/** {@link bestF1} from an already built {@link BinaryCurve}. */
export function bestF1FromCurve({ thresholds, tps, fps, positives }: BinaryCurve): BestF1Result {
  let best = -1;
  let at = 0;
  for (let k = 0; k < tps.length; k++) {
    const tp = tps[k] as number;
    const f1 = (2 * tp) / (tp + (fps[k] as number) + positives);
    if (f1 >= best) {
      best = f1;
      at = k;
    }
  }
  const tp = tps[at] as number;
  return { f1: best, threshold: thresholds[at] as number, precision: tp / (tp + (fps[at] as number)), recall: tp / positives };
}
