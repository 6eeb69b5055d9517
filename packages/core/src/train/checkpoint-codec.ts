import { UserError } from '../errors';
import type { AdamSlotRecord, Checkpoint, TensorRecord } from './checkpoint';

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
