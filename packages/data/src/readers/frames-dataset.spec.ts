import { UserError, createRng } from '@vad/core';
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataConfigSchema } from '../config';
import { createMaskProvider } from '../masks/create-mask-provider';
import { openDataset } from '../open-dataset';
import { createSyntheticDataset } from '../synthetic/synthetic-dataset';
import { syntheticOptionsSchema } from '../synthetic/synthetic-options';
import type { Dataset } from '../types';
import { writeFramesDataset } from '../writers/write-frames-dataset';

const dir = mkdtempSync(join(tmpdir(), 'vad-frames-'));
const root = join(dir, 'synth');
const cacheDir = join(dir, 'cache');
let source: Dataset;

beforeAll(async () => {
  source = createSyntheticDataset(syntheticOptionsSchema.parse({ length: 20, trainVideos: 2, testVideos: 2, seed: 5 }), { height: 24, width: 32, channels: 3 });
  await writeFramesDataset(source, root);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const config = (extra: object = {}) => dataConfigSchema.parse({ type: 'frames', root, height: 24, width: 32, channels: 3, masks: { type: 'none' }, cacheDir, ...extra });

describe('frames layout (round trip through vad data synth)', () => {
  it('reads back exactly the frames, labels and pixel masks it wrote, twice (second time from the cache)', { timeout: 60_000 }, async () => {
    for (let pass = 0; pass < 2; pass++) {
      const ds = await openDataset(config());
      expect(ds.train.map((v) => v.id)).toEqual(['01_001', '01_002']);
      expect(ds.test.map((v) => v.length)).toEqual([20, 20]);
      for (const [k, v] of ds.train.entries()) expect(Array.from(v.frameBytes(13))).toEqual(Array.from(source.train[k]!.frameBytes(13)));
      for (const [k, v] of ds.test.entries()) {
        expect(Array.from(v.labels)).toEqual(Array.from(source.test[k]!.labels));
        expect(Array.from(v.pixelMask!(9))).toEqual(Array.from(source.test[k]!.pixelMask!(9)));
        expect(v.frameNumber(0)).toBe(0);
      }
    }
  });

  it('reads the gt cell of the written .mat to the same labels', { timeout: 60_000 }, async () => {
    const ds = await openDataset(config({ labels: { file: join(root, 'synthetic-v2.mat') } }));
    expect(ds.test.map((v) => Array.from(v.labels))).toEqual(source.test.map((v) => Array.from(v.labels)));
  });

  it('reads the written kinds.csv back to the same per-frame kinds (data.labels.kinds)', { timeout: 60_000 }, async () => {
    const ds = await openDataset(config({ labels: { kinds: join(root, 'kinds.csv') } }));
    expect(ds.test.map((v) => v.kinds)).toEqual(source.test.map((v) => v.kinds));
    expect(source.test.some((v) => v.kinds!.some((k) => k.length > 0))).toBe(true);
    expect(ds.notes.at(-1)).toMatch(/^kinds from .*kinds\.csv: \d+ ranges, \d+ kinds$/);
  });

  it('masks a tracked object from the written tracked_bounding_boxes.json', { timeout: 60_000 }, async () => {
    const ds = await openDataset(config());
    const masks = await createMaskProvider({ type: 'tracks-json', frameOffset: 0, slicing: 'numpy' }, ds);
    const video = ds.train[0]!;
    const truth = source.train[0]!;
    const ids = (i: number): number[] => truth.objects!(i).map((o) => o.id);
    const mid = [...Array(18).keys()].map((i) => i + 1).find((i) => ids(i).some((id) => ids(i - 1).includes(id) && ids(i + 1).includes(id)))!;
    expect(mid).toBeDefined();
    const out = new Float32Array(3 * 24 * 32);
    expect(await masks!.fill(video, [mid - 1, mid, mid + 1], createRng(1), out, 0)).toBe(true);
    const set = out.slice(24 * 32, 2 * 24 * 32).reduce((s, m) => s + m, 0); // middle frame
    const common = truth.objects!(mid).filter((o) => ids(mid - 1).includes(o.id) && ids(mid + 1).includes(o.id));
    expect(common.map((o) => (o.box.x1 - o.box.x0) * (o.box.y1 - o.box.y0))).toContain(set); // one tracked object's box
  });

  it('names the file when a frame is missing or labels do not fit', { timeout: 60_000 }, async () => {
    unlinkSync(join(root, 'testing', 'frames', '01_002', '0007.png'));
    await expect(openDataset(config())).rejects.toThrow(/01_002: frame numbers must be contiguous from 0, but frame 7 is missing \(next is 0008.png\)/);
    await expect(openDataset(config())).rejects.toBeInstanceOf(UserError);
    writeFileSync(join(root, 'testing', 'frames', '01_002', '0007.png'), 'not a png');
    await expect(openDataset(config())).rejects.toThrow(/0007.png: must be a readable image/);
    rmSync(join(root, 'testing', 'frames', '01_002'), { recursive: true });
    await expect(openDataset(config())).rejects.toThrow(/frame_labels_synthetic-v2.npy: label count must equal the 20 test frames, but got 40/);
  });
});
