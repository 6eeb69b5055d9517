import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import { mkdir, open, rename, writeFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { FrameStore } from '../video';

/** What identifies decoded frames: source path(s), sizes, mtimes and the resize options. */
export type CacheKey = Readonly<Record<string, string | number | boolean | readonly (string | number)[]>>;

const version = 1; // bump when the decoded byte layout changes

/** Hex digest naming a cache entry. @example cacheName({a: 1}).length // => 32 */
export function cacheName(key: CacheKey): string {
  return createHash('sha256').update(JSON.stringify({ version, key })).digest('hex').slice(0, 32);
}

async function writeAtomic(path: string, data: Uint8Array | string): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`;
  await writeFile(tmp, data);
  await rename(tmp, path);
}

/**
 * A {@link FrameStore} backed by `<cacheDir>/<hash>.frames` (raw uint8 frames, [L, H, W, C]): when the
 * entry for `key` exists its frames are read lazily from disk; otherwise `decode()` runs once and its
 * output is written atomically (temp file + rename; the `.json` sidecar last, marking completion).
 *
 * @example
 * const store = await cachedFrameStore('.vad-cache', {path: '/d/01.avi', size: 123, mtime: 5, h: 64}, 4096, decode);
 * store.read(0).length; // => 4096
 */
export async function cachedFrameStore(cacheDir: string, key: CacheKey, frameSize: number, decode: () => Promise<Uint8Array>): Promise<FrameStore> {
  const name = cacheName(key);
  const dataPath = join(cacheDir, `${name}.frames`);
  const metaPath = join(cacheDir, `${name}.json`);
  if (!existsSync(metaPath) || !existsSync(dataPath)) {
    const bytes = await decode();
    if (bytes.length % frameSize !== 0) throw new Error(`cachedFrameStore(decode) must return whole frames of ${frameSize} bytes, but got ${bytes.length}`);
    await mkdir(cacheDir, { recursive: true });
    await writeAtomic(dataPath, bytes);
    await writeAtomic(metaPath, JSON.stringify({ key, frameSize, length: bytes.length / frameSize }));
  }
  const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as { length: number; frameSize: number };
  if (meta.frameSize !== frameSize) throw new Error(`${metaPath}: frameSize must be ${frameSize}, but got ${meta.frameSize}`);
  return fileStore(dataPath, meta.length, frameSize);
}

/** Reads frame i of a raw frames file on demand (one file descriptor per store, opened lazily). */
function fileStore(path: string, length: number, frameSize: number): FrameStore & { close(): void } {
  let fd: number | null = null;
  let handle: Promise<FileHandle> | null = null;
  return {
    length,
    read: (i) => {
      fd ??= openSync(path, 'r');
      const out = new Uint8Array(frameSize);
      const got = readSync(fd, out, 0, frameSize, i * frameSize);
      if (got !== frameSize) throw new Error(`${path}: frame ${i} must have ${frameSize} bytes, but read ${got}`);
      return out;
    },
    readAsync: async (i) => {
      handle ??= open(path, 'r');
      const out = new Uint8Array(frameSize);
      const { bytesRead } = await (await handle).read(out, 0, frameSize, i * frameSize);
      if (bytesRead !== frameSize) throw new Error(`${path}: frame ${i} must have ${frameSize} bytes, but read ${bytesRead}`);
      return out;
    },
    close: () => {
      if (fd !== null) closeSync(fd);
      fd = null;
    },
  };
}
