import * as tf from '@tensorflow/tfjs';
import type { AnomalyModel, ModelGeometry } from '../contracts/model';
import type { JsonValue, StepObservation } from '../contracts/schedule';
import type { RngState } from '../rng';
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
 * Everything needed to continue a run bit-identically on the same backend. Plain data: the
 * experiments package writes `encodeCheckpoint(c)` to disk (core does no file I/O).
 */
export interface Checkpoint {
    readonly version: 1;
    readonly model: {
        readonly type: string;
        readonly geometry: ModelGeometry;
    };
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
    readonly optimizer: {
        readonly model: readonly AdamSlotRecord[];
        readonly logit: readonly AdamSlotRecord[];
    };
    /** States of the simulator and schedule streams; the data order's seed. */
    readonly rng: {
        readonly simulator: RngState;
        readonly schedule: RngState;
        readonly shuffleSeed: number;
    };
    readonly schedule: {
        readonly type: string;
        readonly state: JsonValue;
        readonly history: readonly StepObservation[];
    };
    /** The resolved run configuration, opaque to core. */
    readonly config: JsonValue;
}
/**
 * Serialises a checkpoint: the 8 ASCII bytes `VADCKPT1`, a little-endian uint32 header length, the
 * JSON header (every array replaced by its offset and length in the blob), zero padding to a
 * multiple of 4, then all float32 values little-endian.
 *
 * @example
 * const bytes = encodeCheckpoint(checkpoint); // Uint8Array, ≈ 4 bytes per weight + 8 per Adam moment pair
 * decodeCheckpoint(bytes);                    // => an equal Checkpoint
 */
export declare function encodeCheckpoint(checkpoint: Checkpoint): Uint8Array;
/** Parses {@link encodeCheckpoint}'s bytes; malformed input is a UserError. */
export declare function decodeCheckpoint(bytes: Uint8Array): Checkpoint;
/**
 * Checks that `checkpoint` fits `model` (same weight names and shapes) and assigns its weights.
 * Nothing is assigned unless everything matches; the first mismatch is a UserError, e.g.
 * `loadCheckpoint: weight "enc1.conv3.kernel" must have shape [3,3,3,8], but got [3,3,3,16]`.
 */
export declare function loadCheckpointWeights(model: AnomalyModel, checkpoint: Checkpoint): void;
/** The record as a tensor (the caller disposes it). */
export declare function tensorOf(record: {
    readonly shape: readonly number[];
    readonly values: Float32Array;
}): tf.Tensor;
/** Host copy of a tensor's values (a snapshot, safe to keep while training continues). */
export declare function recordOf(name: string, tensor: tf.Tensor): TensorRecord;
