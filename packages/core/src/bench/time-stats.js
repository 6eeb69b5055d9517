/**
 * Summary of timings, rounded to 0.1 ms (the median of an even count is the mean of the middle two).
 *
 * @example
 * timeStats([30, 10, 20, 40]); // => { median: 25, min: 10, max: 40, n: 4 }
 */
export function timeStats(ms) {
    if (ms.length === 0)
        throw new Error('timeStats(ms) must have at least one timing, but got none');
    const sorted = [...ms].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    const median = sorted.length % 2 === 1 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
    const r = (x) => Math.round(x * 10) / 10;
    return { median: r(median), min: r(sorted[0] ?? NaN), max: r(sorted[sorted.length - 1] ?? NaN), n: sorted.length };
}
//# sourceMappingURL=time-stats.js.map