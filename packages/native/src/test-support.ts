import * as tf from '@tensorflow/tfjs';
import { registerNativeBackend } from './register';

/**
 * Whether the native specs can run: the addon must be built. They skip with the reason otherwise,
 * except when `VAD_REQUIRE_NATIVE=1` (CI installs oneDNN, so a missing addon there is a failure).
 */
export function nativeForTests(): { readonly available: boolean; readonly reason: string } {
  const r = registerNativeBackend();
  if (r.ok) return { available: true, reason: '' };
  if (process.env['VAD_REQUIRE_NATIVE'] === '1') throw new Error(`native backend must be built (VAD_REQUIRE_NATIVE=1), but got: ${r.reason}`);
  return { available: false, reason: `native backend unavailable (${r.reason}); see packages/native/README.md` };
}

/** max |a − b| / max |b| (the specs' relative error). */
export function relativeError(a: tf.Tensor, b: tf.Tensor): number {
  const av = a.dataSync();
  const bv = b.dataSync();
  if (av.length !== bv.length) return Infinity;
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < av.length; i++) {
    diff = Math.max(diff, Math.abs((av[i] ?? NaN) - (bv[i] ?? NaN)));
    scale = Math.max(scale, Math.abs(bv[i] ?? NaN));
  }
  return diff / Math.max(scale, 1e-12);
}

/**
 * Runs `fn` on the cpu backend and on the native one with the same input values; returns both
 * results as plain host tensors' data ([cpu, native]) for comparison.
 */
export async function onBoth(inputs: ReadonlyArray<{ shape: number[]; values: Float32Array }>, fn: (xs: tf.Tensor[]) => tf.Tensor | tf.Tensor[]): Promise<[tf.Tensor[], tf.Tensor[]]> {
  const run = async (backend: string): Promise<tf.Tensor[]> => {
    await tf.setBackend(backend);
    const results = tf.tidy(() => {
      const xs = inputs.map((i) => tf.tensor(i.values, i.shape));
      const out = fn(xs);
      return Array.isArray(out) ? out : [out];
    });
    const host = results.map((t) => ({ shape: t.shape, dtype: t.dtype, values: t.dataSync().slice() }));
    tf.dispose(results);
    await tf.setBackend('cpu');
    return host.map((h) => tf.tensor(h.values, h.shape, h.dtype));
  };
  const cpu = await run('cpu');
  const native = await run('native');
  return [cpu, native];
}

/** Seeded standard-normal host data of `shape` (plain Box–Muller on a xorshift stream). */
export function randomData(shape: number[], seed: number, offset = 0): { shape: number[]; values: Float32Array } {
  let s = (seed * 2654435761) >>> 0 || 1;
  const next = (): number => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return (s + 0.5) / 4294967296;
  };
  const values = new Float32Array(shape.reduce((a, b) => a * b, 1));
  for (let i = 0; i < values.length; i++) values[i] = offset + Math.sqrt(-2 * Math.log(next())) * Math.cos(2 * Math.PI * next());
  return { shape, values };
}
