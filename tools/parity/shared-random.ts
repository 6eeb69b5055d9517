/**
 * The parity harness's shared randomness, bit-identical to tools/parity/shared_random.py: the batch
 * order, the tracked object of each clip and the noise A come from counter-based streams (lowbias32
 * hash chains), so the official code and ours see the same batches with the same noise.
 */

/** lowbias32 (C. Wellons) on uint32. */
export function mix(value: number): number {
  let x = value >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d) >>> 0;
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b) >>> 0;
  x ^= x >>> 16;
  return x >>> 0;
}

const streams = { order: 1, track: 2, noise: 3 } as const;

/** Hash of (seed, stream, parts…). */
export function key(seed: number, stream: keyof typeof streams, ...parts: readonly number[]): number {
  let h = mix((seed ^ 0x9e3779b9) >>> 0);
  h = mix(h ^ streams[stream]);
  for (const p of parts) h = mix((h ^ p) >>> 0);
  return h;
}

/** `count` floats in [0, 1) (24-bit, exact in float32) of the stream at `parts`; element k has index k. */
export function uniform(seed: number, stream: keyof typeof streams, parts: readonly number[], count: number): Float32Array {
  const h = key(seed, stream, ...parts);
  const out = new Float32Array(count);
  for (let k = 0; k < count; k++) out[k] = (mix((k ^ h) >>> 0) >>> 8) / 16777216;
  return out;
}

/** The epoch's permutation of n items: sorted by hash key, ties by index. */
export function order(seed: number, epoch: number, n: number): number[] {
  const keys = Array.from({ length: n }, (_, i) => key(seed, 'order', epoch, i));
  return Array.from({ length: n }, (_, i) => i).sort((a, b) => (keys[a] as number) - (keys[b] as number) || a - b);
}

/** Index of the tracked object clip b of the step picks among n sorted common tracks. */
export function choice(seed: number, epoch: number, step: number, b: number, n: number): number {
  return key(seed, 'track', epoch, step, b) % n;
}
