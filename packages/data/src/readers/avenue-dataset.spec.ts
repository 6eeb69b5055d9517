import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sharedDataset } from '../../../../tools/shared-data';
import { dataConfigSchema } from '../config';
import { openDataset } from '../open-dataset';
import { testClips } from '../test-clips';

const shared = sharedDataset('avenue-sample');
const sample = shared.path;
const cacheDir = mkdtempSync(join(tmpdir(), 'vad-avenue-'));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

describe.skipIf(!shared.present)(`CUHK Avenue reader on the genuine sample (XVID .avi + volLabel .mat)${shared.skipReason}`, () => {
  it('decodes the videos with ffmpeg and derives frame labels and masks from volLabel', { timeout: 60_000 }, async () => {
    const config = dataConfigSchema.parse({ type: 'avenue', root: sample, height: 64, width: 64, channels: 1, cacheDir });
    const ds = await openDataset(config);
    expect(ds.train.map((v) => [v.id, v.length])).toEqual([['12', 145], ['16', 244]]);
    expect(ds.test.map((v) => [v.id, v.length])).toEqual([['08', 36], ['21', 76]]);
    expect([...ds.train, ...ds.test].map((v) => [v.sourceWidth, v.sourceHeight, v.height, v.width])).toEqual(Array(4).fill([640, 360, 64, 64]));
    const [t08, t21] = ds.test;
    expect(t08!.labels.every((l) => l === 1)).toBe(true);
    const anomalous = [...t21!.labels.keys()].filter((i) => t21!.labels[i] === 1).map((i) => i + 1); // 1-based
    expect([anomalous[0], anomalous.at(-1), anomalous.length]).toEqual([14, 66, 53]);
    expect(t21!.pixelMask!(12).some((m) => m === 1)).toBe(false);
    expect(t21!.pixelMask!(40).some((m) => m === 1)).toBe(true);
    // honest partial report: 2 of 21 test videos, totals not checked
    expect(ds.partial).toBe(true);
    expect(ds.notes.join('\n')).toMatch(/partial avenue: 2 of 21 test videos \(112 frames\)/);
    const frame = t08!.frame(0);
    expect(frame.length).toBe(64 * 64);
    expect(Math.max(...frame)).toBeGreaterThan(0.5); // a real, lit frame
    const clips: number[][] = [];
    for await (const b of testClips(t08!, { frames: 3, edge: 'drop', batchSize: 16 })) clips.push([...b.frames]);
    expect(clips.flat()).toEqual([...Array(34).keys()].map((i) => i + 1));
  });

  it('refuses the sample when the full benchmark is required, naming the root', { timeout: 60_000 }, async () => {
    const config = dataConfigSchema.parse({ type: 'avenue', root: sample, height: 16, width: 16, integrity: 'full', cacheDir });
    await expect(openDataset(config)).rejects.toThrow(/avenue-sample: avenue must have 21 test videos, but got 2\n.*avenue must have 15324 test frames, but got 112/);
  });
});
