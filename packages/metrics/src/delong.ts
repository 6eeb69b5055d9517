import { checkBinaryInput } from './binary-input';
import { MetricsError } from './metrics-error';
import { erfc } from './special-functions';

/** DeLong's test of H0: AUC(A) = AUC(B), both scored on the same frames. */
export interface DelongResult {
  readonly aucA: number;
  readonly aucB: number;
  /** aucA − aucB. */
  readonly difference: number;
  /** Estimated covariance matrix of (aucA, aucB): [[var A, cov], [cov, var B]]. */
  readonly covariance: readonly [readonly [number, number], readonly [number, number]];
  /** Standard error of the difference. */
  readonly standardError: number;
  readonly z: number;
  /** Two-sided p-value, 2·P(Z > |z|). */
  readonly pValue: number;
}

/**
 * Midranks (1-based, ties share the mean rank) of `values`, O(n log n).
 *
 * @example
 * midranks([0.3, 0.1, 0.3]); // => [2.5, 1, 2.5]
 */
export function midranks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const order = Uint32Array.from({ length: n }, (_, i) => i).sort((i, j) => (values[i] as number) - (values[j] as number));
  const ranks = new Float64Array(n);
  for (let i = 0; i < n; ) {
    let j = i;
    while (j < n && values[order[j] as number] === values[order[i] as number]) j++;
    const rank = (i + j + 1) / 2; // mean of the 1-based ranks i+1 … j
    for (let k = i; k < j; k++) ranks[order[k] as number] = rank;
    i = j;
  }
  return ranks;
}

/**
 * DeLong's test for two correlated ROC AUCs (DeLong, DeLong & Clarke-Pearson 1988) with the fast
 * midrank algorithm of Sun & Xu (2014, IEEE SPL 21(11)): O(n log n) instead of O(P·N). The
 * structural components V₁₀ (per anomalous frame) and V₀₁ (per normal frame) come from midranks;
 * their sample covariances (n − 1) give S = S₁₀/P + S₀₁/N, and z = (A − B)/√(S_AA + S_BB − 2·S_AB).
 * When that variance is 0, z is 0 for equal AUCs (p = 1) and ±Infinity otherwise (p = 0).
 *
 * @example
 * delongTest([0.1, 0.4, 0.35, 0.8, 0.7], [0.2, 0.3, 0.6, 0.9, 0.5], [0, 0, 1, 1, 1]).aucA; // => 0.8333…
 * @throws MetricsError unless there are at least 2 anomalous and 2 normal frames and the inputs are valid.
 */
export function delongTest(scoresA: ArrayLike<number>, scoresB: ArrayLike<number>, labels: ArrayLike<number>): DelongResult {
  const { positives: m, negatives: n } = checkBinaryInput('delongTest', scoresA, labels);
  checkBinaryInput('delongTest', scoresB, labels);
  if (m < 2 || n < 2) {
    throw new MetricsError(`delongTest(labels) requires at least 2 positive and 2 negative labels, but got ${n} negatives and ${m} positives`);
  }
  const a = structuralComponents(scoresA, labels, m, n);
  const b = structuralComponents(scoresB, labels, m, n);
  const s10 = covariance2(a.v10, b.v10);
  const s01 = covariance2(a.v01, b.v01);
  const varA = s10[0] / m + s01[0] / n;
  const varB = s10[2] / m + s01[2] / n;
  const cov = s10[1] / m + s01[1] / n;
  const difference = a.auc - b.auc;
  const variance = Math.max(0, varA + varB - 2 * cov);
  const standardError = Math.sqrt(variance);
  const z = standardError > 0 ? difference / standardError : difference === 0 ? 0 : Math.sign(difference) * Infinity;
  return {
    aucA: a.auc,
    aucB: b.auc,
    difference,
    covariance: [
      [varA, cov],
      [cov, varB],
    ],
    standardError,
    z,
    pValue: Math.min(1, erfc(Math.abs(z) / Math.SQRT2)),
  };
}

function structuralComponents(scores: ArrayLike<number>, labels: ArrayLike<number>, m: number, n: number) {
  const pos = new Float64Array(m);
  const neg = new Float64Array(n);
  for (let i = 0, p = 0, q = 0; i < labels.length; i++) {
    if (labels[i] === 1) pos[p++] = scores[i] as number;
    else neg[q++] = scores[i] as number;
  }
  const all = new Float64Array(m + n);
  all.set(pos, 0);
  all.set(neg, m);
  const tx = midranks(pos);
  const ty = midranks(neg);
  const tz = midranks(all);
  let rankSum = 0;
  const v10 = new Float64Array(m); // P(score of this anomalous frame > a normal one), ties ½
  for (let i = 0; i < m; i++) {
    rankSum += tz[i] as number;
    v10[i] = ((tz[i] as number) - (tx[i] as number)) / n;
  }
  const v01 = new Float64Array(n); // P(an anomalous frame > this normal one), ties ½
  for (let j = 0; j < n; j++) v01[j] = 1 - ((tz[m + j] as number) - (ty[j] as number)) / m;
  return { auc: (rankSum - (m * (m + 1)) / 2) / (m * n), v10, v01 };
}

/** Sample covariance (n − 1) of two equally long vectors: [var x, cov(x, y), var y]. */
function covariance2(x: Float64Array, y: Float64Array): [number, number, number] {
  const k = x.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < k; i++) (mx += x[i] as number), (my += y[i] as number);
  mx /= k;
  my /= k;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < k; i++) {
    const dx = (x[i] as number) - mx;
    const dy = (y[i] as number) - my;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  return [sxx / (k - 1), sxy / (k - 1), syy / (k - 1)];
}
