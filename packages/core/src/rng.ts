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

type Alea = seedrandom.StatefulPRNG<seedrandom.State.Alea>;

function wrap(seed: string, prng: Alea): Rng {
  const rng: Rng = {
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
    shuffle: <T>(items: T[]): T[] => {
      for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(prng() * (i + 1));
        const tmp = items[i] as T;
        items[i] = items[j] as T;
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
export function createRng(seed: number | string): Rng {
  const key = String(seed);
  return wrap(key, seedrandom.alea(key, { state: true }));
}

/** Rebuilds a stream from {@link Rng.state}; the next draws equal those the original would have made. */
export function restoreRng(state: RngState): Rng {
  if (typeof state?.seed !== 'string' || typeof state.alea !== 'object' || state.alea === null) {
    throw new Error(`restoreRng(state): state must be {seed: string, alea: object}, but got ${JSON.stringify(state)}`);
  }
  return wrap(state.seed, seedrandom.alea('', { state: state.alea }));
}
