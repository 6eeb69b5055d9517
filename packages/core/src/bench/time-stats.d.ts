/** Median, min and max of repeated timings, in milliseconds. */
export interface TimeStats {
    readonly median: number;
    readonly min: number;
    readonly max: number;
    readonly n: number;
}
/**
 * Summary of timings, rounded to 0.1 ms (the median of an even count is the mean of the middle two).
 *
 * @example
 * timeStats([30, 10, 20, 40]); // => { median: 25, min: 10, max: 40, n: 4 }
 */
export declare function timeStats(ms: readonly number[]): TimeStats;
