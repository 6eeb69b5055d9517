import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataConfigSchema } from '../config';
import { openDataset } from '../open-dataset';
import { npyUint8 } from '../writers/npy-writer';
import { decodeBmp } from './bmp';
import { volLabelMasks } from './avenue-dataset';
import { parseUcsdGroundTruth, splitFlatLabels, strictLabels } from './labels';

// Reference BMP writer (BITMAPFILEHEADER + BITMAPINFOHEADER, rows padded to 4 bytes).
function bmp(width: number, height: number, bits: 1 | 8 | 24, pixel: (x: number, y: number) => number, topDown = false): Uint8Array {
  const stride = Math.ceil((width * bits) / 32) * 4;
  const colours = bits <= 8 ? 2 ** bits : 0;
  const offset = 54 + colours * 4;
  const out = Buffer.alloc(offset + stride * height);
  out.write('BM', 0, 'latin1');
  out.writeUInt32LE(out.length, 2);
  out.writeUInt32LE(offset, 10);
  out.writeUInt32LE(40, 14);
  out.writeInt32LE(width, 18);
  out.writeInt32LE(topDown ? -height : height, 22);
  out.writeUInt16LE(1, 26);
  out.writeUInt16LE(bits, 28);
  for (let k = 0; k < colours; k++) out.fill(bits === 1 ? k * 255 : k, 54 + 4 * k, 54 + 4 * k + 3); // grey palette
  for (let y = 0; y < height; y++) {
    const row = offset + (topDown ? y : height - 1 - y) * stride;
    for (let x = 0; x < width; x++) {
      const v = pixel(x, y);
      if (bits === 24) out.fill(v, row + 3 * x, row + 3 * x + 3);
      else if (bits === 8) out[row + x] = v;
      else if (v) out[row + (x >> 3)] = (out[row + (x >> 3)] as number) | (0x80 >> (x & 7));
    }
  }
  return new Uint8Array(out);
}

describe('decodeBmp', () => {
  it('decodes 8-bit bottom-up, 24-bit top-down and 1-bit bitmaps', () => {
    const f = (x: number, y: number): number => (x + 3 * y) * 10;
    for (const [bits, topDown] of [[8, false], [24, true]] as const) {
      const d = decodeBmp(bmp(3, 2, bits, f, topDown), 'x.bmp');
      expect([d.width, d.height, Array.from(d.data)]).toEqual([3, 2, [0, 10, 20, 30, 40, 50]]);
    }
    const one = decodeBmp(bmp(9, 1, 1, (x) => (x === 0 || x === 8 ? 1 : 0)), 'one.bmp');
    expect(Array.from(one.data)).toEqual([255, 0, 0, 0, 0, 0, 0, 0, 255]);
    expect(() => decodeBmp(new Uint8Array(60), 'no.bmp')).toThrow(/no.bmp: must be a BMP file/);
  });
});

describe('parseUcsdGroundTruth', () => {
  it('reads single and multiple ranges', () => {
    const m = parseUcsdGroundTruth('TestDataset = {};\nTestDataset.gt_frame{1} = [61:180];\nTestDataset.gt_frame{2} = [5:90, 140:200];\n');
    expect([...m.entries()]).toEqual([[1, [[61, 180]]], [2, [[5, 90], [140, 200]]]]);
    // single frames, space separation and MATLAB comments
    const n = parseUcsdGroundTruth('% TestDataset.gt_frame{9} = [1:2];\nTestDataset.gt_frame{1} = [3 7:9];  % two items\n', 'p.m');
    expect([...n.entries()]).toEqual([[1, [[3, 3], [7, 9]]]]);
  });

  it('refuses anything it would have read as a different range, naming the line', () => {
    for (const [text, got] of [['[1.5:3]', '1.5:3'], ['[-1:5]', '-1:5'], ['[2:4, x]', 'x'], ['[5 : 9]', ':']] as const) {
      expect(() => parseUcsdGroundTruth(`TestDataset = {};\nTestDataset.gt_frame{1} = ${text};\n`, 'UCSDped2.m'), text).toThrow(
        `UCSDped2.m:2: gt_frame{1} items must be frame numbers or ranges a:b of positive integers, but got "${got}"`,
      );
    }
    expect(() => parseUcsdGroundTruth('TestDataset.gt_frame{1} = [1:2];\nTestDataset.gt_frame{1} = [3:4];', 'p.m')).toThrow('p.m:2: gt_frame{1} must be given once, but it is given again');
    expect(() => parseUcsdGroundTruth('TestDataset.gt_frame{a} = [1:2];', 'p.m')).toThrow('p.m:1: gt_frame index must be a positive integer, but got {a}');
  });
});

describe('strict labels', () => {
  it('takes exactly 0/1 or booleans, and names file, video and frame of anything else', () => {
    expect([...strictLabels([0, 1, true, false, 1n], 'l.npy', '01')]).toEqual([0, 1, 1, 0, 1]);
    for (const bad of [2, -1, 0.5, Number.NaN, 255]) {
      expect(() => strictLabels([0, 0, bad], 'l.npy', '01'), String(bad)).toThrow(`l.npy: label of video 01 frame 2 (0-based) must be 0 or 1, but got ${bad}`);
    }
    expect(() => splitFlatLabels([0, 1, 0, 0.5], [2, 2], 'all.npy', ['a', 'b'])).toThrow('all.npy: label of video b frame 1 (0-based) must be 0 or 1, but got 0.5');
  });

  it('reads Avenue volLabel masks only when they are 0/1 and of the video frame size', () => {
    const cell = (data: number[]) => ({ kind: 'numeric' as const, class: 'uint8' as const, dims: [2, 2], data: Uint8Array.from(data), imag: null, logical: true });
    const mat = (cells: ReturnType<typeof cell>[]) => ({ volLabel: { kind: 'cell', dims: [1, cells.length], cells } });
    expect([...volLabelMasks(mat([cell([0, 0, 0, 0]), cell([0, 1, 0, 0])]), 'v.mat', 2, 2, { height: 2, width: 2 }).labels]).toEqual([0, 1]);
    expect(() => volLabelMasks(mat([cell([0, 2, 0, 0])]), 'v.mat', 2, 2)).toThrow('v.mat: volLabel{1} (frame 0, 0-based) mask values must be 0 or 1, but got 2 at row 2, column 1');
    expect(() => volLabelMasks(mat([cell([0, 0, 0, 0])]), 'v.mat', 2, 2, { height: 360, width: 640 })).toThrow("v.mat: volLabel{1} must have the video's frame size 360×640, but got 2×2");
  });
});

const dir = mkdtempSync(join(tmpdir(), 'vad-readers-'));
const cacheDir = join(dir, 'cache');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function frame(path: string, value: number, width = 12, height = 8): Promise<void> {
  await sharp(Buffer.alloc(width * height, value), { raw: { width, height, channels: 1 } }).toFile(path);
}

describe('UCSD Ped2 original layout', () => {
  const root = join(dir, 'UCSD_Anomaly_Dataset.v1p2');
  beforeAll(async () => {
    const home = join(root, 'UCSDped2');
    for (const [split, name, n] of [['Train', 'Train001', 4], ['Test', 'Test001', 5], ['Test', 'Test002', 3]] as const) {
      mkdirSync(join(home, split, name), { recursive: true });
      for (let i = 1; i <= n; i++) await frame(join(home, split, name, `${String(i).padStart(3, '0')}.tif`), 20 * i);
    }
    writeFileSync(join(home, 'Train', 'Train001', '._001.tif'), 'macOS resource fork'); // ignored (hidden)
    mkdirSync(join(home, 'Test', 'Test001_gt'));
    for (let i = 1; i <= 5; i++) writeFileSync(join(home, 'Test', 'Test001_gt', `${String(i).padStart(3, '0')}.bmp`), bmp(12, 8, 8, (x) => (i >= 2 && x < 6 ? 255 : 0)));
    writeFileSync(join(home, 'Test', 'UCSDped2.m'), 'TestDataset.gt_frame{1} = [2:5];\nTestDataset.gt_frame{2} = [1:1, 3:3];\n');
  });

  it('reads tif frames, .m frame ranges and _gt BMP masks', async () => {
    const ds = await openDataset(dataConfigSchema.parse({ type: 'ped2', root, height: 4, width: 6, channels: 1, cacheDir }));
    expect(ds.train.map((v) => [v.id, v.length])).toEqual([['Train001', 4]]);
    expect(ds.test.map((v) => Array.from(v.labels))).toEqual([[0, 1, 1, 1, 1], [1, 0, 1]]);
    expect(ds.train[0]!.frameBytes(2)[0]).toBe(60); // a constant frame stays constant when resized
    expect(Array.from(ds.test[0]!.pixelMask!(1).subarray(0, 6))).toEqual([1, 1, 1, 0, 0, 0]); // left half set
    expect(Array.from(ds.test[0]!.pixelMask!(0))).toEqual(new Array(24).fill(0));
    expect(ds.test[1]!.pixelMask).toBeUndefined();
    expect(ds.partial).toBe(true);
  });

  it('rejects a frame whose size differs inside a video, naming it', async () => {
    await frame(join(root, 'UCSDped2', 'Test', 'Test002', '002.tif'), 9, 10, 8);
    await expect(openDataset(dataConfigSchema.parse({ type: 'ped2', root, height: 4, width: 6, cacheDir }))).rejects.toThrow(
      /Test002\/002.tif: frame size must match the video's first frame \(12×8\), but got 10×8/,
    );
  });
});

describe('ShanghaiTech layout', () => {
  const root = join(dir, 'shanghaitech');
  beforeAll(async () => {
    const videos = [['training', '01_001', 3], ['training', '02_001', 3], ['testing', '01_0014', 4], ['testing', '02_0161', 3]] as const;
    for (const [split, id, n] of videos) {
      mkdirSync(join(root, split, 'frames', id), { recursive: true });
      for (let i = 0; i < n; i++) await frame(join(root, split, 'frames', id, `${String(i).padStart(3, '0')}.jpg`), 100);
    }
    mkdirSync(join(root, 'testing', 'test_frame_mask'), { recursive: true });
    mkdirSync(join(root, 'testing', 'test_pixel_mask'), { recursive: true });
    writeFileSync(join(root, 'testing', 'test_frame_mask', '01_0014.npy'), npyUint8([4], Uint8Array.of(0, 0, 1, 1)));
    writeFileSync(join(root, 'testing', 'test_frame_mask', '02_0161.npy'), npyUint8([3], Uint8Array.of(1, 0, 0)));
    const pixels = new Uint8Array(4 * 8 * 12);
    pixels.fill(1, 2 * 96, 3 * 96); // frame 2 fully anomalous
    writeFileSync(join(root, 'testing', 'test_pixel_mask', '01_0014.npy'), npyUint8([4, 8, 12], pixels));
  });

  it('reads frames, per-video npy labels and pixel masks, and filters by scene', async () => {
    const all = await openDataset(dataConfigSchema.parse({ type: 'shanghaitech', root, height: 4, width: 4, cacheDir }));
    expect(all.test.map((v) => [v.id, v.scene, Array.from(v.labels)])).toEqual([['01_0014', '01', [0, 0, 1, 1]], ['02_0161', '02', [1, 0, 0]]]);
    expect(all.test[0]!.pixelMask!(2).every((m) => m === 1)).toBe(true);
    expect(all.test[0]!.pixelMask!(1).every((m) => m === 0)).toBe(true);
    const one = await openDataset(dataConfigSchema.parse({ type: 'shanghaitech', root, height: 4, width: 4, scene: '02', cacheDir }));
    expect([one.train.map((v) => v.id), one.test.map((v) => v.id), one.partial]).toEqual([['02_001'], ['02_0161'], true]);
    await expect(openDataset(dataConfigSchema.parse({ type: 'shanghaitech', root, height: 4, width: 4, scene: '07', cacheDir }))).rejects.toThrow(
      /data.scene must be one of .*but got "07"/,
    );
  });
});
