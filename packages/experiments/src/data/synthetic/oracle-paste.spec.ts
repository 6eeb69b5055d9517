import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '@vad/core';
import { checkSimulateResult, createDemoScene, createSimulator } from '@vad/simulators';
import { simulator as oracle } from './oracle-paste';

const scene = createDemoScene({ height: 24, width: 24, channels: 3, seed: 3, frames: 24 });
const host = scene.batch([{ video: 'demo-0', frame: 10 }, { video: 'demo-1', frame: 12 }], 3);
const shape = host.shape as [number, number, number, number, number];
const maskShape = [...shape.slice(0, 4), 1] as [number, number, number, number, number];

function paste(sigma: number, seed: number, options: object = {}, masks = host.masks!) {
  const sim = createSimulator({ type: 'oracle-paste', ...options }, { plugins: { 'oracle-paste': oracle } });
  return tf.tidy(() => {
    const input = { clips: tf.tensor5d(host.clips, shape), masks: tf.tensor5d(masks, maskShape), sigma: tf.scalar(sigma), rng: createRng(seed), meta: host.meta };
    const result = sim.simulate(input);
    checkSimulateResult(input, result, 'oracle-paste');
    return { clips: result.clips.dataSync().slice(), mask: result.mask.dataSync().slice(), target: result.target.dataSync().slice() };
  });
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('oracle-paste (the benchmark check positive control)', () => {
  it('returns the clips exactly at σ = 0 and pastes a figure inside its changed region at σ = 1', () => {
    expect(Array.from(paste(0, 1).clips)).toEqual(Array.from(host.clips));
    const { clips, mask } = paste(1, 1);
    let changed = 0;
    for (let i = 0; i < clips.length; i++) {
      if (clips[i] === host.clips[i]) continue;
      changed++;
      expect(mask[Math.floor(i / 3)]).toBe(1); // every changed value lies in the reported region
    }
    expect(changed).toBeGreaterThan(20);
  });

  it.each([['vehicle'], ['running'], ['foreign-object'], ['loitering']])('pastes %s deterministically from its seed', (kind) => {
    const a = paste(1, 5, { kinds: [kind] });
    expect(Array.from(a.clips)).toEqual(Array.from(paste(1, 5, { kinds: [kind] }).clips));
    expect(a.mask.some((m) => m === 1)).toBe(true);
  });

  it('leaves clips without a mask unchanged and leaks no tensor', () => {
    const before = tf.memory().numTensors;
    const { clips, mask } = paste(1, 2, {}, new Float32Array(host.masks!.length));
    expect(Array.from(clips)).toEqual(Array.from(host.clips));
    expect(mask.every((m) => m === 0)).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('validates its options like every simulator', () => {
    expect(() => createSimulator({ type: 'oracle-paste', kinds: ['teleport'] }, { plugins: { 'oracle-paste': oracle } })).toThrow(/kinds\[0\]/);
  });
});
