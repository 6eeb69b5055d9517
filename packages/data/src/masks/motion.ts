import { closeMask, openMask } from '../pixels/morphology';
import { connectedComponents } from '../pixels/connected-components';
import { linkBoxes } from '../pixels/link-boxes';
import { rasteriseBox, type Box } from '../pixels/boxes';
import { temporalMedian } from '../pixels/temporal-median';
import { z } from 'zod';
import type { Video } from '../types';
import type { MaskProvider } from './mask-provider';
import { motionCacheKey, motionCachePath, readMotionCache, writeMotionCache } from './motion-cache';

/** Options of the detector-free `motion` mask. */
export const motionMaskOptions = z.strictObject({
  type: z.literal('motion'),
  threshold: z.number().gt(0).lt(1).default(0.07), // |frame − background| above this (max over channels) is foreground
  close: z.number().int().min(0).max(5).default(1), // closing radius (joins head, body and legs of one walker)
  open: z.number().int().min(0).max(5).default(0), // opening radius (removes specks; 0 keeps thin walkers at 64 px)
  minArea: z.number().int().min(1).default(10), // components smaller than this (pixels at the dataset size) are noise
  minIou: z.number().min(0).max(1).default(0.3), // linking boxes across the window
  backgroundFrames: z.number().int().min(3).default(31), // frames sampled (evenly) for the temporal median
});
export type MotionMaskOptions = z.infer<typeof motionMaskOptions>;

/**
 * Per-video background by temporal median of evenly spaced frames (uint8, [H, W, C]).
 *
 * @example
 * // a pixel that is 10 in 3 of 5 frames and 200 in 2 has background 10
 */
export function videoBackground(video: Video, frames: number): Uint8Array {
  const n = Math.min(frames, video.length);
  const picks = Array.from({ length: n }, (_, k) => Math.floor(((k + 0.5) * video.length) / n));
  return temporalMedian(picks.map((i) => video.frameBytes(i)));
}

/**
 * Foreground boxes of frame `i`: threshold the difference to `background`, close then open with
 * squares of radius `close` / `open`, keep 8-connected components of at least `minArea` pixels.
 */
export function motionBoxes(video: Video, i: number, background: Uint8Array, options: MotionMaskOptions): Box[] {
  const { height: h, width: w, channels: c } = video;
  const frame = video.frameBytes(i);
  const limit = options.threshold * 255;
  const fg = new Uint8Array(h * w);
  for (let p = 0; p < h * w; p++) {
    for (let k = 0; k < c; k++) {
      if (Math.abs((frame[p * c + k] as number) - (background[p * c + k] as number)) > limit) {
        fg[p] = 1;
        break;
      }
    }
  }
  const clean = openMask(closeMask(fg, h, w, options.close), h, w, options.open);
  return connectedComponents(clean, h, w)
    .filter((comp) => comp.area >= options.minArea)
    .map((comp) => comp.box);
}

/** Boxes of every frame of `video`: read from the disk cache when a valid entry exists, else computed and stored. */
function cachedVideoBoxes(video: Video, options: MotionMaskOptions, cacheDir: string): Box[][] | null {
  const key = motionCacheKey(video, options);
  if (key === null) return null;
  const path = motionCachePath(cacheDir, key);
  const stored = readMotionCache(path, key, video.length);
  if (stored !== null) return stored;
  const background = videoBackground(video, options.backgroundFrames);
  const boxes = Array.from({ length: video.length }, (_, i) => motionBoxes(video, i, background, options));
  writeMotionCache(path, key, boxes);
  return boxes;
}

/**
 * The `motion` mask: moving blobs found by background subtraction, linked across the T frames by IoU;
 * one linked object is chosen by `rng`. Backgrounds and per-frame boxes are cached per video in memory;
 * with a `cacheDir`, the boxes of every frame of a video read from disk (one with a frame-cache entry)
 * are also stored in `<cacheDir>/<hash>.motion.json` and read back by later runs.
 */
export function motionMask(options: MotionMaskOptions, cacheDir?: string): MaskProvider & { boxes(video: Video, i: number): Box[] } {
  const backgrounds = new Map<Video, Uint8Array>();
  const cache = new Map<Video, Map<number, Box[]>>();
  const boxes = (video: Video, i: number): Box[] => {
    let perFrame = cache.get(video);
    if (perFrame === undefined) {
      const stored = cacheDir === undefined ? null : cachedVideoBoxes(video, options, cacheDir);
      perFrame = new Map(stored?.map((b, k) => [k, b]) ?? []);
      cache.set(video, perFrame);
      if (stored === null) backgrounds.set(video, videoBackground(video, options.backgroundFrames));
    }
    let found = perFrame.get(i);
    if (found === undefined) {
      found = motionBoxes(video, i, backgrounds.get(video) as Uint8Array, options);
      perFrame.set(i, found);
    }
    return found;
  };
  return {
    type: 'motion',
    boxes,
    fill: (video, indices, rng, out, offset) => {
      const chains = linkBoxes(indices.map((i) => boxes(video, i)), options.minIou);
      if (chains.length === 0) return false;
      const chain = chains[rng.int(chains.length)] as Box[];
      const plane = video.height * video.width;
      chain.forEach((box, k) => rasteriseBox(box, video.height, video.width, out, offset + k * plane));
      return true;
    },
  };
}
