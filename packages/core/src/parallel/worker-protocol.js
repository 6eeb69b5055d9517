/**
 * The fixed packing of a model's variables shared by the main thread and its workers.
 *
 * @example
 * packLayout([{ name: 'w', trainable: true, variable: 3 floats }, { name: 'rm', trainable: false, variable: 2 floats }]);
 * // => { weightOffsets: [0, 3], weightTotal: 5, gradOffsets: [0, -1], statOffsets: [-1, 3], outputTotal: 5 }
 */
export function packLayout(variables) {
    const weightOffsets = [];
    const gradOffsets = [];
    let total = 0;
    let grads = 0;
    for (const v of variables) {
        weightOffsets.push(total);
        total += v.variable.size;
        gradOffsets.push(v.trainable ? grads : -1);
        if (v.trainable)
            grads += v.variable.size;
    }
    const statOffsets = [];
    let out = grads;
    for (const v of variables) {
        statOffsets.push(v.trainable ? -1 : out);
        if (!v.trainable)
            out += v.variable.size;
    }
    return { weightOffsets, weightTotal: total, gradOffsets, statOffsets, outputTotal: out };
}
//# sourceMappingURL=worker-protocol.js.map