import { createRng } from '@vad/core';
import type { Dataset, TestVideo, Video } from '../types';
import { asTestVideo, createVideo, memoryStore } from '../video';
import { planVideo } from './actors';
import { renderVideo } from './render-video';
import { createSceneLayout } from './scene-layout';
import type { SyntheticOptions } from './synthetic-options';

/** Output size of a generated dataset. */
export interface FrameShape {
  readonly height: number;
  readonly width: number;
  readonly channels: 1 | 3;
}

/**
 * Generates the built-in synthetic surveillance dataset in memory, deterministically from
 * `options.seed`: per scene a textured background with perspective and walkways; training videos with
 * walkers only; test videos with labelled anomaly events (frame labels, pixel masks) — and, for every
 * frame, the ground-truth boxes of all actors (`video.objects(i)`).
 *
 * @example
 * const ds = createSyntheticDataset(syntheticOptionsSchema.parse({length: 32}), {height: 64, width: 64, channels: 1});
 * ds.train.length;                // => 4
 * ds.test[0]?.labels.length;      // => 32
 */
export function createSyntheticDataset(options: SyntheticOptions, shape: FrameShape): Dataset {
  const root = createRng(`synthetic/${options.seed}`);
  const train: Video[] = [];
  const test: TestVideo[] = [];
  const { height, width, channels } = shape;
  const size = { length: options.length, height, width, channels };
  const aspect = height / width;
  for (let s = 0; s < options.scenes; s++) {
    const scene = String(s + 1).padStart(2, '0');
    const sceneRng = root.fork(`scene-${scene}`);
    const layout = createSceneLayout(sceneRng.fork('layout'), height, width);
    const make = (split: 'train' | 'test', v: number): { video: Video; labels: Uint8Array; masks: Uint8Array } => {
      const id = `${scene}_${String(v + 1).padStart(3, '0')}`;
      const rng = sceneRng.fork(`${split}-${id}`);
      const actors = planVideo(rng.fork('plan'), layout, options, aspect, split === 'test');
      const out = renderVideo(layout, actors, size, options.noise, rng.fork('render'));
      const info = { id, scene, fps: options.fps, height, width, channels, objects: (i: number) => out.objects[i] ?? [] };
      return { video: createVideo(info, memoryStore(out.frames, height * width * channels)), labels: out.labels, masks: out.masks };
    };
    for (let v = 0; v < options.trainVideos; v++) train.push(make('train', v).video);
    for (let v = 0; v < options.testVideos; v++) {
      const { video, labels, masks } = make('test', v);
      const plane = height * width;
      test.push(asTestVideo(video, labels, (i) => masks.slice(i * plane, (i + 1) * plane)));
    }
  }
  return { name: 'synthetic', height, width, channels, train, test, partial: false, notes: [] };
}
