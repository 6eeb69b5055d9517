import { binaryCurve } from './binary-curve';
import type { BinaryCurve } from './binary-curve';

/** ROC curve points in scikit-learn `roc_curve` order: increasing FPR, decreasing threshold. */
export interface RocCurve {
  readonly fpr: number[];
  readonly tpr: number[];
  /** thresholds[0] is +Infinity (scikit-learn ≥ 1.3): the point (0, 0); JSON writes it as null. */
  readonly thresholds: number[];
}

/** Options of {@link rocCurve}. */
export interface RocCurveOptions {
  /** Drop points that lie on a straight segment between their neighbours (scikit-learn default true). */
  readonly dropIntermediate?: boolean;
}

/**
 * ROC curve as scikit-learn's `roc_curve(labels, scores, drop_intermediate=True)`: one point per
 * distinct score (a frame is flagged when score >= threshold), collinear points dropped unless
 * `dropIntermediate: false`, and (0, 0) prepended with threshold +Infinity.
 *
 * @example
 * rocCurve([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]);
 * // => fpr [0, 0, 0.5, 0.5, 1], tpr [0, 0.5, 0.5, 1, 1], thresholds [Infinity, 0.8, 0.4, 0.35, 0.1]
 */
export function rocCurve(scores: ArrayLike<number>, labels: ArrayLike<number>, options: RocCurveOptions = {}): RocCurve {
  return rocCurveFromCurve(binaryCurve(scores, labels, 'rocCurve'), options);
}

/** {@link rocCurve} from an already built {@link BinaryCurve}. */
export function rocCurveFromCurve(curve: BinaryCurve, options: RocCurveOptions = {}): RocCurve {
  const { thresholds, tps, fps, positives, negatives } = curve;
  const drop = options.dropIntermediate ?? true;
  const last = tps.length - 1;
  const fpr = [0];
  const tpr = [0];
  const kept = [Infinity];
  for (let k = 0; k <= last; k++) {
    if (drop && tps.length > 2 && k > 0 && k < last) {
      const bendFp = (fps[k - 1] as number) - 2 * (fps[k] as number) + (fps[k + 1] as number);
      const bendTp = (tps[k - 1] as number) - 2 * (tps[k] as number) + (tps[k + 1] as number);
      if (bendFp === 0 && bendTp === 0) continue;
    }
    fpr.push((fps[k] as number) / negatives);
    tpr.push((tps[k] as number) / positives);
    kept.push(thresholds[k] as number);
  }
  return { fpr, tpr, thresholds: kept };
}
