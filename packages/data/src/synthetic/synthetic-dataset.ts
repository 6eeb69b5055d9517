import { createRng, type Rng } from '@vad/core';
import type { Dataset, TestVideo, Video } from '../types';
import { asTestVideo, createVideo, memoryStore } from '../video';
import { planVideo } from './actors';
import { jitterPad, v2Camera } from './camera-v2';
import { appearanceV2, planEventV2 } from './events-v2';
import { renderVideo, v1Camera, type Camera, type RenderedVideo } from './render-video';
import { createSceneLayout, type SceneLayout } from './scene-layout';
import { createBackdrop } from './scene-layout-v2';
import { eventKinds, type AnomalyKind, type SyntheticOptions } from './synthetic-options';

/** Output size of a generated dataset. */
export interface FrameShape {
  readonly height: number;
  readonly width: number;
  readonly channels: 1 | 3;
}

/** One camera of a generator version: its layout and, per video, what the camera adds. */
interface SceneCamera {
  readonly layout: SceneLayout;
  camera(videoRng: Rng, renderRng: Rng): Camera;
}

function sceneCamera(options: SyntheticOptions, rng: Rng, shape: FrameShape): SceneCamera {
  if (options.version === 1) {
    const layout = createSceneLayout(rng, shape.height, shape.width);
    return { layout, camera: (_video, render) => v1Camera(layout, options.noise, render) };
  }
  const backdrop = createBackdrop(rng, shape.height, shape.width, jitterPad(options.jitter));
  const nuisances = { noise: options.noise, drift: options.drift, jitter: options.jitter };
  return { layout: backdrop.layout, camera: (video) => v2Camera(backdrop, shape.height, shape.width, options.length, nuisances, video.fork('camera')) };
}

/**
 * Version 2 balances the kinds: the scene's test events take the configured kinds in turn (as many of
 * each as the event count allows, the remainder at random), shuffled over videos and event slots.
 */
function eventDeck(options: SyntheticOptions, rng: Rng): AnomalyKind[] {
  const kinds = eventKinds(options);
  const count = options.testVideos * options.anomaliesPerVideo;
  const extra = rng.shuffle([...kinds]);
  return rng.shuffle(Array.from({ length: count }, (_, i) => (i < count - (count % kinds.length) ? kinds[i % kinds.length] : extra[i % kinds.length]) as AnomalyKind));
}

/**
 * Generates the built-in synthetic surveillance dataset in memory, deterministically from
 * `options.seed` and `options.version`: per scene a background with perspective and walkways;
 * training videos with walkers only; test videos with labelled anomaly events (frame labels, the
 * kinds present in each frame, pixel masks) — and, for every frame, the ground-truth boxes of all
 * actors (`video.objects(i)`). Version 2 (dataset name `synthetic-v2`) is the calibrated benchmark
 * (smooth background, switchable nuisances, eight kinds, per-kind difficulty); version 1
 * (`synthetic`) is the earlier generator, bit for bit.
 *
 * @example
 * const ds = createSyntheticDataset(syntheticOptionsSchema.parse({length: 32}), {height: 64, width: 64, channels: 1});
 * ds.name;                        // => 'synthetic-v2'
 * ds.train.length;                // => 4
 * ds.test[0]?.labels.length;      // => 32
 * ds.test[0]?.kinds?.[0];         // => [] (or e.g. ['running'] on an anomalous frame)
 */
export function createSyntheticDataset(options: SyntheticOptions, shape: FrameShape): Dataset {
  const v2 = options.version === 2;
  const root = createRng(v2 ? `synthetic-v2/${options.seed}` : `synthetic/${options.seed}`);
  const train: Video[] = [];
  const test: TestVideo[] = [];
  const { height, width, channels } = shape;
  const size = { length: options.length, height, width, channels };
  const aspect = height / width;
  for (let s = 0; s < options.scenes; s++) {
    const scene = String(s + 1).padStart(2, '0');
    const sceneRng = root.fork(`scene-${scene}`);
    const { layout, camera } = sceneCamera(options, sceneRng.fork('layout'), shape);
    const deck = v2 ? eventDeck(options, sceneRng.fork('deck')) : undefined;
    const make = (split: 'train' | 'test', v: number): { video: Video; out: RenderedVideo } => {
      const id = `${scene}_${String(v + 1).padStart(3, '0')}`;
      const rng = sceneRng.fork(`${split}-${id}`);
      const kinds = deck?.slice(v * options.anomaliesPerVideo, (v + 1) * options.anomaliesPerVideo);
      const style = v2 ? { events: planEventV2, look: appearanceV2, regular: true, ...(kinds === undefined ? {} : { kinds }) } : {};
      const actors = planVideo(rng.fork('plan'), layout, options, aspect, split === 'test', style);
      const render = rng.fork('render');
      const out = renderVideo(layout, actors, size, camera(rng, render), render, v2 ? 2 : undefined); // v2: 2×2 supersampling (v1: 3×3 up to 160 px)
      const info = { id, scene, fps: options.fps, height, width, channels, objects: (i: number) => out.objects[i] ?? [] };
      return { video: createVideo(info, memoryStore(out.frames, height * width * channels)), out };
    };
    for (let v = 0; v < options.trainVideos; v++) train.push(make('train', v).video);
    for (let v = 0; v < options.testVideos; v++) {
      const { video, out } = make('test', v);
      const plane = height * width;
      test.push({ ...asTestVideo(video, out.labels, (i) => out.masks.slice(i * plane, (i + 1) * plane)), kinds: out.kinds });
    }
  }
  return { name: v2 ? 'synthetic-v2' : 'synthetic', height, width, channels, train, test, partial: false, notes: [] };
}
