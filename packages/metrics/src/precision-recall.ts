import { binaryCurve } from './binary-curve';
import type { BinaryCurve } from './binary-curve';

/** Precision–recall points in scikit-learn `precision_recall_curve` order: increasing threshold. */
export interface PrecisionRecallCurve {
  /** One per threshold, then a final 1 (the point recall 0). */
  readonly precision: number[];
  /** One per threshold (decreasing), then a final 0. */
  readonly recall: number[];
  /** Distinct scores, increasing; one fewer than precision/recall. */
  readonly thresholds: number[];
}

/** Options of {@link precisionRecallCurve}. */
export interface PrecisionRecallOptions {
  /** Drop thresholds where only false positives change on both sides (scikit-learn default false). */
  readonly dropIntermediate?: boolean;
}

/**
 * Precision–recall curve as scikit-learn's `precision_recall_curve(labels, scores)`: precision
 * tp/(tp+fp) and recall tp/P at every distinct score (flagged when score >= threshold), reversed so
 * thresholds increase, with (precision 1, recall 0) appended.
 *
 * @example
 * precisionRecallCurve([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]);
 * // => precision [0.5, 0.6667, 0.5, 1, 1], recall [1, 1, 0.5, 0.5, 0], thresholds [0.1, 0.35, 0.4, 0.8]
 */
export function precisionRecallCurve(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  options: PrecisionRecallOptions = {},
): PrecisionRecallCurve {
  return precisionRecallFromCurve(binaryCurve(scores, labels, 'precisionRecallCurve'), options);
}

/** {@link precisionRecallCurve} from an already built {@link BinaryCurve}. */
export function precisionRecallFromCurve(curve: BinaryCurve, options: PrecisionRecallOptions = {}): PrecisionRecallCurve {
  const { thresholds, tps, fps, positives } = curve;
  const precision: number[] = [1];
  const recall: number[] = [0];
  const kept: number[] = [];
  const last = tps.length - 1;
  for (let k = 0; k <= last; k++) {
    // scikit-learn ≥ 1.3: keep k when tps changes on either side (the corners of the step curve).
    if (options.dropIntermediate === true && tps.length > 2 && k > 0 && k < last) {
      if (tps[k] === tps[k - 1] && tps[k] === tps[k + 1]) continue;
    }
    const tp = tps[k] as number;
    precision.push(tp / (tp + (fps[k] as number)));
    recall.push(tp / positives);
    kept.push(thresholds[k] as number);
  }
  return { precision: precision.reverse(), recall: recall.reverse(), thresholds: kept.reverse() };
}

/**
 * Average precision as scikit-learn's `average_precision_score`: Σₖ (Rₖ − Rₖ₋₁)·Pₖ over the distinct
 * scores from the highest down — a step function, no interpolation (not the trapezoidal AUPR).
 *
 * @example
 * averagePrecision([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]); // => 0.8333… (scikit-learn: 0.8333333333333333)
 * @throws MetricsError unless both classes occur, scores are finite and labels are 0/1.
 */
export function averagePrecision(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  return averagePrecisionFromCurve(binaryCurve(scores, labels, 'averagePrecision'));
}

/** {@link averagePrecision} from an already built {@link BinaryCurve}. */
export function averagePrecisionFromCurve({ tps, fps, positives }: BinaryCurve): number {
  let sum = 0;
  let prevTp = 0;
  for (let k = 0; k < tps.length; k++) {
    const tp = tps[k] as number;
    if (tp !== prevTp) sum += (tp - prevTp) * (tp / (tp + (fps[k] as number)));
    prevTp = tp;
  }
  return sum / positives;
}
