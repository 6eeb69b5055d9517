import { MetricsError } from './metrics-error';
import { studentTQuantile } from './special-functions';

/** Mean, sample standard deviation and Student-t confidence interval of one metric across seeds. */
export interface SeedSummary {
  readonly n: number;
  readonly mean: number;
  /** Sample standard deviation (n − 1); null for a single seed. */
  readonly std: number | null;
  readonly standardError: number | null;
  /** mean ± t(1 − (1 − level)/2, n − 1) · std/√n; null for a single seed. */
  readonly lower: number | null;
  readonly upper: number | null;
  readonly level: number;
}

/**
 * Summarises a metric over independent seeds: mean ± std and a t-based confidence interval.
 *
 * @example
 * seedSummary([0.9, 0.92, 0.94]);
 * // => { n: 3, mean: 0.92, std: 0.02, lower: 0.8703…, upper: 0.9697…, level: 0.95, … } (t(0.975, 2) = 4.3027)
 * @throws MetricsError for an empty list, a non-finite value or a level outside (0, 1).
 */
export function seedSummary(values: readonly number[], level = 0.95): SeedSummary {
  if (values.length === 0) throw new MetricsError('seedSummary(values) must hold at least one value, but got 0');
  const bad = values.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) throw new MetricsError(`seedSummary(values) must be finite numbers, but got ${String(values[bad])} at index ${bad}`);
  if (!(level > 0 && level < 1)) throw new MetricsError(`seedSummary(level) must be in (0, 1), but got ${level}`);
  const n = values.length;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  if (n === 1) return { n, mean, std: null, standardError: null, lower: null, upper: null, level };
  const std = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1));
  const standardError = std / Math.sqrt(n);
  const half = studentTQuantile((1 + level) / 2, n - 1) * standardError;
  return { n, mean, std, standardError, lower: mean - half, upper: mean + half, level };
}
