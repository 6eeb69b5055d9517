import seedrandom from 'seedrandom';
/** Serialisable state of an {@link Rng}: the seed it was created from and the generator's internal state. */
export interface RngState {
    readonly seed: string;
    readonly alea: seedrandom.State.Alea;
}
/**
 * The only source of randomness in the framework: a seeded, forkable stream (seedrandom's `alea`).
 *
 * @example
 * const rng = createRng(42);
 * rng.next();        // => 0.5… (same value every run)
 * rng.int(10);       // => an integer in [0, 10)
 * rng.fork('noise'); // an independent stream; forking does not advance `rng`
 */
export interface Rng {
    /** Uniform float in [0, 1). */
    next(): number;
    /** Uniform integer in [0, n). */
    int(n: number): number;
    /** Uniform float in [lo, hi). */
    uniform(lo: number, hi: number): number;
    /** Standard normal sample (Box–Muller). */
    normal(): number;
    /** Fresh integer seed in [0, 2^31) for a tfjs op's `seed` argument. */
    nextSeed(): number;
    /** In-place Fisher–Yates shuffle; returns the same array. */
    shuffle<T>(items: T[]): T[];
    /** Independent child stream named `label`; depends only on this stream's seed, not on its position. */
    fork(label: string): Rng;
    /** Snapshot for checkpoints; `restoreRng(rng.state())` continues the stream bit-identically. */
    state(): RngState;
}
/** Creates the stream for `seed` (numbers and strings are both accepted; `1` and `'1'` are the same seed). */
export declare function createRng(seed: number | string): Rng;
/** Rebuilds a stream from {@link Rng.state}; the next draws equal those the original would have made. */
export declare function restoreRng(state: RngState): Rng;
