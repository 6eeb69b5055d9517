import { createRng } from '@vad/core';
import type { ClipMeta, FrameSource, HostBatch } from '@vad/core';

/** Size and seed of a {@link createDemoScene} scene. */
export interface DemoSceneOptions {
  readonly height: number;
  readonly width: number;
  readonly channels: number;
  readonly seed: number | string;
  readonly videos?: number; // default 2
  readonly frames?: number; // frames per video, default 32
}

/** A tiny deterministic set of videos: blobs moving over a textured background. */
export interface DemoScene {
  readonly videos: readonly string[];
  readonly source: FrameSource;
  /** Window batch of T frames around each `meta` target; masks = the bounding box of blob 0 (the "tracked object"). */
  batch(meta: readonly ClipMeta[], frames: number): HostBatch;
}

interface Blob {
  readonly y: number;
  readonly x: number;
  readonly vy: number;
  readonly vx: number;
  readonly radius: number;
  readonly colour: readonly number[];
}

function bounce(start: number, speed: number, frame: number, lo: number, hi: number): number {
  const span = Math.max(1e-6, hi - lo);
  const travelled = (((start - lo + speed * frame) % (2 * span)) + 2 * span) % (2 * span);
  return lo + (travelled <= span ? travelled : 2 * span - travelled);
}

/**
 * Builds a deterministic scene for tests and the `vad simulate` gallery (no files): per video a
 * coloured background with a soft gradient and fine checker texture, and two discs moving with
 * constant speed, bouncing off the borders. Blob 0 is the object whose box is the mask.
 *
 * @example
 * const scene = createDemoScene({ height: 16, width: 16, channels: 1, seed: 1 });
 * scene.batch([{ video: 'demo-0', frame: 5 }], 3).shape; // => [1, 3, 16, 16, 1]
 */
export function createDemoScene(options: DemoSceneOptions): DemoScene {
  const { height, width, channels } = options;
  const length = options.frames ?? 32;
  const videos = Array.from({ length: options.videos ?? 2 }, (_, i) => `demo-${i}`);
  const setups = videos.map((video) => {
    const rng = createRng(`${String(options.seed)}/${video}`);
    const base = [0, 1, 2].map(() => rng.uniform(0.2, 0.6));
    const blobs: Blob[] = [0, 1].map(() => ({
      y: rng.uniform(0, height),
      x: rng.uniform(0, width),
      vy: rng.uniform(-1, 1) * height * 0.04,
      vx: rng.uniform(-1, 1) * width * 0.06,
      radius: Math.max(2, rng.uniform(0.12, 0.2) * Math.min(height, width)),
      colour: [0, 1, 2].map(() => rng.uniform(0.6, 1)),
    }));
    return { base, blobs };
  });
  const place = (blob: Blob, frame: number): [number, number] => [
    bounce(blob.y, blob.vy, frame, blob.radius, height - blob.radius),
    bounce(blob.x, blob.vx, frame, blob.radius, width - blob.radius),
  ];
  const render = (v: number, frame: number, out: Float32Array, offset: number): void => {
    const setup = setups[v];
    if (setup === undefined) throw new Error(`createDemoScene: video index must be < ${videos.length}, but got ${v}`);
    const centres = setup.blobs.map((blob) => place(blob, frame));
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const texture = 0.05 * (((y >> 1) + (x >> 1)) % 2) + 0.15 * (y / height);
        for (let c = 0; c < channels; c++) {
          let value = (setup.base[c % 3] ?? 0.4) + texture;
          setup.blobs.forEach((blob, k) => {
            const [cy, cx] = centres[k] ?? [0, 0];
            const cover = Math.min(1, Math.max(0, blob.radius - Math.hypot(y + 0.5 - cy, x + 0.5 - cx) + 0.5));
            value = value * (1 - cover) + (blob.colour[c % 3] ?? 1) * cover;
          });
          out[offset + (y * width + x) * channels + c] = value;
        }
      }
    }
  };
  const indexOf = (video: string): number => {
    const v = videos.indexOf(video);
    if (v < 0) throw new Error(`createDemoScene: video must be one of ${videos.join(', ')}, but got ${JSON.stringify(video)}`);
    return v;
  };
  const clampFrame = (frame: number): number => Math.min(length - 1, Math.max(0, frame));
  const frameSize = height * width * channels;
  const source: FrameSource = {
    length: (video) => {
      indexOf(video); // throws for unknown videos
      return length;
    },
    frames: (video, indices) => {
      const out = new Float32Array(indices.length * frameSize);
      indices.forEach((frame, i) => render(indexOf(video), clampFrame(frame), out, i * frameSize));
      return out;
    },
  };
  const boxMask = (video: string, frame: number, out: Float32Array, offset: number): void => {
    const blob = setups[indexOf(video)]?.blobs[0];
    if (blob === undefined) return;
    const [cy, cx] = place(blob, clampFrame(frame));
    const [y0, y1] = [Math.max(0, Math.floor(cy - blob.radius)), Math.min(height, Math.ceil(cy + blob.radius))];
    const [x0, x1] = [Math.max(0, Math.floor(cx - blob.radius)), Math.min(width, Math.ceil(cx + blob.radius))];
    for (let y = y0; y < y1; y++) out.fill(1, offset + y * width + x0, offset + y * width + x1);
  };
  const batch = (meta: readonly ClipMeta[], frames: number): HostBatch => {
    const mid = Math.floor((frames - 1) / 2);
    const clips = new Float32Array(meta.length * frames * frameSize);
    const masks = new Float32Array(meta.length * frames * height * width);
    meta.forEach((entry, b) => {
      for (let t = 0; t < frames; t++) {
        const frame = clampFrame(entry.frame + t - mid);
        render(indexOf(entry.video), frame, clips, (b * frames + t) * frameSize);
        boxMask(entry.video, frame, masks, (b * frames + t) * height * width);
      }
    });
    return { shape: [meta.length, frames, height, width, channels], clips, masks, meta };
  };
  return { videos, source, batch };
}
