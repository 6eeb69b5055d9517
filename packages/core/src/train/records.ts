import type { Checkpoint } from './checkpoint';

/**
 * One line of the run's step log (the experiments package writes these to steps.jsonl). Loss terms
 * are null for skipped steps; the pseudo terms are null when the step had no pseudo anomaly.
 */
export interface StepRecord {
  /** 0-based global step (batch) index. */
  readonly step: number;
  readonly epoch: number;
  /** σ used for the pseudo anomalies (null for the `none` schedule or a skipped step). */
  readonly sigma: number | null;
  /** ℓ with σ = sigmoid(ℓ) when σ is learned, else null. */
  readonly logit: number | null;
  /** L = L_recon + λ·L_pseudo. */
  readonly loss: number | null;
  readonly lRecon: number | null;
  /** The loss mode's pseudo-sample term (equals lDist in `distinction` mode). */
  readonly lPseudo: number | null;
  /** The DDL ratio L_dist (a diagnostic in the other modes), mean P and mean N over masked pixels. */
  readonly lDist: number | null;
  readonly p: number | null;
  readonly n: number | null;
  /** Masked pixels of the middle frames in this batch. */
  readonly maskedPixels: number;
  /** Learning rate of the model parameters at this step. */
  readonly lr: number;
  /** Wall time of the step in milliseconds. */
  readonly ms: number;
  /** True when the batch had no object mask and `skipBatchesWithoutMask` skipped it. */
  readonly skipped: boolean;
}

/** Means over the trained (non-skipped) steps of one epoch. */
export interface EpochSummary {
  readonly epoch: number;
  readonly totalEpochs: number;
  readonly steps: number;
  readonly skipped: number;
  readonly loss: number | null;
  readonly lRecon: number | null;
  readonly lDist: number | null;
  /** σ of the last step of the epoch. */
  readonly sigma: number | null;
  readonly lr: number;
  /** Wall time of the epoch in milliseconds. */
  readonly ms: number;
}

/** Side effects of a run, passed in (logging, progress, checkpoint files); each may be async. */
export interface TrainCallbacks {
  onStep?(record: StepRecord): void | Promise<void>;
  onEpoch?(summary: EpochSummary): void | Promise<void>;
  onCheckpoint?(checkpoint: Checkpoint): void | Promise<void>;
}

/**
 * Calls every given callback set in order.
 *
 * @example
 * train({ …, callbacks: combineCallbacks(progress, metricsWriter, checkpointWriter) });
 */
export function combineCallbacks(...sets: readonly TrainCallbacks[]): TrainCallbacks {
  return {
    onStep: async (record) => {
      for (const s of sets) await s.onStep?.(record);
    },
    onEpoch: async (summary) => {
      for (const s of sets) await s.onEpoch?.(summary);
    },
    onCheckpoint: async (checkpoint) => {
      for (const s of sets) await s.onCheckpoint?.(checkpoint);
    },
  };
}
