import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '@vad/core';
import type { FrameSource, SimulateResult } from '@vad/core';
import { createSimulator } from './create-simulator';
import { holdOffsets } from './plugins/duplicate-frames';
import { reverseOffsets } from './plugins/reversed-frames';
import { skipOffsets } from './plugins/skipped-frames';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

// Videos whose frame k is a constant image of value k / 100 (1 channel, 2×2), so each output pixel
// tells which frame it came from. Window: 5 frames around frame 10; mask: everything.
const source: FrameSource = {
  length: () => 40,
  frames: (_video, indices) => Float32Array.from(indices.flatMap((k) => [k, k, k, k].map((v) => Math.min(39, Math.max(0, v)) / 100))),
};
const shape: [number, number, number, number, number] = [1, 5, 2, 2, 1];
const windowData = Float32Array.from([8, 9, 10, 11, 12].flatMap((k) => [k, k, k, k].map((v) => v / 100)));

function frameIds(type: string, options: Record<string, unknown>, withSource: boolean, sigma = 1): { frames: number[]; mask: number[] } {
  return tf.tidy(() => {
    const clips = tf.tensor5d(windowData, shape);
    const simulator = createSimulator({ type, ...options });
    const result: SimulateResult = simulator.simulate({
      clips,
      masks: tf.ones([1, 5, 2, 2, 1]) as tf.Tensor5D,
      sigma: tf.scalar(sigma),
      rng: createRng(1),
      meta: [{ video: 'v', frame: 10 }],
      ...(withSource ? { source } : {}),
    });
    const values = Array.from(result.clips.dataSync());
    const mask = Array.from(result.mask.dataSync());
    return { frames: [0, 4, 8, 12, 16].map((i) => Math.round((values[i] ?? 0) * 1000) / 10), mask: [0, 4, 8, 12, 16].map((i) => mask[i] ?? -1) };
  });
}

describe('temporal offsets', () => {
  it('computes window offsets by hand', () => {
    expect(skipOffsets(5, 3, 'start')).toEqual([-2, 1, 4, 7, 10]);
    expect(skipOffsets(5, 2, 'centre')).toEqual([-4, -2, 0, 2, 4]);
    expect(holdOffsets(5, 2, 0)).toEqual([-2, -2, -1, -1, 0]);
    expect(holdOffsets(3, 5, 2)).toEqual([1, 1, 1]); // r ≥ T freezes on the anchor frame
    expect(reverseOffsets(5, 1, 'start')).toEqual([2, 1, 0, -1, -2]);
    expect(reverseOffsets(5, 2, 'centre')).toEqual([4, 2, 0, -2, -4]);
  });
});

describe('skipped-frames', () => {
  it('reads frames beyond the window from the source (stride 3, start anchor)', () => {
    expect(frameIds('skipped-frames', { strides: [3] }, true)).toEqual({ frames: [8, 11, 14, 17, 20], mask: [0, 1, 1, 1, 1] });
  });

  it('falls back to the window without a source (edge frames repeat)', () => {
    expect(frameIds('skipped-frames', { strides: [2], anchor: 'centre' }, false)).toEqual({ frames: [8, 8, 10, 12, 12], mask: [0, 1, 0, 1, 0] });
  });

  it('blends by σ: σ = 0.5 gives the average of normal and skipped frames', () => {
    expect(frameIds('skipped-frames', { strides: [3] }, true, 0.5).frames).toEqual([8, 10, 12, 14, 16]);
  });
});

describe('reversed-frames', () => {
  it('plays the window backwards; the middle frame is unchanged', () => {
    expect(frameIds('reversed-frames', {}, false)).toEqual({ frames: [12, 11, 10, 9, 8], mask: [1, 1, 0, 1, 1] });
  });

  it('combines with a stride when a source is present', () => {
    expect(frameIds('reversed-frames', { strides: [2] }, true)).toEqual({ frames: [16, 14, 12, 10, 8], mask: [1, 1, 1, 1, 1] });
  });
});

describe('duplicate-frames', () => {
  it('repeats frames around a random anchor (r = 5 freezes the whole window)', () => {
    const { frames, mask } = frameIds('duplicate-frames', { holds: [5] }, false);
    expect(new Set(frames).size).toBe(1);
    expect(mask.filter((m) => m === 0)).toHaveLength(1); // only the anchor frame itself is unchanged
  });
});

describe('frame-fusion', () => {
  it('fuses with a clip ≥ minGap frames away in the same video (σ is the fusion weight)', () => {
    const { frames, mask } = frameIds('frame-fusion', { minGap: 8 }, true, 0.5);
    const other = frames.map((value, t) => 2 * value - (8 + t)); // X_A = 0.5·X + 0.5·F
    other.slice(1).forEach((value, t) => expect(value - (other[t] ?? 0)).toBeCloseTo(1, 5)); // consecutive frames
    expect(Math.abs((other[2] ?? 0) - 10)).toBeGreaterThanOrEqual(8);
    expect(mask).toEqual([1, 1, 1, 1, 1]);
  });

  it('fuses with another sample of the batch without a source', () => {
    const out = tf.tidy(() => {
      const clips = tf.concat([tf.zeros([1, 3, 2, 2, 1]), tf.ones([1, 3, 2, 2, 1])], 0) as tf.Tensor5D;
      const simulator = createSimulator({ type: 'frame-fusion' });
      const result = simulator.simulate({ clips, masks: tf.ones([2, 3, 2, 2, 1]) as tf.Tensor5D, sigma: tf.scalar(0.25), rng: createRng(3), meta: [] });
      return Array.from(result.clips.dataSync());
    });
    expect(out).toEqual([...new Array(12).fill(0.25), ...new Array(12).fill(0.75)]);
  });
});
