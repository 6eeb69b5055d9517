import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FrameDtype, FrameStore } from '../video';

/** What identifies decoded frames: source path(s), sizes, mtimes and the resize options. */
export type CacheKey = Readonly<Record<string, string | number | boolean | readonly (string | number)[]>>;

const version = 3; // bump when the decoded byte layout or the sidecar fields change (2: source size, 3: dtype)

/** Hex digest naming a cache entry. @example cacheName({a: 1}).length // => 32 */
export function cacheName(key: CacheKey): string {
  return createHash('sha256').update(JSON.stringify({ version, key })).digest('hex').slice(0, 32);
}

async function writeAtomic(path: string, data: Uint8Array | string): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`;
  await writeFile(tmp, data);
  await rename(tmp, path);
}

/** What `decode()` gives the cache: the resized frames and the size of the source frames. */
export interface DecodedFrames {
  readonly data: Uint8Array;
  readonly sourceWidth: number;
  readonly sourceHeight: number;
}

/** A cached video's frames plus what the sidecar records about its source. */
export interface CachedFrames extends FrameStore {
  /** The cache entry name ({@link cacheName} of the key). */
  readonly name: string;
  readonly sourceWidth: number;
  readonly sourceHeight: number;
}

interface Sidecar {
  readonly dtype: FrameDtype;
  readonly length: number;
  readonly sourceWidth: number;
  readonly sourceHeight: number;
}

const count = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** The sidecar when it and the frames file are complete and match `key` / `frameSize`, else null (never trust a half-written entry). */
function readSidecar(metaPath: string, dataPath: string, key: CacheKey, frameSize: number, dtype: FrameDtype): Sidecar | null {
  if (!existsSync(metaPath) || !existsSync(dataPath)) return null;
  let meta: Record<string, unknown>;
  try {
    meta = JSON.parse(readFileSync(metaPath, 'utf8')) as Record<string, unknown>;
  } catch {
    return null; // unparsable sidecar: the entry is rebuilt
  }
  if (meta === null || typeof meta !== 'object' || meta.version !== version || meta.frameSize !== frameSize || meta.dtype !== dtype) return null;
  if (JSON.stringify(meta.key) !== JSON.stringify(key) || !count(meta.length) || meta.length === 0) return null;
  if (!count(meta.sourceWidth) || !count(meta.sourceHeight)) return null;
  if (statSync(dataPath).size !== meta.length * frameSize) return null;
  return { dtype, length: meta.length, sourceWidth: meta.sourceWidth, sourceHeight: meta.sourceHeight };
}

/**
 * A {@link FrameStore} backed by `<cacheDir>/<hash>.frames` (raw frames [L, H, W, C] of `dtype`: uint8, or
 * float32 for the torchvision resize; `frameSize` counts bytes): when a
 * valid entry for `key` exists its frames are read lazily from disk; otherwise `decode()` runs once and
 * its output is written atomically (temp file + rename; the `.json` sidecar — version, key, length,
 * source size — last, marking completion). An entry whose sidecar is unreadable, of another version
 * or key, or whose frames file has the wrong size is decoded again.
 *
 * @example
 * const store = await cachedFrameStore('.vad-cache', {path: '/d/01.avi', size: 123, mtime: 5, h: 64}, 4096, decode);
 * store.read(0).length;  // => 4096
 * store.sourceWidth;     // => 640 (from the sidecar on later runs: no decoding)
 */
export async function cachedFrameStore(cacheDir: string, key: CacheKey, frameSize: number, decode: () => Promise<DecodedFrames>, dtype: FrameDtype = 'uint8'): Promise<CachedFrames> {
  const name = cacheName(key);
  const dataPath = join(cacheDir, `${name}.frames`);
  const metaPath = join(cacheDir, `${name}.json`);
  let meta = readSidecar(metaPath, dataPath, key, frameSize, dtype);
  if (meta === null) {
    const { data, sourceWidth, sourceHeight } = await decode();
    if (data.length === 0 || data.length % frameSize !== 0) throw new Error(`cachedFrameStore(decode) must return whole frames of ${frameSize} bytes, but got ${data.length}`);
    meta = { dtype, length: data.length / frameSize, sourceWidth, sourceHeight };
    await mkdir(cacheDir, { recursive: true });
    await rm(metaPath, { force: true }); // an old sidecar must not vouch for the new frames file while it is written
    await writeAtomic(dataPath, data);
    await writeAtomic(metaPath, JSON.stringify({ version, key, frameSize, ...meta }));
  }
  return { ...fileStore(dataPath, meta.length, frameSize), dtype, name, sourceWidth: meta.sourceWidth, sourceHeight: meta.sourceHeight };
}

/**
 * Reads frame i of a raw frames file on demand. Each read opens, reads and closes the file, so no
 * descriptor outlives the read: a run over hundreds of videos never depends on the garbage collector
 * to close files (Node warns "Closing file descriptor N on garbage collection" when it has to).
 */
function fileStore(path: string, length: number, frameSize: number): FrameStore {
  return {
    length,
    read: (i) => {
      const out = new Uint8Array(frameSize);
      const fd = openSync(path, 'r');
      try {
        const got = readSync(fd, out, 0, frameSize, i * frameSize);
        if (got !== frameSize) throw new Error(`${path}: frame ${i} must have ${frameSize} bytes, but read ${got}`);
      } finally {
        closeSync(fd);
      }
      return out;
    },
    readAsync: async (i) => {
      const out = new Uint8Array(frameSize);
      const handle = await open(path, 'r');
      try {
        const { bytesRead } = await handle.read(out, 0, frameSize, i * frameSize);
        if (bytesRead !== frameSize) throw new Error(`${path}: frame ${i} must have ${frameSize} bytes, but read ${bytesRead}`);
      } finally {
        await handle.close();
      }
      return out;
    },
  };
}
