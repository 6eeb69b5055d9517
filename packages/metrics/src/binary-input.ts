import { MetricsError } from './metrics-error';

/** Class counts of a validated (scores, labels) pair. */
export interface ClassCounts {
  readonly positives: number;
  readonly negatives: number;
}

/**
 * Checks that `scores` are finite, `labels` are 0/1 of the same length, and both classes occur.
 * `where` names the calling function in the messages, e.g. `rocAuc`.
 *
 * @example
 * checkBinaryInput('rocAuc', [0.1, 0.9], [0, 1]); // => { positives: 1, negatives: 1 }
 * @throws MetricsError on a length mismatch, a non-finite score, a label other than 0/1, or one class only.
 */
export function checkBinaryInput(where: string, scores: ArrayLike<number>, labels: ArrayLike<number>): ClassCounts {
  if (scores.length !== labels.length) {
    throw new MetricsError(`${where}(labels) must have the same length as scores (${scores.length}), but got ${labels.length}`);
  }
  let positives = 0;
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    if (label === 1) positives++;
    else if (label !== 0) throw new MetricsError(`${where}(labels) must contain only 0 and 1, but got ${String(label)} at index ${i}`);
    const score = scores[i] as number;
    if (!Number.isFinite(score)) {
      throw new MetricsError(`${where}(scores) must be finite numbers, but got ${String(score)} at index ${i}`);
    }
  }
  const negatives = labels.length - positives;
  if (positives === 0 || negatives === 0) {
    throw new MetricsError(
      `${where}(labels) requires at least one positive and one negative label, but got ${negatives} negatives and ${positives} positives`,
    );
  }
  return { positives, negatives };
}
