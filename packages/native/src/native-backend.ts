import type { BackendValues, DataId, DataType, TensorInfo } from '@tensorflow/tfjs';
import { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import type { NativeAddon, NativeStats } from './addon';
import { BufferPool } from './buffer-pool';

/** Memory kept for reuse at most (MB), `VAD_NATIVE_POOL_MB`. */
const defaultPoolMb = 2048;

/**
 * The `native` tfjs backend: the cpu backend's tensor storage (plain typed arrays in the JS heap,
 * no wasm heap limit) and its kernels as the fallback, with oneDNN kernels registered on top, and
 * output arrays recycled through a {@link BufferPool}.
 */
export class NativeBackend extends MathBackendCPU {
  readonly pool: BufferPool;
  private fromKernel = false;

  constructor(readonly addon: NativeAddon, env: NodeJS.ProcessEnv = process.env) {
    super();
    (this as unknown as { firstUse: boolean }).firstUse = false; // no "install tfjs-node" banner: this is the native path
    const mb = Number(env['VAD_NATIVE_POOL_MB'] ?? defaultPoolMb);
    this.pool = new BufferPool((Number.isFinite(mb) && mb >= 0 ? mb : defaultPoolMb) * 2 ** 20);
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

  /** A new float32 output tensor of `shape`; the caller overwrites every value (recycled arrays are not zeroed). */
  output(shape: readonly number[]): { info: TensorInfo; values: Float32Array } {
    const values = this.pool.take(sizeOf(shape));
    return { info: this.makeTensorInfo([...shape], 'float32', values), values };
  }

  /** A new bool output tensor (one byte per element). */
  outputBool(shape: readonly number[]): { info: TensorInfo; values: Uint8Array } {
    const values = new Uint8Array(sizeOf(shape));
    return { info: this.makeTensorInfo([...shape], 'bool' satisfies DataType, values), values };
  }

  override makeTensorInfo(shape: number[], dtype: DataType, values?: BackendValues | string[]): TensorInfo {
    this.fromKernel = true;
    try {
      return super.makeTensorInfo(shape, dtype, values);
    } finally {
      this.fromKernel = false;
    }
  }

  override write(values: BackendValues, shape: number[], dtype: DataType): DataId {
    const id = super.write(values, shape, dtype);
    this.pool.register(values, !this.fromKernel); // user data (tf.tensor(array)) is never reused
    return id;
  }

  override move(dataId: DataId, values: BackendValues, shape: number[], dtype: DataType, refCount: number): void {
    super.move(dataId, values, shape, dtype, refCount);
    this.pool.register(values, true);
  }

  override readSync(dataId: DataId): BackendValues {
    const values = super.readSync(dataId);
    this.pool.pin(this.data.get(dataId)?.values);
    return values;
  }

  override disposeData(dataId: DataId, force = false): boolean {
    const values = this.data.has(dataId) ? this.data.get(dataId).values : undefined;
    const released = super.disposeData(dataId, force);
    if (released && values !== undefined && !this.data.has(dataId)) this.pool.release(values);
    return released;
  }

  /** The addon's arena and primitive-cache counters, with the buffer pool's. */
  nativeStats(): NativeStats & ReturnType<BufferPool['stats']> {
    return { ...this.addon.stats(), ...this.pool.stats() };
  }
}

function sizeOf(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}
