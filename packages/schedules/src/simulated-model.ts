/**
 * Test support (not exported from the package): drives a schedule through a whole run the way the
 * trainer does, against a synthetic "model" whose distinction loss depends on σ. Lives in src/ so
 * it is type-checked; the package's specs share it.
 */
import type { JsonValue, ScheduleContext, SigmaSchedule, StepObservation } from './types';

/** Seeded uniform [0, 1) stream (mulberry32) — the tests' stand-in for the trainer's `Rng`. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Noise-free synthetic response: L_dist = 1 − 0.9·(1 − exp(−σ/scale)); 1 at σ = 0 (nothing to
 * distinguish), falling towards 0.1 as σ grows. A smaller `scale` is a model that distinguishes
 * subtler anomalies.
 *
 * @example
 * syntheticLDist(0.2); // => 0.4311 (1 − 0.9·(1 − e^−1))
 */
export function syntheticLDist(sigma: number, scale = 0.2): number {
  return 1 - 0.9 * (1 - Math.exp(-sigma / scale));
}

/**
 * A context for unit tests: step 0 of a 100-step run (10 epochs × 10 steps), no history; `random`
 * throws unless overridden, so a closed-form schedule that draws randomness fails loudly.
 */
export function makeContext(overrides: Partial<ScheduleContext> = {}): ScheduleContext {
  return {
    step: 0,
    epoch: 0,
    stepsPerEpoch: 10,
    totalEpochs: 10,
    totalSteps: 100,
    previousSigma: null,
    history: [],
    random: () => {
      throw new Error('makeContext: random() must not be called by this schedule, but it was');
    },
    ...overrides,
  };
}

/** One observation with the given L_dist (P = L_dist, N = 1). */
export function observation(step: number, lDist: number, sigma = 0.5): StepObservation {
  return { step, sigma, lDist, p: lDist, n: 1, lRecon: 0.01 };
}

export interface SimulationOptions {
  readonly totalSteps: number;
  readonly stepsPerEpoch?: number; // default 50
  readonly historyWindow?: number; // observations the trainer keeps in ctx.history; default 8
  readonly noise?: number; // standard deviation of Gaussian noise on L_dist; default 0.02
  readonly seed?: number; // default 7
  readonly scale?: (step: number) => number; // the model's `scale` over time; default 0.2
  readonly roundTripState?: boolean; // pass the state through JSON between steps (like a resume)
}

export interface SimulationResult {
  readonly sigmas: number[];
  readonly lDists: number[];
  readonly states: JsonValue[];
}

/** Runs `schedule` for `totalSteps` steps against the synthetic model; returns σ, L_dist and state per step. */
export function simulateRun<S extends JsonValue>(schedule: SigmaSchedule<S>, options: SimulationOptions): SimulationResult {
  const stepsPerEpoch = options.stepsPerEpoch ?? 50;
  const scheduleRandom = seededRandom(options.seed ?? 7);
  const noiseRandom = seededRandom((options.seed ?? 7) + 1000);
  const history: StepObservation[] = [];
  const result: SimulationResult = { sigmas: [], lDists: [], states: [] };
  let state = schedule.initialState();
  let previousSigma: number | null = null;
  for (let step = 0; step < options.totalSteps; step++) {
    const context: ScheduleContext = {
      step,
      epoch: Math.floor(step / stepsPerEpoch),
      stepsPerEpoch,
      totalEpochs: Math.ceil(options.totalSteps / stepsPerEpoch),
      totalSteps: options.totalSteps,
      previousSigma,
      history: history.slice(-(options.historyWindow ?? 8)),
      random: scheduleRandom,
    };
    const decision = schedule.next(context, state);
    state = options.roundTripState === true ? (JSON.parse(JSON.stringify(decision.state)) as S) : decision.state;
    const gaussian = Math.sqrt(-2 * Math.log(1 - noiseRandom())) * Math.cos(2 * Math.PI * noiseRandom());
    const lDist = syntheticLDist(decision.sigma, options.scale?.(step) ?? 0.2) + (options.noise ?? 0.02) * gaussian;
    history.push(observation(step, lDist, decision.sigma));
    result.sigmas.push(decision.sigma);
    result.lDists.push(lDist);
    result.states.push(decision.state);
    previousSigma = decision.sigma;
  }
  return result;
}
