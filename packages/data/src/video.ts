import { UserError } from '@vad/core';
import type { SceneObject, TestVideo, Video } from './types';

/** Element type of stored frames: uint8 values (÷ 255 on read) or float32 values in [0, 1]. */
export type FrameDtype = 'uint8' | 'float32';

/**
 * Where a video's frames live: memory or a cache file; both give the raw [H, W, C] bytes of frame i,
 * uint8 values or (with `dtype: 'float32'`) little-endian float32 values.
 */
export interface FrameStore {
  readonly length: number;
  readonly dtype?: FrameDtype; // default 'uint8'
  read(i: number): Uint8Array;
  readAsync(i: number): Promise<Uint8Array>;
}

/** Everything about a video except its pixels. */
export interface VideoInfo {
  readonly id: string;
  readonly scene: string;
  readonly fps: number;
  readonly height: number;
  readonly width: number;
  readonly channels: 1 | 3;
  readonly sourceName?: string;
  readonly sourceWidth?: number; // default: width (the video was made at the dataset size)
  readonly sourceHeight?: number; // default: height
  readonly cacheKey?: string;
  readonly frameNumbers?: readonly number[];
  readonly objects?: (i: number) => readonly SceneObject[];
}

/** A store over one contiguous uint8 buffer of `length` frames of `frameSize` bytes each. */
export function memoryStore(bytes: Uint8Array, frameSize: number): FrameStore {
  if (frameSize <= 0 || bytes.length % frameSize !== 0) {
    throw new Error(`memoryStore(bytes) must hold whole frames of ${frameSize} bytes, but got ${bytes.length} bytes`);
  }
  const read = (i: number): Uint8Array => bytes.subarray(i * frameSize, (i + 1) * frameSize);
  return { length: bytes.length / frameSize, read, readAsync: (i) => Promise.resolve(read(i)) };
}

/** Stored bytes → float32 values at `offset` of `out`: uint8 ÷ 255 (as PyTorch's `/ 255`), or a float32 copy. */
function toFloat(bytes: Uint8Array, dtype: FrameDtype, out: Float32Array, offset: number): void {
  if (dtype === 'float32') {
    out.set(floatView(bytes), offset);
    return;
  }
  for (let k = 0; k < bytes.length; k++) out[offset + k] = (bytes[k] as number) / 255;
}

/** The float32 values of raw frame bytes (a view when aligned, else a copy). */
function floatView(bytes: Uint8Array): Float32Array {
  return bytes.byteOffset % 4 === 0 ? new Float32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4) : new Float32Array(bytes.slice().buffer);
}

/** Float32 frame values → the uint8 bytes `frameBytes` gives (rounded, clamped). */
function toBytes(bytes: Uint8Array): Uint8Array {
  return Uint8Array.from(floatView(bytes), (v) => Math.round(Math.min(1, Math.max(0, v)) * 255));
}

/**
 * Builds a {@link Video} over a frame store.
 *
 * @example
 * const v = createVideo({id: 'a', scene: '0', fps: 10, height: 1, width: 2, channels: 1},
 *   memoryStore(Uint8Array.of(0, 255, 51, 102), 2));
 * v.length;   // => 2
 * v.frame(1); // => Float32Array [0.2, 0.4]
 */
export function createVideo(info: VideoInfo, store: FrameStore): Video {
  const size = info.height * info.width * info.channels;
  const dtype = store.dtype ?? 'uint8';
  const clamp = (i: number): number => Math.min(store.length - 1, Math.max(0, Math.trunc(i)));
  const check = (i: number): number => {
    if (!Number.isInteger(i) || i < 0 || i >= store.length) {
      throw new Error(`video ${info.id}: frame index must be an integer in [0, ${store.length - 1}], but got ${i}`);
    }
    return i;
  };
  const video: Video = {
    id: info.id,
    scene: info.scene,
    length: store.length,
    fps: info.fps,
    height: info.height,
    width: info.width,
    channels: info.channels,
    sourceWidth: info.sourceWidth ?? info.width,
    sourceHeight: info.sourceHeight ?? info.height,
    ...(info.cacheKey === undefined ? {} : { cacheKey: info.cacheKey }),
    sourceName: info.sourceName ?? info.id,
    frameBytes: (i) => (dtype === 'uint8' ? store.read(check(i)) : toBytes(store.read(check(i)))),
    frame: (i) => {
      const out = new Float32Array(size);
      toFloat(store.read(check(i)), dtype, out, 0);
      return out;
    },
    readFrames: async (indices, out = new Float32Array(indices.length * size), offset = 0) => {
      const frames = await Promise.all(indices.map((i) => store.readAsync(clamp(i))));
      frames.forEach((bytes, k) => toFloat(bytes, dtype, out, offset + k * size));
      return out;
    },
    frameNumber: (i) => info.frameNumbers?.[check(i)] ?? check(i),
    ...(info.objects === undefined ? {} : { objects: info.objects }),
  };
  return video;
}

/** Adds labels (and optionally pixel masks) to a video, checking the label length against the frames. */
export function asTestVideo(video: Video, labels: Uint8Array, pixelMask?: (i: number) => Uint8Array, where = video.id): TestVideo {
  if (labels.length !== video.length) {
    throw new UserError(`${where}: label count must equal the ${video.length} frames of video ${video.id}, but got ${labels.length}`);
  }
  return pixelMask === undefined ? { ...video, labels } : { ...video, labels, pixelMask };
}
