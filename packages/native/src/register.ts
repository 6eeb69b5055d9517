import * as tf from '@tensorflow/tfjs';
import { loadAddon, type NativeStats } from './addon';
import { convKernels } from './kernels/conv-kernels';
import { elementwiseKernels } from './kernels/elementwise-kernels';
import { fusedKernels } from './kernels/fused-kernels';
import { nativeBackendName } from './kernels/kernel-util';
import { layoutKernels } from './kernels/layout-kernels';
import { reduceKernels } from './kernels/reduce-kernels';
import { NativeBackend } from './native-backend';

/** Every kernel the native backend implements itself (the rest are the cpu backend's). */
export const nativeKernels = [...convKernels, ...fusedKernels, ...elementwiseKernels, ...reduceKernels, ...layoutKernels];

/** What {@link registerNativeBackend} found. */
export type NativeRegistration = { readonly ok: true; readonly detail: string } | { readonly ok: false; readonly reason: string };

let registered: NativeRegistration | undefined;

/**
 * Registers the tfjs backend `native` (once): the cpu backend's storage and kernels, with the oneDNN
 * kernels of this package on top. Threads: `VAD_NATIVE_THREADS`, else OpenMP's default (all cores).
 * Does not activate it (call `tf.setBackend('native')`).
 *
 * @example
 * const r = registerNativeBackend();
 * if (r.ok) await tf.setBackend('native'); else console.log(r.reason); // e.g. 'addon not built'
 */
export function registerNativeBackend(env: NodeJS.ProcessEnv = process.env): NativeRegistration {
  const found = loadAddon(env);
  if (!('addon' in found)) return { ok: false, reason: found.reason };
  if (registered !== undefined) return registered;
  const { addon } = found;
  const threads = Number(env['VAD_NATIVE_THREADS']);
  if (Number.isInteger(threads) && threads > 0) addon.setThreads(threads);
  tf.registerBackend(nativeBackendName, () => new NativeBackend(addon), 0);
  const own = new Set(nativeKernels.map((k) => k.kernelName));
  for (const kernel of tf.getKernelsForBackend('cpu')) {
    if (!own.has(kernel.kernelName)) tf.registerKernel({ ...kernel, backendName: nativeBackendName });
  }
  for (const kernel of nativeKernels) tf.registerKernel(kernel);
  const v = addon.version();
  registered = { ok: true, detail: `oneDNN ${v.onednn}, ${addon.stats().threads} thread(s), ${own.size} native kernels, cpu kernels for the rest` };
  return registered;
}

/** Counters of the native arena, primitive cache and buffer pool (for leak checks); null when not loaded. */
export function nativeStats(): (NativeStats & Partial<ReturnType<NativeBackend['pool']['stats']>>) | null {
  const found = loadAddon();
  if (!('addon' in found)) return null;
  const backend = registered?.ok === true ? tf.findBackend(nativeBackendName) : null;
  return backend instanceof NativeBackend ? backend.nativeStats() : found.addon.stats();
}
