import { createRng, type HostBatch } from '@vad/core';
import { describe, expect, it } from 'vitest';
import { fullFrameMask } from './masks/full-frame';
import type { MaskProvider } from './masks/mask-provider';
import { createTrainStream } from './train-stream';
import { testClips, type TestClipBatch } from './test-clips';
import type { Video } from './types';
import { createVideo, memoryStore } from './video';

// A video whose every pixel of frame i equals (base + i) / 255, so clips reveal which frames they hold.
function ramp(id: string, length: number, base: number): Video {
  const bytes = Uint8Array.from({ length: length * 4 }, (_, k) => base + Math.floor(k / 4));
  return createVideo({ id, scene: '01', fps: 25, height: 2, width: 2, channels: 1 }, memoryStore(bytes, 4));
}
const frameOf = (clips: Float32Array, at: number): number => Math.round(clips[at]! * 255);

async function collect(stream: ReturnType<typeof createTrainStream>, epoch: number, seed: number): Promise<HostBatch[]> {
  const out: HostBatch[] = [];
  for await (const b of stream.batches(epoch, seed)) out.push(b);
  return out;
}

describe('createTrainStream', () => {
  const videos = [ramp('a', 6, 0), ramp('b', 5, 100)];

  it('yields every full window once per epoch, in a seed- and epoch-determined order', async () => {
    const stream = createTrainStream({ train: videos }, { frames: 3, batchSize: 2 });
    // targets: a → 1..4, b → 1..3 → 7 windows → 3 batches of 2 (the 7th is dropped)
    expect(stream.stepsPerEpoch).toBe(3);
    expect(stream.clipShape).toEqual([3, 2, 2, 1]);
    const e0 = await collect(stream, 0, 7);
    expect(e0.map((b) => b.shape)).toEqual([[2, 3, 2, 2, 1], [2, 3, 2, 2, 1], [2, 3, 2, 2, 1]]);
    const metas = e0.flatMap((b) => b.meta);
    expect(new Set(metas.map((m) => `${m.video}${m.frame}`)).size).toBe(6);
    for (const b of e0) {
      b.meta.forEach((m, k) => {
        const base = m.video === 'a' ? 0 : 100;
        // window frames target-1, target, target+1 of the right video, pixel-exact
        expect([0, 1, 2].map((t) => frameOf(b.clips, k * 12 + t * 4))).toEqual([base + m.frame - 1, base + m.frame, base + m.frame + 1]);
      });
      expect(b.masks).toBeNull();
    }
    expect((await collect(stream, 0, 7)).flatMap((b) => b.meta)).toEqual(metas);
    expect((await collect(stream, 1, 7)).flatMap((b) => b.meta)).not.toEqual(metas);
    expect((await collect(stream, 0, 8)).flatMap((b) => b.meta)).not.toEqual(metas);
  });

  it('fills masks from the provider and reports null for batches without objects', async () => {
    const full = createTrainStream({ train: videos }, { frames: 3, batchSize: 3, masks: fullFrameMask() });
    const [b] = await collect(full, 0, 1);
    expect(b!.masks!.length).toBe(3 * 3 * 4);
    expect(b!.masks!.every((m) => m === 1)).toBe(true);
    const never: MaskProvider = { type: 'never', fill: () => false };
    const none = createTrainStream({ train: videos }, { frames: 3, batchSize: 3, masks: never });
    expect((await collect(none, 0, 1)).every((x) => x.masks === null)).toBe(true);
  });

  it('draws masks from a (seed, epoch, step, clip) rng, independent of prefetch depth', async () => {
    const seen: number[] = [];
    const probe: MaskProvider = {
      type: 'probe',
      fill: (_v, _i, rng, out, offset) => {
        seen.push(rng.next());
        out[offset] = 1;
        return true;
      },
    };
    const draws = async (prefetch: number): Promise<number[]> => {
      seen.length = 0;
      const s = createTrainStream({ train: videos }, { frames: 3, batchSize: 2, masks: probe, prefetch });
      await collect(s, 2, 5);
      return [...seen].sort();
    };
    const expected = [0, 1, 2].flatMap((step) => [0, 1].map((b) => createRng(`5/masks/2/${step}/${b}`).next())).sort();
    expect(await draws(0)).toEqual(expected);
    expect(await draws(3)).toEqual(expected);
  });

  it('gives temporal simulators random access through source, clamping at the edges', () => {
    const stream = createTrainStream({ train: videos }, { frames: 3, batchSize: 2 });
    expect(stream.source!.length('b')).toBe(5);
    const f = stream.source!.frames('b', [-2, 0, 4, 9]);
    expect([0, 4, 8, 12].map((o) => frameOf(f, o))).toEqual([100, 100, 104, 104]);
  });

  it('rejects impossible requests with the house message', () => {
    expect(() => createTrainStream({ train: videos }, { frames: 9, batchSize: 2 })).toThrow(/no video has the 9 frames a window needs/);
    expect(() => createTrainStream({ train: videos }, { frames: 3, batchSize: 0 })).toThrow(/batchSize\) must be a positive integer, but got 0/);
  });
});

describe('testClips', () => {
  const video = ramp('t', 6, 10);

  it('scores frames 1..L-2 with drop (T = 3) in batches', async () => {
    const batches: TestClipBatch[] = [];
    for await (const b of testClips(video, { frames: 3, edge: 'drop', batchSize: 3 })) batches.push(b);
    expect(batches.map((b) => b.frames)).toEqual([[1, 2, 3], [4]]);
    expect(batches[1]!.shape).toEqual([1, 3, 2, 2, 1]);
    expect([0, 1, 2].map((t) => frameOf(batches[1]!.clips, t * 4))).toEqual([13, 14, 15]);
  });

  it('scores every frame with replicate, repeating edge frames', async () => {
    const batches: TestClipBatch[] = [];
    for await (const b of testClips(video, { frames: 5, edge: 'replicate', batchSize: 4 })) batches.push(b);
    expect(batches.flatMap((b) => b.frames)).toEqual([0, 1, 2, 3, 4, 5]);
    expect([0, 1, 2, 3, 4].map((t) => frameOf(batches[0]!.clips, t * 4))).toEqual([10, 10, 10, 11, 12]);
    expect([0, 1, 2, 3, 4].map((t) => frameOf(batches[1]!.clips, 20 + t * 4))).toEqual([13, 14, 15, 15, 15]);
  });
});
