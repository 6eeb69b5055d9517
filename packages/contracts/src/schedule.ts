/**
 * The σ-schedule contract, as the trainer sees it, and its ONLY definition: `@vad/core` (the trainer)
 * and `@vad/schedules` (the strategies) both import these types from here, and core re-exports them.
 * Types only: nothing here exists at run time.
 */

/** JSON-serialisable value (schedule state is stored in checkpoints). */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** What the trainer observed after one step. */
export interface StepObservation {
  readonly step: number;
  readonly sigma: number;
  readonly lDist: number;
  readonly p: number;
  readonly n: number;
  readonly lRecon: number;
}

/** Everything a schedule may look at when choosing σ for the next batch. */
export interface ScheduleContext {
  /** 0-based global index of the step about to run. */
  readonly step: number;
  /** 0-based epoch of that step. */
  readonly epoch: number;
  readonly stepsPerEpoch: number;
  readonly totalEpochs: number;
  readonly totalSteps: number;
  /** σ used by the previous step, or null before the first step. */
  readonly previousSigma: number | null;
  /** Most recent observations, oldest first (a bounded window). */
  readonly history: readonly StepObservation[];
  /** Seeded uniform [0, 1) draws (for stochastic schedules). */
  readonly random: () => number;
}

/** A σ trained with the model: σ = sigmoid(ℓ), the trainer owns ℓ. */
export interface TrainableSigma {
  readonly initialSigma: number;
  /** Optional clamp of σ after each update, [min, max] inside (0, 1). */
  readonly bounds?: readonly [number, number];
  /** ℓ's learning rate = model learning rate × this. */
  readonly lrMultiplier: number;
}

export interface ScheduleDecision<S extends JsonValue = JsonValue> {
  readonly sigma: number;
  readonly state: S;
}

/**
 * Turns an explicit context (and explicit state) into the σ of the next batch. No hidden state:
 * whatever a strategy adapts lives in `state`, which the trainer stores in checkpoints.
 */
export interface SigmaSchedule<S extends JsonValue = JsonValue> {
  readonly type: string;
  /** False for `none`: the trainer then trains plain reconstruction, without pseudo anomalies. */
  readonly enabled: boolean;
  /** Present when σ is learned; `next` is then not consulted for σ. */
  readonly trainable?: TrainableSigma;
  initialState(): S;
  next(context: ScheduleContext, state: S): ScheduleDecision<S>;
}
