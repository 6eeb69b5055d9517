import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cachedFrameStore, cacheName, type DecodedFrames } from './frame-cache';

const dir = mkdtempSync(join(tmpdir(), 'vad-frame-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cachedFrameStore', () => {
  it('decodes once, keeps the source size in the versioned sidecar, and re-decodes an entry that fails validation', async () => {
    let decodes = 0;
    const decode = async (): Promise<DecodedFrames> => {
      decodes += 1;
      return { data: Uint8Array.of(1, 2, 3, 4, 5, 6), sourceWidth: 640, sourceHeight: 360 };
    };
    const key = { kind: 'video', path: '/d/01.avi', size: 6, height: 1, width: 3 };
    const name = cacheName(key);
    const open = async () => {
      const s = await cachedFrameStore(dir, key, 3, decode);
      return [decodes, s.name, s.length, s.sourceWidth, s.sourceHeight, Array.from(s.read(1))];
    };
    expect(await open()).toEqual([1, name, 2, 640, 360, [4, 5, 6]]);
    const sidecar = join(dir, `${name}.json`);
    expect(JSON.parse(readFileSync(sidecar, 'utf8'))).toEqual({ version: 3, key, frameSize: 3, dtype: 'uint8', length: 2, sourceWidth: 640, sourceHeight: 360 });
    expect(await open()).toEqual([1, name, 2, 640, 360, [4, 5, 6]]); // from disk: no decode
    truncateSync(join(dir, `${name}.frames`), 4); // half-written frames file
    expect(await open()).toEqual([2, name, 2, 640, 360, [4, 5, 6]]);
    writeFileSync(sidecar, readFileSync(sidecar, 'utf8').slice(0, 20)); // half-written sidecar
    expect(await open()).toEqual([3, name, 2, 640, 360, [4, 5, 6]]);
    writeFileSync(sidecar, JSON.stringify({ version: 3, key, frameSize: 3, dtype: 'uint8', length: 2 })); // no source size
    expect(await open()).toEqual([4, name, 2, 640, 360, [4, 5, 6]]);
    expect(await open()).toEqual([4, name, 2, 640, 360, [4, 5, 6]]);
    const asFloat = await cachedFrameStore(dir, key, 3, decode, 'float32'); // an entry of another dtype is not trusted
    expect([decodes, asFloat.dtype, JSON.parse(readFileSync(sidecar, 'utf8')).dtype]).toEqual([5, 'float32', 'float32']);
  });

  it('keeps no file descriptor open between reads, over many videos (nothing left for the garbage collector)', async () => {
    const openFds = (): number => readdirSync('/proc/self/fd').length;
    if (!existsSync('/proc/self/fd')) return; // Linux only: the count comes from /proc
    const stores = await Promise.all(
      Array.from({ length: 40 }, (_, v) => cachedFrameStore(dir, { kind: 'video', path: `/d/${v}.avi`, size: 4 }, 2, async () => ({ data: Uint8Array.of(v, 1, 2, 3), sourceWidth: 2, sourceHeight: 1 }))),
    );
    const before = openFds();
    for (const [v, store] of stores.entries()) {
      expect(Array.from(await store.readAsync(0))).toEqual([v, 1]);
      expect(Array.from(store.read(1))).toEqual([2, 3]);
    }
    expect(openFds()).toBe(before);
  });
});
