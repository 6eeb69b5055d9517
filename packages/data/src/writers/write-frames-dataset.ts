import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import type { Dataset, Video } from '../types';
import { gtMat } from './mat-writer';
import { npyUint8 } from './npy-writer';

async function writeAtomic(path: string, data: Uint8Array | string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  await writeFile(tmp, data);
  await rename(tmp, path);
}

const frameName = (i: number): string => `${String(i).padStart(4, '0')}.png`;

async function writeFrames(video: Video, dir: string): Promise<void> {
  const { height, width, channels } = video;
  for (let start = 0; start < video.length; start += 16) {
    const batch = Array.from({ length: Math.min(16, video.length - start) }, (_, k) => start + k);
    await Promise.all(
      batch.map(async (i) => {
        const png = await sharp(Buffer.from(video.frameBytes(i)), { raw: { width, height, channels } }).png({ compressionLevel: 6 }).toBuffer();
        await writeAtomic(join(dir, video.id, frameName(i)), png);
      }),
    );
  }
}

/** The test videos' per-frame kinds as a kinds file (`video,first,last,kind`, one line per run of frames). */
export function kindsCsv(dataset: Pick<Dataset, 'test'>): string {
  const lines = ['video,first,last,kind'];
  for (const video of dataset.test) {
    const open = new Map<string, number>(); // kind → first frame of its current run
    const close = (kind: string, last: number): void => void lines.push(`${video.id},${open.get(kind)},${last},${kind}`);
    for (let i = 0; i <= video.length; i++) {
      const here = new Set(i < video.length ? (video.kinds?.[i] ?? []) : []);
      for (const kind of [...open.keys()]) if (!here.has(kind)) (close(kind, i - 1), open.delete(kind));
      for (const kind of here) if (!open.has(kind)) open.set(kind, i);
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Writes a dataset in the frames layout its own `frames` reader reads back: PNG frames
 * `training/frames/<id>/0000.png`, `testing/frames/<id>/…`, labels as `<name>.mat` (`gt` cell) and
 * `frame_labels_<name>.npy`, per-video `testing/test_frame_mask/<id>.npy` and `test_pixel_mask/<id>.npy`
 * (ShanghaiTech convention), and — when the videos know their objects — DDL's
 * `training/frames/tracked_bounding_boxes.json` (track id = actor id, boxes normalised) and, when the
 * test videos know their anomaly kinds, `kinds.csv` (read back with `data.labels.kinds`).
 */
export async function writeFramesDataset(dataset: Dataset, out: string): Promise<{ files: number }> {
  let files = 0;
  const trainDir = join(out, 'training', 'frames');
  const tracks: Record<string, Record<string, { box: number[] }>> = {};
  for (const video of dataset.train) {
    await writeFrames(video, trainDir);
    files += video.length;
    if (video.objects === undefined) continue;
    for (let i = 0; i < video.length; i++) {
      const entry: Record<string, { box: number[] }> = {};
      for (const o of video.objects(i)) entry[String(o.id)] = { box: [o.box.x0 / video.width, o.box.y0 / video.height, o.box.x1 / video.width, o.box.y1 / video.height] };
      tracks[`training/frames/${video.id}/${frameName(i)}`] = entry;
    }
  }
  if (Object.keys(tracks).length > 0) await writeAtomic(join(trainDir, 'tracked_bounding_boxes.json'), JSON.stringify(tracks));
  for (const video of dataset.test) {
    await writeFrames(video, join(out, 'testing', 'frames'));
    files += video.length;
    await writeAtomic(join(out, 'testing', 'test_frame_mask', `${video.id}.npy`), npyUint8([video.length], video.labels));
    if (video.pixelMask !== undefined) {
      const plane = video.height * video.width;
      const masks = new Uint8Array(video.length * plane);
      for (let i = 0; i < video.length; i++) masks.set(video.pixelMask(i), i * plane);
      await writeAtomic(join(out, 'testing', 'test_pixel_mask', `${video.id}.npy`), npyUint8([video.length, video.height, video.width], masks));
    }
  }
  const all = new Uint8Array(dataset.test.reduce((s, v) => s + v.length, 0));
  let at = 0;
  for (const v of dataset.test) {
    all.set(v.labels, at);
    at += v.length;
  }
  await writeAtomic(join(out, `frame_labels_${dataset.name}.npy`), npyUint8([all.length], all));
  await writeAtomic(join(out, `${dataset.name}.mat`), gtMat(dataset.test.map((v) => v.labels)));
  if (dataset.test.some((v) => v.kinds !== undefined)) await writeAtomic(join(out, 'kinds.csv'), kindsCsv(dataset));
  return { files };
}
