import { createRng, UserError } from '@vad/core';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createVideo, memoryStore } from '../video';
import { createMaskProvider } from './create-mask-provider';
import { maskConfigSchema } from './mask-config';
import { motionMask, motionMaskOptions } from './motion';
import { indexTracks, tracksJsonMask } from './tracks-json';

const video = (id: string, length: number, bytes?: Uint8Array, numbers?: number[]) =>
  createVideo({ id, scene: '01', fps: 10, height: 8, width: 8, channels: 1, ...(numbers ? { frameNumbers: numbers } : {}) }, memoryStore(bytes ?? new Uint8Array(length * 64), 64));
const cacheDir = mkdtempSync(join(tmpdir(), 'vad-motion-cache-'));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));
const planes = (out: Float32Array, t: number): number[] => Array.from({ length: t }, (_, k) => out.slice(k * 64, (k + 1) * 64).reduce((s, v) => s + v, 0));

describe('mask providers', () => {
  it('full-frame masks everything; none gives no provider', async () => {
    const full = await createMaskProvider(maskConfigSchema.parse({ type: 'full-frame' }));
    const out = new Float32Array(3 * 64);
    expect(await full!.fill(video('a', 5), [1, 2, 3], createRng(0), out, 0)).toBe(true);
    expect(planes(out, 3)).toEqual([64, 64, 64]);
    expect(await createMaskProvider(maskConfigSchema.parse({ type: 'none' }))).toBeNull();
  });

  it('random-box draws a box of the configured size, fixed or drifting, from the rng', async () => {
    const fixed = await createMaskProvider(maskConfigSchema.parse({ type: 'random-box', minSize: 0.5, maxSize: 0.5 }));
    const out = new Float32Array(3 * 64);
    await fixed!.fill(video('a', 5), [1, 2, 3], createRng(3), out, 0);
    expect(planes(out, 3)).toEqual([16, 16, 16]);
    expect(Array.from(out.slice(0, 64))).toEqual(Array.from(out.slice(128, 192)));
    const again = new Float32Array(3 * 64);
    await fixed!.fill(video('a', 5), [1, 2, 3], createRng(3), again, 0);
    expect(again).toEqual(out);
    const drift = await createMaskProvider(maskConfigSchema.parse({ type: 'random-box', minSize: 0.25, maxSize: 0.25, drift: 2 }));
    const moved = new Float32Array(3 * 64);
    await drift!.fill(video('a', 5), [1, 2, 3], createRng(4), moved, 0);
    expect(Array.from(moved.slice(0, 64))).not.toEqual(Array.from(moved.slice(128, 192)));
    expect(() => maskConfigSchema.parse({ type: 'random-box', minSize: 0.5, maxSize: 0.2 })).toThrow(/minSize must be ≤ maxSize/);
  });

  it('tracks-json matches by folder and frame number whatever the path or extension, and picks a common track', () => {
    const json = {
      '/home/x/Ped2/Train/Train001/001.jpg': { '1': { box: [0, 0, 0.5, 0.5] }, '2': { box: [0.5, 0.5, 1, 1] } },
      'C:\\data\\Train001\\002.png': { '1': { box: [0, 0, 0.25, 0.25] }, '2': { box: [0.5, 0.5, 1, 1] } },
      'Train001/003.tif': { '2': { box: [0.5, 0.5, 1, 1] } },
    };
    const mask = tracksJsonMask(indexTracks(json, 't.json'), { type: 'tracks-json', frameOffset: 0, slicing: 'numpy' });
    const v = video('Train001', 3, undefined, [1, 2, 3]);
    const out = new Float32Array(3 * 64);
    expect(mask.fill(v, [0, 1, 2], createRng(0), out, 0)).toBe(true);
    expect(planes(out, 3)).toEqual([16, 16, 16]); // only track 2 spans all three frames
    const two = new Float32Array(2 * 64);
    const picks = new Set<number>();
    for (let s = 0; s < 20; s++) {
      two.fill(0);
      mask.fill(v, [0, 1], createRng(s), two, 0);
      picks.add(planes(two, 2)[1]!);
    }
    expect([...picks].sort((a, b) => a - b)).toEqual([4, 16]); // track 1 (2×2 box in frame 2) or track 2
    expect(mask.fill(video('Train002', 3), [0, 1, 2], createRng(0), out, 0)).toBe(false);
    expect(() => indexTracks({ 'a/b/x.jpg': {} }, 'bad.json')).toThrow(/bad.json: key must be a path/);
    expect(() => indexTracks({ 'v/1.jpg': { '1': { box: [0, 1] } } }, 'bad.json')).toThrow(/"v\/1.jpg".1.box must be 4 numbers, but got \[0,1\]/);
  });

  it('tracks-json without a file or training folder is a user error', async () => {
    await expect(createMaskProvider(maskConfigSchema.parse({ type: 'tracks-json' }))).rejects.toBeInstanceOf(UserError);
    await expect(createMaskProvider(maskConfigSchema.parse({ type: 'tracks-json', file: '/nonexistent/t.json' }))).rejects.toThrow(/tracks-json: file must exist/);
  });

  it('motion finds a moving square against a static background and links it across the window', () => {
    const bytes = new Uint8Array(6 * 64).fill(50);
    for (let t = 0; t < 6; t++) for (let y = 2; y < 5; y++) for (let x = t; x < t + 3; x++) bytes[t * 64 + y * 8 + x] = 200;
    const v = video('m', 6, bytes);
    const motion = motionMask(motionMaskOptions.parse({ type: 'motion', minArea: 4 }));
    expect(motion.boxes(v, 2)).toEqual([{ x0: 2, y0: 2, x1: 5, y1: 5 }]);
    const out = new Float32Array(3 * 64);
    expect(motion.fill(v, [1, 2, 3], createRng(0), out, 0)).toBe(true);
    expect(planes(out, 3)).toEqual([9, 9, 9]);
    expect(motion.fill(video('still', 6), [1, 2, 3], createRng(0), out, 0)).toBe(false);
  });

  it('motion stores the boxes of a cached video on disk; a later provider reads them, and a file that fails validation is recomputed', async () => {
    const moving = new Uint8Array(6 * 64).fill(50);
    for (let t = 0; t < 6; t++) for (let y = 2; y < 5; y++) for (let x = t; x < t + 3; x++) moving[t * 64 + y * 8 + x] = 200;
    const keyed = (bytes: Uint8Array) => createVideo({ id: 'm', scene: '01', fps: 10, height: 8, width: 8, channels: 1, cacheKey: 'entry-1' }, memoryStore(bytes, 64));
    const options = motionMaskOptions.parse({ type: 'motion', minArea: 4 });
    const inMemory = motionMask(options);
    const expected = [0, 1, 2, 3, 4, 5].map((t) => inMemory.boxes(video('m', 6, moving), t));
    expect(expected[2]).toEqual([{ x0: 2, y0: 2, x1: 5, y1: 5 }]);
    const first = await createMaskProvider(maskConfigSchema.parse({ type: 'motion', minArea: 4 }), { cacheDir });
    expect(await first!.fill(keyed(moving), [1, 2, 3], createRng(0), new Float32Array(3 * 64), 0)).toBe(true);
    const files = readdirSync(cacheDir);
    expect(files).toEqual([expect.stringMatching(/^[0-9a-f]{32}\.motion\.json$/)]);
    const path = join(cacheDir, files[0]!);
    const text = readFileSync(path, 'utf8');
    const stored = JSON.parse(text);
    expect(stored.boxes).toEqual(expected.map((f) => f.map((b) => [b.x0, b.y0, b.x1, b.y1])));
    // same cache entry, still pixels: a later provider answers from the file, not from the pixels
    const still = keyed(new Uint8Array(6 * 64).fill(50));
    expect([0, 1, 2, 3, 4, 5].map((t) => motionMask(options, cacheDir).boxes(still, t))).toEqual(expected);
    const recomputed = (): unknown => [motionMask(options, cacheDir).boxes(still, 2), JSON.parse(readFileSync(path, 'utf8')).boxes];
    writeFileSync(path, text.slice(0, text.length >> 1)); // half-written
    expect(recomputed()).toEqual([[], Array(6).fill([])]);
    writeFileSync(path, JSON.stringify({ ...stored, boxes: [...stored.boxes.slice(0, 5), [[0, 0, 9, 5]]] })); // box outside the 8×8 frame
    expect(recomputed()).toEqual([[], Array(6).fill([])]);
    writeFileSync(path, JSON.stringify({ ...stored, version: 0 })); // another version
    expect(recomputed()).toEqual([[], Array(6).fill([])]);
    writeFileSync(path, JSON.stringify({ ...stored, boxes: stored.boxes.slice(1) })); // not one list per frame
    expect(recomputed()).toEqual([[], Array(6).fill([])]);
    // other box options → another file; minIou only links boxes and shares the file; a video without a cache entry writes none
    motionMask(motionMaskOptions.parse({ type: 'motion', minArea: 4, minIou: 0.9 }), cacheDir).boxes(still, 0);
    expect(readdirSync(cacheDir)).toHaveLength(1);
    motionMask(motionMaskOptions.parse({ type: 'motion', minArea: 5 }), cacheDir).boxes(still, 0);
    motionMask(options, cacheDir).boxes(video('m', 6, moving), 0);
    expect(readdirSync(cacheDir)).toHaveLength(2);
  });
});
