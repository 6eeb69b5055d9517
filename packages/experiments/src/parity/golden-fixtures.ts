import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readNpy } from '@vad/data';
import { decodeStateDict, type StateDict } from '../io/torch-state-dict';

/**
 * Test helpers for the golden parity specs (not exported from the package): paths and readers of the
 * tensors tools/parity/export_golden.py wrote from the official DDL code.
 */

/** The fixtures folder. */
export const goldenDir = join(dirname(fileURLToPath(import.meta.url)), '__fixtures__');

/** A golden array as float32 with its shape. */
export interface Golden {
  readonly shape: readonly number[];
  readonly data: Float32Array;
}

/** Reads `<goldenDir>/<path>.npy`. */
export function golden(path: string): Golden {
  const array = readNpy(new Uint8Array(readFileSync(join(goldenDir, `${path}.npy`))), path);
  return { shape: array.shape, data: Float32Array.from(array.data) };
}

/** Reads the golden array as float64 (scalars such as terms.npy). */
export function goldenNumbers(path: string): number[] {
  return Array.from(readNpy(new Uint8Array(readFileSync(join(goldenDir, `${path}.npy`))), path).data);
}

/** Reads a golden `.pt` state dict. */
export function goldenState(path: string): StateDict {
  return decodeStateDict(new Uint8Array(readFileSync(join(goldenDir, path))), path);
}

/** Torch layout [B, C, T, H, W] → ours [B, T, H, W, C] (or [B, C, H, W] → [B, H, W, C] with T = 1). */
export function channelsLast(g: Golden): Float32Array {
  const [b, c, t, h, w] = g.shape.length === 5 ? (g.shape as [number, number, number, number, number]) : [g.shape[0] as number, g.shape[1] as number, 1, g.shape[2] as number, g.shape[3] as number];
  const out = new Float32Array(g.data.length);
  for (let n = 0; n < b; n++)
    for (let k = 0; k < c; k++)
      for (let z = 0; z < t; z++)
        for (let y = 0; y < h; y++)
          for (let x = 0; x < w; x++) out[((((n * t + z) * h + y) * w + x) * c) + k] = g.data[(((n * c + k) * t + z) * h + y) * w + x] as number;
  return out;
}

/** max |a − b| / max |b| (0 when both are all zero). */
export function relativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`relativeError(a, b) needs equal lengths, but got ${a.length} and ${b.length}`);
  let diff = 0;
  let scale = 0;
  for (let k = 0; k < b.length; k++) {
    diff = Math.max(diff, Math.abs((a[k] as number) - (b[k] as number)));
    scale = Math.max(scale, Math.abs(b[k] as number));
  }
  return scale === 0 ? diff : diff / scale;
}
