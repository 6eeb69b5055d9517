import * as tf from '@tensorflow/tfjs';
import type { AnomalyModel, ModelGeometry } from '../contracts/model';
import type { JsonValue, StepObservation } from '@vad/contracts';
import { UserError } from '../errors';
import { restoreRng, type RngState } from '../rng';
import { disposeAdam, type Adam } from './adam';
import type { TrainerSession } from './session';

/** A named float32 tensor on the host. */
export interface TensorRecord {
  readonly name: string;
  readonly shape: readonly number[];
  readonly values: Float32Array;
}

/** Adam state of one parameter. */
export interface AdamSlotRecord {
  readonly name: string;
  readonly step: number;
  readonly shape: readonly number[];
  readonly m: Float32Array;
  readonly v: Float32Array;
}

/**
 * Everything needed to continue a run bit-identically on the same backend: {@link captureCheckpoint}
 * takes it from a session, {@link restoreSession} puts it back. Plain data: the experiments package
 * writes `encodeCheckpoint(c)` (checkpoint-codec.ts) to disk (core does no file I/O).
 */
export interface Checkpoint {
  readonly version: 1;
  readonly model: { readonly type: string; readonly geometry: ModelGeometry };
  /** Steps done, i.e. the global index of the next step. */
  readonly step: number;
  /** Epoch of the next step. */
  readonly epoch: number;
  /** Batches per epoch of the data the run was trained on (resume needs the same). */
  readonly stepsPerEpoch: number;
  /** Every model weight by name, BatchNorm running statistics included. */
  readonly weights: readonly TensorRecord[];
  /** ℓ of a learned σ (σ = sigmoid(ℓ)), else null. */
  readonly logit: number | null;
  /** σ of the last step, or null. */
  readonly sigma: number | null;
  readonly optimizer: { readonly model: readonly AdamSlotRecord[]; readonly logit: readonly AdamSlotRecord[] };
  /** States of the simulator and schedule streams; the data order's seed. */
  readonly rng: { readonly simulator: RngState; readonly schedule: RngState; readonly shuffleSeed: number };
  readonly schedule: { readonly type: string; readonly state: JsonValue; readonly history: readonly StepObservation[] };
  /** The resolved run configuration, opaque to core. */
  readonly config: JsonValue;
}

const slotRecords = (adam: Adam): AdamSlotRecord[] =>
  [...adam.slots].map(([name, s]) => ({ name, step: s.step, shape: [...s.m.shape], m: recordOf(name, s.m).values, v: recordOf(name, s.v).values }));

/** A snapshot of the session (host copies; training may continue). */
export function captureCheckpoint(session: TrainerSession, config: JsonValue): Checkpoint {
  const { model } = session;
  return {
    version: 1,
    model: { type: model.type, geometry: model.geometry },
    step: session.step,
    epoch: Math.floor(session.step / session.stepsPerEpoch),
    stepsPerEpoch: session.stepsPerEpoch,
    weights: model.variables().map((v) => recordOf(v.name, v.variable)),
    logit: session.logit === null ? null : (session.logit.variable.dataSync()[0] ?? null),
    sigma: session.previousSigma,
    optimizer: { model: slotRecords(session.optimizers.model), logit: slotRecords(session.optimizers.logit) },
    rng: { simulator: session.rngs.simulator.state(), schedule: session.rngs.schedule.state(), shuffleSeed: session.shuffleSeed },
    schedule: { type: session.schedule.type, state: session.scheduleState, history: [...session.history] },
    config,
  };
}

function restoreAdam(adam: Adam, records: readonly AdamSlotRecord[]): void {
  disposeAdam(adam);
  for (const r of records) {
    const m = tensorOf({ shape: r.shape, values: r.m });
    const v = tensorOf({ shape: r.shape, values: r.v });
    adam.slots.set(r.name, { m: tf.variable(m, false), v: tf.variable(v, false), step: r.step });
    tf.dispose([m, v]);
  }
}

/** Continues from `checkpoint`: weights (shape-checked), ℓ, Adam, streams, schedule state, step. */
export function restoreSession(session: TrainerSession, checkpoint: Checkpoint): void {
  const { schedule } = session;
  if (checkpoint.schedule.type !== schedule.type) {
    throw new UserError(`loadCheckpoint: schedule must be "${checkpoint.schedule.type}" as in the checkpoint, but got "${schedule.type}"`);
  }
  if (checkpoint.stepsPerEpoch !== session.stepsPerEpoch) {
    throw new UserError(`loadCheckpoint: data stepsPerEpoch must be ${checkpoint.stepsPerEpoch} as in the checkpoint, but got ${session.stepsPerEpoch}`);
  }
  if ((checkpoint.logit === null) !== (session.logit === null)) {
    throw new UserError(`loadCheckpoint: learned ℓ must be ${session.logit === null ? 'absent' : 'present'} in the checkpoint, but got ${checkpoint.logit}`);
  }
  loadCheckpointWeights(session.model, checkpoint);
  const { logit } = session;
  if (logit !== null && checkpoint.logit !== null) tf.tidy(() => logit.variable.assign(tf.scalar(checkpoint.logit as number)));
  restoreAdam(session.optimizers.model, checkpoint.optimizer.model);
  restoreAdam(session.optimizers.logit, checkpoint.optimizer.logit);
  session.rngs = { simulator: restoreRng(checkpoint.rng.simulator), schedule: restoreRng(checkpoint.rng.schedule) };
  session.shuffleSeed = checkpoint.rng.shuffleSeed;
  session.scheduleState = checkpoint.schedule.state;
  session.history = [...checkpoint.schedule.history];
  session.previousSigma = checkpoint.sigma;
  session.step = checkpoint.step;
}

const shapeText = (shape: readonly number[]): string => `[${shape.join(',')}]`;

/**
 * Checks that `checkpoint` fits `model` (same weight names and shapes) and assigns its weights.
 * Nothing is assigned unless everything matches; the first mismatch is a UserError, e.g.
 * `loadCheckpoint: weight "enc1.conv3.kernel" must have shape [3,3,3,8], but got [3,3,3,16]`.
 */
export function loadCheckpointWeights(model: AnomalyModel, checkpoint: Checkpoint): void {
  loadWeights(model, checkpoint.weights, `checkpoint of model ${checkpoint.model.type}`);
}

/**
 * Assigns named weights to `model` after checking that they are exactly its weights (names and
 * shapes; `source` names where they come from in messages). Nothing is assigned unless all match.
 *
 * @throws UserError for a missing, extra or mis-shaped weight.
 */
export function loadWeights(model: AnomalyModel, weights: readonly TensorRecord[], source: string): void {
  const stored = new Map(weights.map((w) => [w.name, w]));
  const variables = model.variables();
  for (const { name, variable } of variables) {
    const record = stored.get(name);
    if (record === undefined) {
      throw new UserError(`loadCheckpoint: weight "${name}" of model ${model.type} must be in the checkpoint, but got none (${source})`);
    }
    if (shapeText(record.shape) !== shapeText(variable.shape)) {
      throw new UserError(`loadCheckpoint: weight "${name}" must have shape ${shapeText(variable.shape)}, but got ${shapeText(record.shape)}`);
    }
  }
  const known = new Set(variables.map((v) => v.name));
  const extra = weights.find((w) => !known.has(w.name));
  if (extra !== undefined) {
    throw new UserError(`loadCheckpoint: checkpoint weight "${extra.name}" must exist in model ${model.type}, but got no such weight`);
  }
  tf.tidy(() => {
    for (const { name, variable } of variables) variable.assign(tensorOf(stored.get(name) as TensorRecord));
  });
}

/** The record as a tensor (the caller disposes it). */
export function tensorOf(record: { readonly shape: readonly number[]; readonly values: Float32Array }): tf.Tensor {
  return tf.tensor(record.values, [...record.shape], 'float32');
}

/** Host copy of a tensor's values (a snapshot, safe to keep while training continues). */
export function recordOf(name: string, tensor: tf.Tensor): TensorRecord {
  return { name, shape: [...tensor.shape], values: Float32Array.from(tensor.dataSync()) };
}
