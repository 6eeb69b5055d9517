import { createRequire } from 'node:module';

/** Counters of the addon's native memory and primitive cache. */
export interface NativeStats {
  /** Bytes held by the scratch arena (grow-only). */
  readonly arenaBytes: number;
  /** How many times an arena buffer had to grow (constant once every shape has been seen). */
  readonly arenaGrowths: number;
  /** Entries in the primitive cache. */
  readonly cachedPrimitives: number;
  /** oneDNN primitives created so far. */
  readonly primitivesCreated: number;
  /** OpenMP threads used by oneDNN and by the addon's own loops. */
  readonly threads: number;
}

type F32 = Float32Array;
type Dims = readonly number[];

/** The functions of build/Release/vad_native.node (see addon/*.cc for each one's contract). */
export interface NativeAddon {
  convForward(x: F32, xShape: Dims, w: F32, wShape: Dims, bias: F32 | null, y: F32, yShape: Dims, geometry: Dims, activation: number): void;
  convBackwardData(dy: F32, dyShape: Dims, w: F32, wShape: Dims, dx: F32, dxShape: Dims, geometry: Dims): void;
  convBackwardWeights(x: F32, xShape: Dims, dy: F32, dyShape: Dims, dw: F32, wShape: Dims, geometry: Dims): void;
  convBackward(x: F32, xShape: Dims, w: F32, wShape: Dims, y: F32 | null, dy: F32, dyShape: Dims, geometry: Dims, activation: number, dx: F32, dw: F32, db: F32 | null): void;
  bnTrain(x: F32, rows: number, channels: number, gamma: F32, beta: F32, runMean: F32, runVar: F32, epsilon: number, momentum: number, relu: boolean, y: F32, mean: F32, variance: F32, newRunMean: F32, newRunVar: F32): void;
  bnGrad(dy: F32, x: F32, y: F32 | null, rows: number, channels: number, mean: F32, variance: F32, gamma: F32, epsilon: number, dx: F32, dGamma: F32, dBeta: F32): void;
  bnInfer(x: F32, rows: number, channels: number, mean: F32, variance: F32, scale: F32 | null, offset: F32 | null, epsilon: number, y: F32, relu?: boolean): void;
  binary(op: number, a: F32, aStrides: Dims, b: F32, bStrides: Dims, shape: Dims, out: F32 | Uint8Array): void;
  unary(op: number, x: F32, y: F32, alpha: number, beta: number): void;
  addN(xs: readonly F32[], y: F32): void;
  adam(p: F32, m: F32, v: F32, g: F32, lr: number, beta1: number, beta2: number, epsilon: number, correction1: number, correction2: number, pOut: F32, mOut: F32, vOut: F32): void;
  reduce(op: number, x: F32, outer: number, k: number, inner: number, y: F32): void;
  transpose(x: F32, shape: Dims, perm: Dims, y: F32): void;
  concat(xs: readonly F32[], widths: Dims, outer: number, y: F32): void;
  slice(x: F32, shape: Dims, begin: Dims, size: Dims, y: F32, paste?: boolean): void;
  matmul(a: F32, batchA: number, b: F32, batchB: number, m: number, n: number, k: number, transposeA: boolean, transposeB: boolean, c: F32): void;
  stats(): NativeStats;
  setThreads(threads: number): void;
  version(): { readonly onednn: string; readonly isa: number };
}

let loaded: { addon: NativeAddon } | { reason: string } | undefined;

/**
 * Loads the addon once: `{ addon }`, or `{ reason }` when it is not built (no oneDNN or compiler at
 * install time) or disabled with `VAD_NATIVE=off` (used to test the fallback).
 *
 * @example
 * const found = loadAddon();
 * if ('addon' in found) found.addon.version(); // => { onednn: '2.6.3', isa: … }
 */
export function loadAddon(env: NodeJS.ProcessEnv = process.env): { addon: NativeAddon } | { reason: string } {
  if (env['VAD_NATIVE'] === 'off') return { reason: 'disabled by VAD_NATIVE=off' };
  if (loaded !== undefined) return loaded;
  try {
    // OpenMP threads that wait at a barrier spin for ~300k iterations by default, which starves the
    // other thread on a busy shared machine; spin briefly, then sleep (unless the user chose).
    if (process.env['OMP_WAIT_POLICY'] === undefined && process.env['GOMP_SPINCOUNT'] === undefined) process.env['GOMP_SPINCOUNT'] = '20000';
    const require = createRequire(import.meta.url);
    loaded = { addon: require('../build/Release/vad_native.node') as NativeAddon };
  } catch (error) {
    const message = (error as Error).message.split('\n')[0] ?? 'unknown error';
    loaded = { reason: /Cannot find module/.test(message) ? 'addon not built' : `addon failed to load: ${message}` };
  }
  return loaded;
}
