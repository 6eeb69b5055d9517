import { UserError } from '@vad/core';
import { createHash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { Video } from '../types';
import { createVideo } from '../video';
import { decodeImage, frameBytes, type ResizeOptions } from './decode-image';
import { decodeVideo } from './decode-video';
import { cachedFrameStore, type CacheKey, type CachedFrames } from './frame-cache';
import { frameDtype, resizeKey } from './resize-mode';

/** Image extensions read as frames (sharp; BMP frames are not supported, BMP masks are). */
export const frameExtensions = ['.jpg', '.jpeg', '.png', '.tif', '.tiff'] as const;
/** Video extensions decoded with ffmpeg. */
export const videoExtensions = ['.avi', '.mp4', '.mov', '.mkv'] as const;

/** A folder of numbered frames, sorted by number. */
export interface FrameFolder {
  readonly dir: string;
  readonly files: readonly string[];
  readonly numbers: readonly number[];
}

/** Number in a frame file name: the last run of digits of the stem ("img_0012.jpg" → 12). */
export function frameNumber(file: string): number | null {
  const m = /(\d+)(?!.*\d)/.exec(basename(file, extname(file)));
  return m ? Number(m[1]) : null;
}

/**
 * Lists the frames of a folder (hidden files such as .DS_Store ignored), numbered from 0 or 1 or any
 * start, zero-padded or not.
 *
 * @throws UserError naming the folder when it holds no frames, a frame has no number, or a number is missing.
 */
export async function listFrameFolder(dir: string): Promise<FrameFolder> {
  const names = (await readdir(dir)).filter((n) => !n.startsWith('.') && (frameExtensions as readonly string[]).includes(extname(n).toLowerCase()));
  if (names.length === 0) throw new UserError(`${dir}: must contain frames (${frameExtensions.join(', ')}), but has none`);
  const numbered = names.map((n) => ({ n, k: frameNumber(n) }));
  const bad = numbered.find((x) => x.k === null);
  if (bad) throw new UserError(`${join(dir, bad.n)}: frame file names must contain a frame number, but got "${bad.n}"`);
  numbered.sort((a, b) => (a.k as number) - (b.k as number));
  const first = numbered[0]?.k as number;
  numbered.forEach((x, i) => {
    if (x.k !== first + i) throw new UserError(`${dir}: frame numbers must be contiguous from ${first}, but frame ${first + i} is missing (next is ${x.n})`);
  });
  return { dir, files: numbered.map((x) => join(dir, x.n)), numbers: numbered.map((x) => x.k as number) };
}

/** Identity of a video's metadata apart from pixels. */
export interface SourceInfo {
  readonly id: string;
  readonly scene: string;
  readonly fps: number;
}

async function folderFingerprint(files: readonly string[]): Promise<string> {
  const hash = createHash('sha256');
  for (const f of files) {
    const s = await stat(f);
    hash.update(`${basename(f)}:${s.size}:${s.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

/** Source size and cache entry of a cached video (size 0 = unknown: ffmpeg printed no stream size). */
function sourceOf(store: CachedFrames): { sourceWidth: number; sourceHeight: number; cacheKey: string } {
  return { sourceWidth: store.sourceWidth, sourceHeight: store.sourceHeight, cacheKey: store.name };
}

/**
 * A video from a folder of frames, decoded (and resized) once into the disk cache; its source size is
 * that of the first frame.
 *
 * @throws UserError naming the file when a frame is unreadable or its size differs from the first frame's.
 */
/** The cache-key fields of the output geometry and resize mode (a new mode ⇒ a new cache entry). */
function geometryKey(resize: ResizeOptions): CacheKey {
  return { height: resize.height, width: resize.width, channels: resize.channels, resize: resizeKey(resize.resize) };
}

export async function openFrameFolder(folder: FrameFolder, info: SourceInfo, resize: ResizeOptions, cacheDir: string): Promise<Video> {
  const frameSize = frameBytes(resize);
  const key = { kind: 'frames', dir: folder.dir, files: await folderFingerprint(folder.files), ...geometryKey(resize) };
  const store = await cachedFrameStore(cacheDir, key, frameSize, async () => {
    const out = new Uint8Array(folder.files.length * frameSize);
    let size: string | null = null;
    let source = { sourceWidth: 0, sourceHeight: 0 };
    for (let start = 0; start < folder.files.length; start += 8) {
      const chunk = folder.files.slice(start, start + 8);
      const decoded = await Promise.all(chunk.map((f) => decodeImage(f, resize)));
      decoded.forEach((d, k) => {
        const here = `${d.sourceWidth}×${d.sourceHeight}`;
        if (size === null) {
          size = here;
          source = { sourceWidth: d.sourceWidth, sourceHeight: d.sourceHeight };
        }
        if (here !== size) throw new UserError(`${chunk[k]}: frame size must match the video's first frame (${size}), but got ${here}`);
        out.set(d.data, (start + k) * frameSize);
      });
    }
    return { data: out, ...source };
  }, frameDtype(resize.resize));
  const sourceName = basename(folder.dir);
  return createVideo({ ...info, height: resize.height, width: resize.width, channels: resize.channels, ...sourceOf(store), sourceName, frameNumbers: folder.numbers }, store);
}

/** A video from a video file (ffmpeg), decoded once into the disk cache. */
export async function openVideoFile(path: string, info: SourceInfo, resize: ResizeOptions, cacheDir: string): Promise<Video> {
  const s = await stat(path).catch((error: Error) => {
    throw new UserError(`${path}: video file must exist, but got ${error.message}`);
  });
  const key = { kind: 'video', path, size: s.size, mtime: s.mtimeMs, ...geometryKey(resize) };
  const store = await cachedFrameStore(cacheDir, key, frameBytes(resize), () => decodeVideo(path, resize), frameDtype(resize.resize));
  return createVideo({ ...info, height: resize.height, width: resize.width, channels: resize.channels, ...sourceOf(store), sourceName: basename(path, extname(path)) }, store);
}
