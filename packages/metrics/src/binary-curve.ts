import { checkBinaryInput } from './binary-input';

/**
 * Cumulative true/false positives at every distinct score, highest score first — scikit-learn's
 * `_binary_clf_curve`. A frame counts as positive at threshold t when `score >= t`, so tied scores
 * enter together (that is how ties get half credit in the AUC).
 */
export interface BinaryCurve {
  readonly thresholds: Float64Array; // distinct scores, decreasing
  readonly tps: Float64Array; // anomalous frames with score >= thresholds[k]
  readonly fps: Float64Array; // normal frames with score >= thresholds[k]
  readonly positives: number;
  readonly negatives: number;
}

/**
 * Builds the cumulative counts in O(n log n): the positive and negative scores are sorted apart with
 * the native typed-array sort and merged from the top, so no comparator callback runs per pair.
 *
 * @example
 * binaryCurve([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]);
 * // => thresholds [0.8, 0.4, 0.35, 0.1], tps [1, 1, 2, 2], fps [0, 1, 1, 2]
 */
export function binaryCurve(scores: ArrayLike<number>, labels: ArrayLike<number>, where = 'binaryCurve'): BinaryCurve {
  const { positives, negatives } = checkBinaryInput(where, scores, labels);
  const pos = new Float64Array(positives);
  const neg = new Float64Array(negatives);
  for (let i = 0, p = 0, q = 0; i < labels.length; i++) {
    if (labels[i] === 1) pos[p++] = scores[i] as number;
    else neg[q++] = scores[i] as number;
  }
  pos.sort();
  neg.sort();
  const n = labels.length;
  const thresholds = new Float64Array(n);
  const tps = new Float64Array(n);
  const fps = new Float64Array(n);
  let i = positives - 1;
  let j = negatives - 1;
  let tp = 0;
  let fp = 0;
  let k = 0;
  while (i >= 0 || j >= 0) {
    const top = Math.max(i >= 0 ? (pos[i] as number) : -Infinity, j >= 0 ? (neg[j] as number) : -Infinity);
    while (i >= 0 && pos[i] === top) (tp++, i--);
    while (j >= 0 && neg[j] === top) (fp++, j--);
    thresholds[k] = top;
    tps[k] = tp;
    fps[k] = fp;
    k++;
  }
  return { thresholds: thresholds.subarray(0, k), tps: tps.subarray(0, k), fps: fps.subarray(0, k), positives, negatives };
}
