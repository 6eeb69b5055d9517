import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { writeContactSheet } from './contact-sheet';
import { createSyntheticDataset } from './synthetic/synthetic-dataset';
import { syntheticOptionsSchema } from './synthetic/synthetic-options';

const dir = mkdtempSync(join(tmpdir(), 'vad-sheet-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeContactSheet', () => {
  it('shows the frames pixel for pixel (grey replicated to RGB) with a label bar under test frames', async () => {
    const dataset = createSyntheticDataset(syntheticOptionsSchema.parse({ trainVideos: 1, testVideos: 1, length: 24, seed: 2 }), { height: 16, width: 16, channels: 1 });
    const path = join(dir, 'sheet.png');
    const { width, height } = await writeContactSheet(dataset, path, 3, 1);
    const { data, info } = await sharp(path).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height, info.channels]).toEqual([width, height, 3]);
    const at = (x: number, y: number): number[] => [...data.subarray((y * width + x) * 3, (y * width + x) * 3 + 3)];
    const cellH = 16 + 2 + 2; // frame, bar (max(2, 16/16)), gap
    for (const [row, video] of [dataset.train[0], dataset.test[0]].entries()) {
      for (let c = 0; c < 3; c++) {
        const i = Math.floor(((c + 0.5) * (video?.length ?? 0)) / 3);
        const frame = video?.frameBytes(i) ?? new Uint8Array();
        for (const [x, y] of [[0, 0], [7, 9], [15, 15]] as const) {
          const v = frame[y * 16 + x] ?? -1;
          expect(at(c * 18 + x, row * cellH + y)).toEqual([v, v, v]);
        }
      }
    }
    const test = dataset.test[0];
    const label = test?.labels[Math.floor((0.5 * (test?.length ?? 0)) / 3)];
    expect(at(4, cellH + 16)).toEqual(label === 1 ? [220, 30, 30] : [30, 180, 60]); // bar of the first test frame shown
  });
});
