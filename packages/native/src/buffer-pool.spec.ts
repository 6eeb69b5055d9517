import { describe, expect, it } from 'vitest';
import { BufferPool } from './buffer-pool';

describe('BufferPool', () => {
  it('reuses a released output array for the next output of the same length only', () => {
    const pool = new BufferPool(1 << 20);
    const a = pool.take(16);
    pool.register(a, false);
    pool.release(a);
    expect(pool.take(8)).not.toBe(a);
    expect(pool.take(16)).toBe(a);
    expect(pool.stats().reuses).toBe(1);
  });

  it('never reuses user data, values that were read out, arrays it did not allocate, or a buffer a live view still uses', () => {
    const pool = new BufferPool(1 << 20);
    const user = new Float32Array(4);
    pool.register(user, true);
    pool.release(user);
    const read = pool.take(4);
    pool.register(read, false);
    pool.pin(read);
    pool.release(read);
    const foreign = new Float32Array(4);
    pool.register(foreign, false);
    pool.release(foreign);
    expect(pool.stats().pooledArrays).toBe(0);
    const owner = pool.take(4);
    pool.register(owner, false);
    const view = owner.subarray(1, 3);
    pool.register(view, false); // e.g. a slice returned as a view by a cpu kernel
    pool.release(owner);
    expect(pool.stats().pooledArrays).toBe(0); // the view still refers to the buffer
    pool.release(view);
    expect(pool.stats().pooledArrays).toBe(0); // a view is not the whole array: dropped, not pooled
  });

  it('drops the longest-pooled arrays past its cap', () => {
    const pool = new BufferPool(3 * 4 * 100); // room for three arrays of 100 floats
    const arrays = [0, 1, 2, 3].map(() => pool.take(100));
    for (const a of arrays) {
      pool.register(a, false);
      pool.release(a);
    }
    expect(pool.stats()).toMatchObject({ pooledArrays: 3, pooledBytes: 1200 });
    const taken = [pool.take(100), pool.take(100), pool.take(100)];
    expect(taken.filter((t) => t === arrays[0])).toHaveLength(0); // the first pooled was evicted
    expect(arrays.slice(1).every((a) => taken.includes(a))).toBe(true);
  });
});
