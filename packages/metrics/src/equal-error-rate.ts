import { binaryCurve } from './binary-curve';
import type { BinaryCurve } from './binary-curve';

/**
 * Equal error rate: the false-positive rate at which it equals the miss rate (1 − TPR), read off the
 * piecewise-linear ROC curve (with (0, 0) first) by linear interpolation between the two points
 * where FNR − FPR changes sign. Same value as the common recipe
 * `brentq(lambda x: 1 - x - interp1d(fpr, tpr)(x), 0, 1)`; on a vertical ROC segment it is that
 * segment's FPR.
 *
 * @example
 * equalErrorRate([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]); // => 0.5
 * @throws MetricsError unless both classes occur, scores are finite and labels are 0/1.
 */
export function equalErrorRate(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  return equalErrorRateFromCurve(binaryCurve(scores, labels, 'equalErrorRate'));
}

/** {@link equalErrorRate} from an already built {@link BinaryCurve}. */
export function equalErrorRateFromCurve({ tps, fps, positives, negatives }: BinaryCurve): number {
  let prevFpr = 0;
  let prevGap = 1; // FNR − FPR at (0, 0)
  for (let k = 0; k < tps.length; k++) {
    const fpr = (fps[k] as number) / negatives;
    const gap = 1 - (tps[k] as number) / positives - fpr;
    if (gap <= 0) {
      const t = prevGap / (prevGap - gap); // where the segment crosses gap = 0, in (0, 1]
      return prevFpr + t * (fpr - prevFpr);
    }
    prevFpr = fpr;
    prevGap = gap;
  }
  return 1; // unreachable: the last point is (1, 1), where the gap is −1
}
