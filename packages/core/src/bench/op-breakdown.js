import * as tf from '@tensorflow/tfjs';
/**
 * Where the time of `fn` goes, by tfjs kernel name (tf.profile's per-kernel wall times, summed;
 * op scopes such as `fusedConv2d__op` are excluded because their inner kernels are counted themselves).
 *
 * @example
 * const ops = await opBreakdown(() => model.apply(clips, false));
 * // => [{ op: 'FusedConv2D', ms: 41.2, calls: 60, share: 0.71 }, …]
 */
export async function opBreakdown(fn) {
    const info = await tf.profile(fn);
    const byOp = new Map();
    for (const kernel of info.kernels) {
        if (kernel.name === undefined || kernel.name === '' || kernel.name === 'unnamed scope' || kernel.name.endsWith('__op'))
            continue; // scopes, not kernels
        const ms = typeof kernel.kernelTimeMs === 'number' ? kernel.kernelTimeMs : 0;
        const entry = byOp.get(kernel.name) ?? { ms: 0, calls: 0 };
        byOp.set(kernel.name, { ms: entry.ms + ms, calls: entry.calls + 1 });
    }
    const total = [...byOp.values()].reduce((s, e) => s + e.ms, 0);
    return [...byOp.entries()]
        .map(([op, e]) => ({ op, ms: Math.round(e.ms * 10) / 10, calls: e.calls, share: total > 0 ? Math.round((e.ms / total) * 1000) / 1000 : 0 }))
        .sort((a, b) => b.ms - a.ms);
}
//# sourceMappingURL=op-breakdown.js.map