import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRng, type Rng } from '@vad/core';
import { bytesToUnit, resizeBilinear, decodeImage, resizeSchema, torchvisionResize, listFrameFolder, openFrameFolder, loadTracks, tracksJsonMask, tracksJsonMaskOptions } from '@vad/data';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { channelsLast, golden, goldenDir, relativeError } from './golden-fixtures';

// The data pipeline against the official loader, bit for bit: torchvision's read_image + `/ 255` +
// Resize (tools/parity/export_golden.py) and the official VideoDataset's frames and tracked-box masks.
const frames = join(goldenDir, 'frames');
const cacheDir = mkdtempSync(join(tmpdir(), 'vad-golden-frames-'));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));
const same = (a: Float32Array, b: Float32Array): boolean => a.length === b.length && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
const floats = (bytes: Uint8Array): Float32Array => new Float32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);

describe('frames resized like torchvision (golden frames of the official loader)', () => {
  const digests = JSON.parse(readFileSync(join(frames, 'decoded.json'), 'utf8')) as Record<string, { sha256: string }>;

  it.each(Object.keys(digests))('%s decodes to the same bytes as torchvision.io.read_image', async (file) => {
    const { data } = await sharp(join(frames, file)).removeAlpha().toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
    expect(createHash('sha256').update(data).digest('hex')).toBe(digests[file]?.sha256);
  });

  it.each(Object.keys(digests).flatMap((file) => ['64x64', '32x48'].map((size) => [file, size] as const)))('%s → %s equals Resize(read_image / 255) bit for bit (interleaved kernel)', async (file, size) => {
    const [height, width] = size.split('x').map(Number) as [number, number];
    const expected = channelsLast({ shape: [1, ...golden(`frames/resize-${file.split('.')[0]}-${size}`).shape], data: golden(`frames/resize-${file.split('.')[0]}-${size}`).data }); // [H, W, 3]
    const { data: pixels, info } = await sharp(join(frames, file)).removeAlpha().toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
    const unit = bytesToUnit(new Uint8Array(pixels.buffer, pixels.byteOffset, pixels.length));
    // read_image gives channels-last strides, so PyTorch takes its interleaved kernel for a lone frame
    expect(same(resizeBilinear(unit, info.height, info.width, 3, height, width, 'interleaved'), expected)).toBe(true);
    const planar = floats((await decodeImage(join(frames, file), { height, width, channels: 3, resize: torchvisionResize })).data);
    expect(relativeError(planar, expected)).toBeLessThan(2e-7); // the loader's (planar) kernel: last-bit differences only
  });

  it('the antialiased mode differs (it is the other choice), and quantize rounds the float frame to 8 bits', async () => {
    const file = join(frames, 'avenue.png');
    const sharpFrame = await decodeImage(file, { height: 64, width: 64, channels: 3, resize: resizeSchema.parse({ antialias: true }) });
    const exact = golden('frames/resize-avenue-64x64');
    const antialiased = Float32Array.from(sharpFrame.data, (v) => v / 255);
    const mean = channelsLast({ shape: [1, ...exact.shape], data: exact.data }).reduce((s, v, k) => s + Math.abs(v - (antialiased[k] as number)), 0) / antialiased.length;
    expect(mean).toBeGreaterThan(0.01); // sharp edges and stripes alias without the antialiasing filter
    const rounded = await decodeImage(file, { height: 64, width: 64, channels: 3, resize: resizeSchema.parse({ quantize: true }) });
    const reference = channelsLast({ shape: [1, ...exact.shape], data: exact.data });
    expect(Array.from(rounded.data.slice(0, 6))).toEqual(Array.from(reference.slice(0, 6), (v) => Math.round(v * 255)));
  });

  it('a frames folder read through the cache gives the official VideoDataset clips exactly (float32 store)', async () => {
    const video = await openFrameFolder(await listFrameFolder(join(frames, 'train', 'clip01')), { id: 'clip01', scene: '01', fps: 25 }, { height: 32, width: 48, channels: 3, resize: torchvisionResize }, cacheDir);
    for (let k = 0; k < 3; k++) {
      const expected = golden(`frames/clip-${k}`); // [C, T, H, W]
      const ours = await video.readFrames([k, k + 1, k + 2]); // [T, H, W, C]
      expect(same(ours, channelsLast({ shape: [1, ...expected.shape], data: expected.data })), `clip ${k}`).toBe(true);
    }
    const again = await openFrameFolder(await listFrameFolder(join(frames, 'train', 'clip01')), { id: 'clip01', scene: '01', fps: 25 }, { height: 32, width: 48, channels: 3, resize: torchvisionResize }, cacheDir);
    expect(same(again.frame(2), video.frame(2))).toBe(true); // read back from the float32 cache entry
    const antialiased = await openFrameFolder(await listFrameFolder(join(frames, 'train', 'clip01')), { id: 'clip01', scene: '01', fps: 25 }, { height: 32, width: 48, channels: 3, resize: resizeSchema.parse({ antialias: true }) }, cacheDir);
    expect(antialiased.cacheKey).not.toBe(video.cacheKey); // the cache keys on the resize mode
    expect(same(antialiased.frame(2), video.frame(2))).toBe(false);
  });
});

describe('tracked-box masks like the official loader (golden masks, negative and out-of-frame boxes)', () => {
  it.each([
    [0, '1'],
    [1, '1'],
    [1, '2'],
    [2, '2'],
  ] as const)('window %i, track %s: bit-identical masks', async (k, track) => {
    const video = await openFrameFolder(await listFrameFolder(join(frames, 'train', 'clip01')), { id: 'clip01', scene: '01', fps: 25 }, { height: 32, width: 48, channels: 3, resize: torchvisionResize }, cacheDir);
    const tracks = await loadTracks(join(frames, 'train', 'tracked_bounding_boxes.json'));
    const provider = tracksJsonMask(tracks, tracksJsonMaskOptions.parse({ type: 'tracks-json' }));
    const common = ['1', '2'].filter((id) => [k, k + 1, k + 2].every((i) => tracks.get('clip01')?.get(i)?.has(id)));
    const pick: Rng = { ...createRng(0), int: () => common.indexOf(track) }; // the window choice, fixed
    const out = new Float32Array(3 * 32 * 48);
    await provider.fill(video, [k, k + 1, k + 2], pick, out, 0);
    const expected = golden(`frames/clipmask-${k}-track${track}`).data; // [T, H, W]
    expect(Array.from(out)).toEqual(Array.from(expected));
  });
});
