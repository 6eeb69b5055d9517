import type { FrameSource } from '../contracts/data';
import type { AnomalyModel } from '../contracts/model';
import type { JsonValue, SigmaSchedule, StepObservation } from '../contracts/schedule';
import type { Simulator } from '../contracts/simulator';
import { type Rng } from '../rng';
import { type Checkpoint } from './checkpoint';
import type { LossConfig } from './loss-modes';
import type { TrainerOptions } from './options';
import type { LearnedLogit, LossValues, Optimizers, SigmaInput } from './step';
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
    rngs: {
        simulator: Rng;
        schedule: Rng;
    };
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
/** A fresh session: streams forked from `seed` ('simulator', 'schedule', 'shuffle'), ℓ at its initial σ. */
export declare function createSession(parts: SessionParts): TrainerSession;
/** σ of the next step: from ℓ when learned, from the schedule (explicit context and state) otherwise. */
export declare function decideSigma(session: TrainerSession, epoch: number, step: number): {
    input: SigmaInput;
    sigma: number | null;
    logit: number | null;
};
/** Records a step for the schedules' history window (only steps with pseudo terms are observations). */
export declare function observe(session: TrainerSession, step: number, sigma: number | null, values: LossValues): void;
/** A snapshot of the session (host copies; training may continue). */
export declare function captureCheckpoint(session: TrainerSession, config: JsonValue): Checkpoint;
/** Continues from `checkpoint`: weights (shape-checked), ℓ, Adam, streams, schedule state, step. */
export declare function restoreSession(session: TrainerSession, checkpoint: Checkpoint): void;
/** Frees what the session owns (ℓ and the optimiser state; the model stays the caller's). */
export declare function disposeSession(session: TrainerSession): void;
