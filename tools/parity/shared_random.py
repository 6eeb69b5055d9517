"""The parity harness's shared randomness, bit-identical to tools/parity/shared-random.ts.

Both implementations draw the batch order, the tracked object of each clip and the noise A from
these counter-based streams (lowbias32 hash chains), so a run of the official code and a run of ours
see the same batches with the same noise, without shipping any random numbers between them.
"""
import numpy as np

M = 0xFFFFFFFF


def mix(x):
    """lowbias32 (C. Wellons) on Python ints."""
    x &= M
    x ^= x >> 16
    x = (x * 0x7FEB352D) & M
    x ^= x >> 15
    x = (x * 0x846CA68B) & M
    x ^= x >> 16
    return x


def mix_array(x):
    """lowbias32 on a uint32 numpy array (multiplications wrap mod 2**32)."""
    x = x.astype(np.uint32)
    x ^= x >> np.uint32(16)
    x *= np.uint32(0x7FEB352D)
    x ^= x >> np.uint32(15)
    x *= np.uint32(0x846CA68B)
    x ^= x >> np.uint32(16)
    return x


STREAMS = {'order': 1, 'track': 2, 'noise': 3}


def key(seed, stream, *parts):
    h = mix(seed ^ 0x9E3779B9)
    h = mix(h ^ STREAMS[stream])
    for p in parts:
        h = mix(h ^ (p & M))
    return h


def uniform(seed, stream, parts, count):
    """count floats in [0, 1) (24-bit, exact in float32) of the stream at `parts`, element k = index k."""
    h = np.uint32(key(seed, stream, *parts))
    u = mix_array(np.arange(count, dtype=np.uint32) ^ h) >> np.uint32(8)
    return u.astype(np.float64) / 16777216.0


def order(seed, epoch, n):
    """The epoch's permutation of n items: sorted by hash key, ties by index."""
    keys = np.array([key(seed, 'order', epoch, i) for i in range(n)], dtype=np.uint64)
    return [int(i) for i in np.lexsort((np.arange(n), keys))]


def choice(seed, epoch, step, b, n):
    """Index of the tracked object clip b of the step picks among n sorted common tracks."""
    return key(seed, 'track', epoch, step, b) % n
