import seedrandom from 'seedrandom';
function wrap(seed, prng) {
    const rng = {
        next: () => prng(),
        int: (n) => {
            if (!Number.isInteger(n) || n <= 0) {
                throw new Error(`Rng.int(n): n must be a positive integer, but got ${n}`);
            }
            return Math.floor(prng() * n);
        },
        uniform: (lo, hi) => lo + (hi - lo) * prng(),
        normal: () => {
            const u = 1 - prng(); // (0, 1]
            const v = prng();
            return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
        },
        nextSeed: () => Math.floor(prng() * 2 ** 31),
        shuffle: (items) => {
            for (let i = items.length - 1; i > 0; i--) {
                const j = Math.floor(prng() * (i + 1));
                const tmp = items[i];
                items[i] = items[j];
                items[j] = tmp;
            }
            return items;
        },
        fork: (label) => createRng(`${seed}/${label}`),
        state: () => ({ seed, alea: prng.state() }),
    };
    return rng;
}
/** Creates the stream for `seed` (numbers and strings are both accepted; `1` and `'1'` are the same seed). */
export function createRng(seed) {
    const key = String(seed);
    return wrap(key, seedrandom.alea(key, { state: true }));
}
/** Rebuilds a stream from {@link Rng.state}; the next draws equal those the original would have made. */
export function restoreRng(state) {
    if (typeof state?.seed !== 'string' || typeof state.alea !== 'object' || state.alea === null) {
        throw new Error(`restoreRng(state): state must be {seed: string, alea: object}, but got ${JSON.stringify(state)}`);
    }
    return wrap(state.seed, seedrandom.alea('', { state: state.alea }));
}
//# sourceMappingURL=rng.js.map