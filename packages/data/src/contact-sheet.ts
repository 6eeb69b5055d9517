import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import sharp from 'sharp';
import type { Dataset, Video } from './types';

/**
 * Writes a contact sheet PNG: one row per video (up to `maxVideos` per split, training first), `perVideo`
 * evenly spaced frames each; anomalous test frames get a red bar under them, normal ones a green bar.
 */
export async function writeContactSheet(dataset: Dataset, path: string, perVideo = 6, maxVideos = 8): Promise<{ width: number; height: number }> {
  const rows: { video: Video; labels?: Uint8Array }[] = [
    ...dataset.train.slice(0, maxVideos).map((video) => ({ video })),
    ...dataset.test.slice(0, maxVideos).map((video) => ({ video, labels: video.labels })),
  ];
  const { height: h, width: w } = dataset;
  const bar = Math.max(2, Math.round(h / 16));
  const cellH = h + bar + 2;
  const sheetW = perVideo * (w + 2);
  const sheetH = rows.length * cellH;
  const rgb = new Uint8Array(sheetW * sheetH * 3).fill(32);
  rows.forEach(({ video, labels }, r) => {
    for (let c = 0; c < perVideo; c++) {
      const i = Math.min(video.length - 1, Math.floor(((c + 0.5) * video.length) / perVideo));
      const frame = video.frameBytes(i);
      const x0 = c * (w + 2);
      const y0 = r * cellH;
      for (let y = 0; y < h; y++) {
        for (let x = 0; x < w; x++) {
          const o = ((y0 + y) * sheetW + x0 + x) * 3;
          for (let k = 0; k < 3; k++) rgb[o + k] = frame[(y * w + x) * video.channels + (video.channels === 3 ? k : 0)] as number;
        }
      }
      if (labels === undefined) continue;
      const colour = labels[i] ? [220, 30, 30] : [30, 180, 60];
      for (let y = h; y < h + bar; y++) for (let x = 0; x < w; x++) rgb.set(colour, ((y0 + y) * sheetW + x0 + x) * 3);
    }
  });
  const png = await sharp(Buffer.from(rgb), { raw: { width: sheetW, height: sheetH, channels: 3 } }).png().toBuffer();
  await mkdir(dirname(path), { recursive: true });
  await writeFile(`${path}.tmp-${process.pid}`, png);
  await rename(`${path}.tmp-${process.pid}`, path);
  return { width: sheetW, height: sheetH };
}
