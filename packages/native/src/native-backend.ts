import type { DataType, TensorInfo } from '@tensorflow/tfjs';
import { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import type { NativeAddon, NativeStats } from './addon';

/**
 * The `native` tfjs backend: the cpu backend's tensor storage (plain typed arrays in the JS heap,
 * no wasm heap limit) and its kernels as the fallback, with oneDNN kernels registered on top.
 */
export class NativeBackend extends MathBackendCPU {
  constructor(readonly addon: NativeAddon) {
    super();
    (this as unknown as { firstUse: boolean }).firstUse = false; // no "install tfjs-node" banner: this is the native path
  }

  /**
   * The float32 values of a tensor: its own array, or a float copy when it shares a bool/int32
   * tensor's data (tfjs casts bool → float32 without copying).
   */
  f32(t: TensorInfo): Float32Array {
    const values = this.data.get(t.dataId).values;
    if (values instanceof Float32Array) return values;
    if (values === undefined || !ArrayBuffer.isView(values)) throw new Error(`native backend: tensor values must be a typed array, but got ${typeof values}`);
    return Float32Array.from(values as Int32Array | Uint8Array);
  }

  /** A new float32 output tensor of `shape` whose values the caller fills. */
  output(shape: readonly number[]): { info: TensorInfo; values: Float32Array } {
    const values = new Float32Array(sizeOf(shape));
    return { info: this.makeTensorInfo([...shape], 'float32', values), values };
  }

  /** A new bool output tensor (one byte per element). */
  outputBool(shape: readonly number[]): { info: TensorInfo; values: Uint8Array } {
    const values = new Uint8Array(sizeOf(shape));
    return { info: this.makeTensorInfo([...shape], 'bool' satisfies DataType, values), values };
  }

  /** The addon's arena and primitive-cache counters. */
  nativeStats(): NativeStats {
    return this.addon.stats();
  }
}

function sizeOf(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}
