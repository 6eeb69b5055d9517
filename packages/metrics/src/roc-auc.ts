import { binaryCurve } from './binary-curve';
import type { BinaryCurve } from './binary-curve';

/**
 * Area under the ROC curve, equal to scikit-learn's `roc_auc_score(labels, scores)` (note the
 * argument order: scores first, as in every metric of this package). Tied scores between a normal and
 * an anomalous frame count one half (trapezoid over the tie), which is the Mann–Whitney U / (P·N).
 * Computed in integer counts, so the only rounding is the final division. O(n log n).
 *
 * @example
 * rocAuc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]); // => 0.75 (scikit-learn roc_auc_score: 0.75)
 * @throws MetricsError unless both classes occur, scores are finite and labels are 0/1.
 */
export function rocAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  return rocAucFromCurve(binaryCurve(scores, labels, 'rocAuc'));
}

/** {@link rocAuc} from an already built {@link BinaryCurve} (one sort shared by several metrics). */
export function rocAucFromCurve({ tps, fps, positives, negatives }: BinaryCurve): number {
  let twiceArea = 0; // Σ Δfp · (tp_prev + tp), exact integers up to 2^53
  let prevTp = 0;
  let prevFp = 0;
  for (let k = 0; k < tps.length; k++) {
    const tp = tps[k] as number;
    const fp = fps[k] as number;
    twiceArea += (fp - prevFp) * (tp + prevTp);
    prevTp = tp;
    prevFp = fp;
  }
  return twiceArea / (2 * positives * negatives);
}
