function layout(options) {
    const l = options.latent;
    const [l1, l2, l3] = [l / 8, l / 4, l / 2];
    const factor = options.type === 'conv-ae' ? 1 : 2;
    return {
        frames: options.frames,
        k2: options.kernels.reduce((s, k) => s + k * k, 0),
        nb: options.kernels.length,
        enc: [[options.channels, l1], [l1, l2], [l2, l3], [l3, l]],
        dec: [[l, l3], [factor * l3, l2], [factor * l2, l1], [factor * l1, options.channels]],
        skips: options.type === 'c3dsu' ? [l1, l2, l3, l] : [],
    };
}
/** Forward multiply-accumulates of one pass over `batch` clips. */
function forwardMacs(options, batch) {
    const { frames: t, k2, nb, enc, dec, skips } = layout(options);
    const area = options.height * options.width;
    const frames = options.type === 'c3dsu' ? batch * t : batch; // encoder batch N
    let macs = 0;
    enc.forEach(([cin, cout], i) => {
        const s = area / 4 ** i;
        macs += frames * s * cin * cout * k2 + frames * (s / 4) * 4 * nb * cout * cout;
    });
    skips.forEach((c, j) => {
        macs += batch * t * (area / 4 ** (j + 1)) * c * c * 9 * t; // all T output frames, as the reference computes
    });
    dec.forEach(([cin, cout], i) => {
        const s = area / 4 ** (4 - i);
        macs += batch * s * cin * 4 * cout * k2 + batch * 4 * s * nb * cout * cout;
    });
    return macs;
}
/** Trainable parameters by the closed formula of ddl-architecture.md (generalised to any kernel list). */
function parameterFormula(options) {
    const { frames: t, k2, nb, enc, dec, skips } = layout(options);
    const encode = enc.reduce((s, [i, o]) => s + k2 * i * o + nb * o + 2 * nb * o + 4 * nb * o * o + o + 2 * o, 0);
    const decode = dec.reduce((s, [i, o]) => s + 4 * k2 * i * o + 4 * nb * o + 8 * nb * o + nb * o * o + o + 2 * o, 0);
    return encode + decode + skips.reduce((s, c) => s + 9 * t * c * c + c, 0);
}
/**
 * FLOPs (= 2 × MACs) and parameters of a model configuration, by the reference formulas.
 *
 * @example
 * modelFlops(parseModelOptions({ type: 'c3dsu' }), 8);
 * // => { forwardGflop: 3.59…, trainGflopPerStep: 21.5…, inferGflopPerClip: 0.449…, parameters: 1566008 }
 */
export function modelFlops(options, batch) {
    const forwardGflop = (2 * forwardMacs(options, batch)) / 1e9;
    return {
        forwardGflop,
        trainGflopPerStep: 6 * forwardGflop,
        inferGflopPerClip: (2 * forwardMacs(options, 1)) / 1e9,
        parameters: parameterFormula(options),
    };
}
//# sourceMappingURL=model-flops.js.map