/**
 * The few special functions the statistics need, written out because this package stays free of
 * dependencies (mathjs lives in experiments only). Student-t quantiles are found by bisection on the
 * exact CDF (regularised incomplete beta, continued fraction), not by a closed-form approximation
 * such as Hill (1970): bisection is accurate to ~1e-12 for every df, including df = 1 and 2, where the
 * approximations are weakest. Algorithms: Lanczos log-gamma (g = 7, n = 9), Numerical Recipes
 * `betacf`, `gser`, `gcf` (Press et al., 2007, §6.1–6.4).
 */

const lanczos = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const epsilon = 1e-15;
const tiny = 1e-300;
const maxIterations = 500;

/**
 * Natural log of the gamma function for x > 0.
 *
 * @example
 * lnGamma(0.5); // => 0.5723649429247001 (ln √π)
 */
export function lnGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lnGamma(1 - x);
  const z = x - 1;
  let sum = lanczos[0] as number;
  for (let i = 1; i < lanczos.length; i++) sum += (lanczos[i] as number) / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/**
 * Regularised incomplete beta function I_x(a, b) (Numerical Recipes `betai` + `betacf`, modified Lentz).
 *
 * @example
 * incompleteBeta(0.5, 2, 2); // => 0.5
 */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  if (x > (a + 1) / (a + b + 2)) return 1 - incompleteBeta(1 - x, b, a);
  const front = Math.exp(lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  const clamp = (v: number): number => (Math.abs(v) < tiny ? tiny : v);
  let c = 1;
  let d = 1 / clamp(1 - ((a + b) * x) / (a + 1));
  let h = d;
  for (let m = 1; m <= maxIterations; m++) {
    const even = (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m));
    d = 1 / clamp(1 + even * d);
    c = clamp(1 + even / c);
    h *= d * c;
    const odd = (-(a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1));
    d = 1 / clamp(1 + odd * d);
    c = clamp(1 + odd / c);
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < epsilon) break;
  }
  return (front * h) / a;
}

/**
 * Complementary error function erfc(x) = Q(1/2, x²) through the regularised incomplete gamma.
 *
 * @example
 * erfc(1); // => 0.15729920705028513
 */
export function erfc(x: number): number {
  if (x < 0) return 2 - erfc(-x);
  const s = x * x;
  if (s === 0) return 1;
  const prefix = Math.exp(-s + 0.5 * Math.log(s) - lnGamma(0.5));
  if (s < 1.5) {
    let term = 1 / 0.5;
    let sum = term;
    for (let n = 1; n <= maxIterations && Math.abs(term) > Math.abs(sum) * epsilon; n++) {
      term *= s / (0.5 + n);
      sum += term;
    }
    return 1 - prefix * sum; // 1 − P(1/2, s)
  }
  // NR gcf: Q = prefix / (s + 1 − a − 1·(1 − a)/(s + 3 − a − …)), written as b₀ + aₙ/(bₙ + …)
  let b = s + 0.5;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i <= maxIterations; i++) {
    const an = -i * (i - 0.5);
    b += 2;
    d = an * d + b;
    d = 1 / (Math.abs(d) < tiny ? tiny : d);
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < epsilon) break;
  }
  return prefix * h;
}

/**
 * Standard normal upper tail P(Z > z).
 *
 * @example
 * normalSf(1.959963984540054); // => 0.025
 */
export function normalSf(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2);
}

/**
 * Student-t cumulative distribution with `df` degrees of freedom.
 *
 * @example
 * studentTCdf(2.7764451051977987, 4); // => 0.975
 */
export function studentTCdf(t: number, df: number): number {
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t > 0 ? 1 - tail : tail;
}

/**
 * Student-t quantile: the t with studentTCdf(t, df) = p, by bisection (accurate to ~1e-12).
 *
 * @example
 * studentTQuantile(0.975, 4); // => 2.7764451051977987 (scipy.stats.t.ppf(0.975, 4))
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`studentTQuantile(p) must be in (0, 1), but got ${p}`);
  if (!(df > 0)) throw new RangeError(`studentTQuantile(df) must be positive, but got ${df}`);
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  let lo = 0;
  let hi = 1;
  while (studentTCdf(hi, df) < p) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-13 * Math.max(1, hi); i++) {
    const mid = (lo + hi) / 2;
    if (studentTCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
