import * as tf from '@tensorflow/tfjs';
import type { FrameSource } from '../contracts/data';
import type { AnomalyModel } from '../contracts/model';
import type { JsonValue, SigmaSchedule, StepObservation } from '@vad/contracts';
import type { Simulator } from '../contracts/simulator';
import { describeValue, UserError } from '../errors';
import { createRng, type Rng } from '../rng';
import { createAdam, disposeAdam } from './adam';
import type { LossConfig } from './loss-modes';
import type { TrainerOptions } from './options';
import type { LearnedLogit, Optimizers } from './step-types';

/** Everything a run carries from step to step, explicitly (so a checkpoint can hold all of it). */
export interface TrainerSession {
  readonly model: AnomalyModel;
  readonly simulator: Simulator;
  readonly schedule: SigmaSchedule;
  readonly options: TrainerOptions;
  readonly loss: LossConfig;
  readonly stepsPerEpoch: number;
  readonly source: FrameSource | undefined;
  /** ℓ when the schedule is trainable (σ = sigmoid(ℓ)), owned by the trainer. */
  readonly logit: LearnedLogit | null;
  readonly optimizers: Optimizers;
  rngs: { simulator: Rng; schedule: Rng };
  shuffleSeed: number;
  scheduleState: JsonValue;
  history: StepObservation[];
  previousSigma: number | null;
  /** Steps done = global index of the next step. */
  step: number;
}

/** What {@link createSession} builds a session from. */
export interface SessionParts {
  readonly model: AnomalyModel;
  readonly simulator: Simulator;
  readonly schedule: SigmaSchedule;
  readonly options: TrainerOptions;
  readonly stepsPerEpoch: number;
  readonly source?: FrameSource | undefined;
  readonly seed: number | string;
}

const inUnit = (x: number): boolean => Number.isFinite(x) && x > 0 && x < 1;

function createLogit(schedule: SigmaSchedule): LearnedLogit | null {
  const t = schedule.trainable;
  if (t === undefined || !schedule.enabled) return null;
  if (!inUnit(t.initialSigma)) throw new UserError(`train: schedule "${schedule.type}" initialSigma must be in (0, 1), but got ${describeValue(t.initialSigma)}`);
  if (t.bounds !== undefined && !(inUnit(t.bounds[0]) && inUnit(t.bounds[1]) && t.bounds[0] < t.bounds[1])) {
    throw new UserError(`train: schedule "${schedule.type}" bounds must be [lo, hi] with 0 < lo < hi < 1, but got ${describeValue(t.bounds)}`);
  }
  if (!(Number.isFinite(t.lrMultiplier) && t.lrMultiplier >= 0)) {
    throw new UserError(`train: schedule "${schedule.type}" lrMultiplier must be a finite number ≥ 0, but got ${describeValue(t.lrMultiplier)}`);
  }
  const variable = tf.tidy(() => tf.variable(tf.scalar(Math.log(t.initialSigma / (1 - t.initialSigma)))));
  return { variable, lrMultiplier: t.lrMultiplier, ...(t.bounds !== undefined ? { bounds: t.bounds } : {}) };
}

/** A fresh session: streams forked from `seed` ('simulator', 'schedule', 'shuffle'), ℓ at its initial σ. */
export function createSession(parts: SessionParts): TrainerSession {
  const root = createRng(parts.seed);
  const { options } = parts;
  return {
    ...parts,
    source: parts.source,
    loss: { mode: options.lossMode, lambda: options.lambda, epsilon: options.epsilon, maxErrorMargin: options.maxErrorMargin },
    logit: createLogit(parts.schedule),
    optimizers: { model: createAdam(options.adam), logit: createAdam(options.adam) },
    rngs: { simulator: root.fork('simulator'), schedule: root.fork('schedule') },
    shuffleSeed: root.fork('shuffle').nextSeed(),
    scheduleState: parts.schedule.initialState(),
    history: [],
    previousSigma: null,
    step: 0,
  };
}

/** Frees what the session owns (ℓ and the optimiser state; the model stays the caller's). */
export function disposeSession(session: TrainerSession): void {
  session.logit?.variable.dispose();
  disposeAdam(session.optimizers.model);
  disposeAdam(session.optimizers.logit);
}
