import type { BatchStream } from '../contracts/data';
import type { AnomalyModel } from '../contracts/model';
import type { JsonValue, SigmaSchedule } from '../contracts/schedule';
import type { Simulator } from '../contracts/simulator';
import type { Checkpoint } from './checkpoint';
import { type TrainerOptionsInput } from './options';
import type { TrainCallbacks } from './records';
import { type GradientEngine } from './run-step';
/** Inputs of {@link train}; side effects come in through `callbacks`. */
export interface TrainArgs {
    readonly model: AnomalyModel;
    /** Pseudo-anomaly generator; default: the built-in weighted noise (DDL eq. 1–2). */
    readonly simulator?: Simulator;
    readonly schedule: SigmaSchedule;
    readonly data: BatchStream;
    /** Validated by {@link trainerOptionsSchema}; missing keys take the documented defaults. */
    readonly options?: TrainerOptionsInput;
    /** The run's seed; the simulator, schedule and shuffle streams are forked from it. */
    readonly seed: number | string;
    readonly callbacks?: TrainCallbacks;
    /** Continue from this checkpoint (its streams and data order replace those of `seed`). */
    readonly resume?: Checkpoint;
    /** Resolved run configuration, stored verbatim in every checkpoint. */
    readonly config?: JsonValue;
    /** Stops before the next step; a checkpoint is still emitted. */
    readonly signal?: AbortSignal;
    /** Gradient computation (default: in this process). */
    readonly engine?: GradientEngine;
    /** Clock in milliseconds (default `performance.now`), for step timings. */
    readonly now?: () => number;
}
/** How a run ended. */
export interface TrainResult {
    /** Steps done. */
    readonly step: number;
    readonly stopped: boolean;
    readonly sigma: number | null;
    readonly logit: number | null;
}
/**
 * Trains `model` with pseudo anomalies from `simulator` at the σ chosen by `schedule`:
 * epochs × batches of {@link runStep}, step decay of the learning rate per epoch, callbacks for
 * every side effect, a checkpoint every `checkpointEvery` steps and at the end.
 *
 * @example
 * await train({ model, schedule: learned, data, seed: 1, options: { epochs: 10 }, callbacks: { onStep: (r) => log(r) } });
 */
export declare function train(args: TrainArgs): Promise<TrainResult>;
