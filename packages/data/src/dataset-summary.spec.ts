import { describe, expect, it } from 'vitest';
import { summariseDataset } from './dataset-summary';
import type { Dataset } from './types';
import { asTestVideo, createVideo, memoryStore } from './video';

const video = (id: string, length: number, source?: [number, number]) =>
  createVideo({ id, scene: '01', fps: 25, height: 2, width: 2, channels: 1, ...(source ? { sourceWidth: source[0], sourceHeight: source[1] } : {}) }, memoryStore(new Uint8Array(length * 4), 4));

const dataset = (train: Dataset['train'], test: Dataset['test']): Dataset => ({ name: 'x', height: 2, width: 2, channels: 1, train, test, partial: false, notes: ['labels: l.mat'] });

describe('summariseDataset', () => {
  it('reports the source size of the first video and the resized size, noting videos of other sizes', () => {
    const test = [asTestVideo(video('08', 3, [320, 240]), Uint8Array.of(0, 1, 1)), asTestVideo(video('09', 2, [0, 0]), Uint8Array.of(1, 0))];
    const s = summariseDataset(dataset([video('01', 4, [640, 360]), video('02', 5, [640, 360]), video('03', 1, [320, 240])], test));
    expect(s).toEqual({
      dataset: 'x',
      train: { videos: 3, frames: 10 },
      test: { videos: 2, frames: 5, anomalousFrames: 3 },
      width: 640,
      height: 360,
      resized: { width: 2, height: 2 },
      channels: 1,
      partial: false,
      notes: ['labels: l.mat', 'source size 320×240 (not 640×360) in 2 videos: 03, 08', 'source size unknown (not 640×360) in 1 video: 09'],
    });
  });

  it('falls back to the dataset size for generated videos, and says so when no source size is known', () => {
    expect(summariseDataset(dataset([video('01', 2)], [])).width).toBe(2);
    expect(summariseDataset(dataset([video('01', 2)], [])).notes).toEqual(['labels: l.mat']);
    const unknown = summariseDataset(dataset([video('01', 2, [0, 0])], []));
    expect([unknown.width, unknown.height, unknown.notes.at(-1)]).toEqual([2, 2, 'source size unknown for every video: width/height are the resized size']);
  });
});
