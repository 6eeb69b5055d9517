/** Time of one kernel type within a profiled call. */
export interface OpTime {
    readonly op: string;
    readonly ms: number;
    readonly calls: number;
    /** Share of the summed kernel time, 0..1. */
    readonly share: number;
}
/**
 * Where the time of `fn` goes, by tfjs kernel name (tf.profile's per-kernel wall times, summed;
 * op scopes such as `fusedConv2d__op` are excluded because their inner kernels are counted themselves).
 *
 * @example
 * const ops = await opBreakdown(() => model.apply(clips, false));
 * // => [{ op: 'FusedConv2D', ms: 41.2, calls: 60, share: 0.71 }, …]
 */
export declare function opBreakdown(fn: () => void | Promise<void>): Promise<OpTime[]>;
