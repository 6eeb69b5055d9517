/**
 * Reuse of the float32 arrays behind the native backend's tensors. A disposed tensor's array goes
 * back to a free list by length and the next output of that length takes it, so a steady training
 * step allocates no tensor memory: no page faults on fresh buffers and no garbage-collection
 * pressure from large ArrayBuffers (both measured as a large share of a step without it).
 *
 * Past `maxPooledBytes` the longest-pooled arrays are dropped (a step's rarely reused sizes go first).
 *
 * Safety: an array is only reused when no live tensor refers to its buffer (every registration of
 * a buffer, views included, is counted) and its values were never handed out (read, dataSync,
 * or written by the user), since tfjs returns the backend's own array from `dataSync()`.
 */
export class BufferPool {
  private readonly free = new Map<number, Float32Array[]>();
  /** Every pooled array in the order it was pooled (oldest first), for eviction past the cap. */
  private readonly order = new Set<Float32Array>();
  private readonly users = new Map<ArrayBufferLike, number>();
  private readonly pinned = new WeakSet<ArrayBufferLike>();
  /** Buffers this pool allocated (the cpu fallback kernels' own arrays are left to the garbage collector). */
  private readonly owned = new WeakSet<ArrayBufferLike>();
  private pooledBytes = 0;
  private reuses = 0;

  constructor(private readonly maxPooledBytes: number) {}

  /** A float32 array of `length` (recycled: contents undefined). */
  take(length: number): Float32Array {
    const recycled = this.free.get(length)?.pop();
    if (recycled !== undefined) {
      this.order.delete(recycled);
      this.pooledBytes -= recycled.byteLength;
      this.reuses++;
      return recycled;
    }
    const fresh = new Float32Array(length);
    this.owned.add(fresh.buffer);
    return fresh;
  }

  /** A tensor now refers to `values` (an output, or user data when `external`). */
  register(values: unknown, external: boolean): void {
    if (!ArrayBuffer.isView(values)) return;
    const buffer = values.buffer;
    if (external) this.pinned.add(buffer);
    this.users.set(buffer, (this.users.get(buffer) ?? 0) + 1);
  }

  /** Its values were handed out: never reuse them. */
  pin(values: unknown): void {
    if (ArrayBuffer.isView(values)) this.pinned.add(values.buffer);
  }

  /** A tensor referring to `values` was disposed; its array is reused once nothing else refers to the buffer. */
  release(values: unknown): void {
    if (!ArrayBuffer.isView(values)) return;
    const buffer = values.buffer;
    const left = (this.users.get(buffer) ?? 1) - 1;
    if (left > 0) {
      this.users.set(buffer, left);
      return;
    }
    this.users.delete(buffer);
    const whole = values instanceof Float32Array && values.byteOffset === 0 && values.byteLength === buffer.byteLength;
    if (!whole || !this.owned.has(buffer) || this.pinned.has(buffer) || values.byteLength > this.maxPooledBytes) return;
    const array = values as Float32Array;
    const list = this.free.get(array.length) ?? [];
    list.push(array);
    this.free.set(array.length, list);
    this.order.add(array);
    this.pooledBytes += array.byteLength;
    this.evict();
  }

  /** Drops the longest-pooled arrays until the pool fits its cap (they go to the garbage collector). */
  private evict(): void {
    for (const oldest of this.order) {
      if (this.pooledBytes <= this.maxPooledBytes) return;
      this.order.delete(oldest);
      const list = this.free.get(oldest.length);
      const at = list?.indexOf(oldest) ?? -1;
      if (list !== undefined && at >= 0) list.splice(at, 1);
      this.pooledBytes -= oldest.byteLength;
    }
  }

  /** Arrays waiting for reuse and their bytes; how many outputs reused one. */
  stats(): { readonly pooledArrays: number; readonly pooledBytes: number; readonly reuses: number } {
    let arrays = 0;
    for (const list of this.free.values()) arrays += list.length;
    return { pooledArrays: arrays, pooledBytes: this.pooledBytes, reuses: this.reuses };
  }

  /** Drops every pooled array (memory goes back to the garbage collector). */
  clear(): void {
    this.free.clear();
    this.order.clear();
    this.pooledBytes = 0;
  }
}
