import * as tf from '@tensorflow/tfjs';
import type { AnomalyModel, ModelGeometry } from '../contracts/model';
import type { JsonValue, StepObservation } from '../contracts/schedule';
import { UserError } from '../errors';
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

const magic = 'VADCKPT1';
const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
interface BlobRef {
  readonly offset: number;
  readonly length: number;
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
export function encodeCheckpoint(checkpoint: Checkpoint): Uint8Array {
  const arrays: Float32Array[] = [];
  let floats = 0;
  const ref = (values: Float32Array): BlobRef => {
    arrays.push(values);
    floats += values.length;
    return { offset: floats - values.length, length: values.length };
  };
  const slots = (list: readonly AdamSlotRecord[]) => list.map((s) => ({ ...s, m: ref(s.m), v: ref(s.v) }));
  const header = {
    ...checkpoint,
    weights: checkpoint.weights.map((w) => ({ ...w, values: ref(w.values) })),
    optimizer: { model: slots(checkpoint.optimizer.model), logit: slots(checkpoint.optimizer.logit) },
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const blobStart = Math.ceil((12 + json.length) / 4) * 4;
  const bytes = new Uint8Array(blobStart + floats * 4);
  bytes.set(new TextEncoder().encode(magic), 0);
  new DataView(bytes.buffer).setUint32(8, json.length, true);
  bytes.set(json, 12);
  let at = 0;
  if (littleEndian) {
    const blob = new Float32Array(bytes.buffer, blobStart, floats);
    for (const values of arrays) blob.set(values, (at += values.length) - values.length);
  } else {
    const blob = new DataView(bytes.buffer, blobStart);
    for (const values of arrays) for (const x of values) blob.setFloat32(4 * at++, x, true);
  }
  return bytes;
}

/** Parses {@link encodeCheckpoint}'s bytes; malformed input is a UserError. */
export function decodeCheckpoint(bytes: Uint8Array): Checkpoint {
  const head = new TextDecoder().decode(bytes.subarray(0, 8));
  if (bytes.length < 12 || head !== magic) {
    throw new UserError(`decodeCheckpoint: bytes must start with "${magic}", but got ${JSON.stringify(head)}`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = view.getUint32(8, true);
  const blobStart = Math.ceil((12 + length) / 4) * 4;
  if (12 + length > bytes.length) throw new UserError(`decodeCheckpoint: header must hold its ${length} bytes, but the file ends after ${bytes.length - 12} (truncated)`);
  let header: Record<string, unknown>;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + length))) as Record<string, unknown>;
  } catch (error) {
    throw new UserError(`decodeCheckpoint: header must be JSON, but ${(error as Error).message}`);
  }
  if (header === null || typeof header !== 'object') throw new UserError(`decodeCheckpoint: header must be a JSON object, but got ${JSON.stringify(header)}`);
  if (header['version'] !== 1) throw new UserError(`decodeCheckpoint: version must be 1, but got ${String(header['version'])}`);
  const stored = header['optimizer'] as { model?: unknown; logit?: unknown } | undefined;
  if (!Array.isArray(header['weights']) || !Array.isArray(stored?.model) || !Array.isArray(stored?.logit)) {
    throw new UserError('decodeCheckpoint: header must list weights and optimizer.model/logit slots, but some are missing');
  }
  const floats = Math.floor((bytes.length - blobStart) / 4);
  const read = (r: BlobRef): Float32Array => {
    if (!(typeof r?.offset === 'number' && typeof r.length === 'number' && r.offset >= 0 && r.offset + r.length <= floats)) {
      throw new UserError(`decodeCheckpoint: tensor data must lie inside the ${floats} stored floats, but got [${r?.offset}, ${r?.offset + r?.length}) (truncated?)`);
    }
    const start = blobStart + 4 * r.offset;
    if (littleEndian) return new Float32Array(bytes.slice(start, start + 4 * r.length).buffer);
    return Float32Array.from({ length: r.length }, (_, i) => view.getFloat32(start + 4 * i, true));
  };
  type Stored<T, K extends keyof T> = Omit<T, K> & { [P in K]: BlobRef };
  const slots = (list: Stored<AdamSlotRecord, 'm' | 'v'>[]): AdamSlotRecord[] => list.map((s) => ({ ...s, m: read(s.m), v: read(s.v) }));
  const optimizer = header['optimizer'] as { model: Stored<AdamSlotRecord, 'm' | 'v'>[]; logit: Stored<AdamSlotRecord, 'm' | 'v'>[] };
  return {
    ...(header as unknown as Checkpoint),
    weights: (header['weights'] as Stored<TensorRecord, 'values'>[]).map((w) => ({ ...w, values: read(w.values) })),
    optimizer: { model: slots(optimizer.model), logit: slots(optimizer.logit) },
  };
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
