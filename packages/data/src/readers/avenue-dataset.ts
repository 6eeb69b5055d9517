import { UserError } from '@vad/core';
import { resizeNearest } from '../pixels/resize-nearest';
import { readFile, readdir } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { Dataset, TestVideo, Video } from '../types';
import { asTestVideo } from '../video';
import { openFramesDataset } from './frames-dataset';
import { readMat, type MatNumeric } from './mat-v5';
import { firstDir, isDir, naturalSort, type RealContext } from './real-context';
import { openVideoFile, videoExtensions } from './video-sources';

async function videoFiles(dir: string): Promise<string[]> {
  const names = (await readdir(dir)).filter((n) => !n.startsWith('.') && (videoExtensions as readonly string[]).includes(extname(n).toLowerCase()));
  return naturalSort(names).map((n) => join(dir, n));
}

/**
 * Frame masks of a `volLabel` cell (1×T of H×W uint8, column-major), resized to [T, h, w] row-major 0/1,
 * and frame labels (1 when any pixel of the full-resolution mask is set). Mask values must be 0 or 1,
 * and, when `source` (the video's frame size) is given, every mask must have that size.
 */
export function volLabelMasks(mat: Record<string, unknown>, where: string, height: number, width: number, source?: { height: number; width: number }): { masks: Uint8Array[]; labels: Uint8Array } {
  const vol = mat.volLabel as { kind?: string; cells?: readonly MatNumeric[] } | undefined;
  if (vol?.kind !== 'cell' || vol.cells === undefined) throw new UserError(`${where}: variable volLabel must be a cell array, but got ${vol?.kind ?? 'nothing'}`);
  const labels = new Uint8Array(vol.cells.length);
  const masks = vol.cells.map((cell, t) => {
    if (cell.kind !== 'numeric' || cell.dims.length !== 2) throw new UserError(`${where}: volLabel{${t + 1}} must be a 2-D mask, but got ${cell.kind}`);
    const [h, w] = cell.dims as [number, number];
    if (source !== undefined && source.height > 0 && (h !== source.height || w !== source.width)) {
      throw new UserError(`${where}: volLabel{${t + 1}} must have the video's frame size ${source.height}×${source.width}, but got ${h}×${w}`);
    }
    const rowMajor = new Uint8Array(h * w);
    const data = cell.data as ArrayLike<number>;
    for (let x = 0; x < w; x++) {
      for (let y = 0; y < h; y++) {
        const v = Number(data[x * h + y]);
        if (v === 0) continue;
        if (v !== 1) throw new UserError(`${where}: volLabel{${t + 1}} (frame ${t}, 0-based) mask values must be 0 or 1, but got ${v} at row ${y + 1}, column ${x + 1}`);
        rowMajor[y * w + x] = 1;
        labels[t] = 1;
      }
    }
    return resizeNearest(rowMajor, h, w, 1, height, width);
  });
  return { masks, labels };
}

/**
 * CUHK Avenue in its original layout: `training_videos/NN.avi`, `testing_videos/NN.avi` (decoded with
 * ffmpeg) and `testing_label_mask/N_label.mat` (`volLabel`), looked for in the root, `ground_truth_demo/`
 * under it or beside it — or the frames layout when `training/frames` exists.
 */
export async function openAvenue(ctx: RealContext): Promise<Dataset> {
  if (await isDir(join(ctx.root, 'training', 'frames'))) return openFramesDataset(ctx, 25);
  const home = (await isDir(join(ctx.root, 'training_videos'))) ? ctx.root : join(ctx.root, 'Avenue Dataset');
  if (!(await isDir(join(home, 'training_videos'))) || !(await isDir(join(home, 'testing_videos')))) {
    throw new UserError(`${ctx.root}: must contain training_videos/ and testing_videos/ (or "Avenue Dataset/…", or training/frames/), but does not`);
  }
  const labelDir = await firstDir([
    join(home, 'testing_label_mask'),
    join(home, 'ground_truth_demo', 'testing_label_mask'),
    join(dirname(home), 'ground_truth_demo', 'testing_label_mask'),
    join(dirname(home), 'testing_label_mask'),
  ]);
  if (labelDir === null) throw new UserError(`${home}: testing_label_mask/ (from ground_truth_demo.zip) must be next to the videos, but was not found`);
  const open = async (path: string): Promise<Video> => {
    const id = basename(path, extname(path));
    return openVideoFile(path, { id, scene: '01', fps: 25 }, ctx.resize, ctx.cacheDir);
  };
  const train: Video[] = [];
  for (const f of await videoFiles(join(home, 'training_videos'))) train.push(await open(f));
  const test: TestVideo[] = [];
  for (const f of await videoFiles(join(home, 'testing_videos'))) {
    const video = await open(f);
    const labelPath = join(labelDir, `${Number(video.id)}_label.mat`);
    const bytes = new Uint8Array(await readFile(labelPath).catch((error: Error) => {
      throw new UserError(`${labelPath}: label mask file of test video ${video.id} must exist, but got ${error.message}`);
    }));
    const { masks, labels } = volLabelMasks(readMat(bytes, labelPath), labelPath, ctx.resize.height, ctx.resize.width, { height: video.sourceHeight, width: video.sourceWidth });
    if (masks.length !== video.length) throw new UserError(`${labelPath}: volLabel must have one mask per frame of ${f} (${video.length}), but got ${masks.length}`);
    test.push(asTestVideo(video, labels, (i) => masks[i] as Uint8Array, labelPath));
  }
  return { name: 'avenue', height: ctx.resize.height, width: ctx.resize.width, channels: ctx.resize.channels, train, test, partial: false, notes: [`labels: ${labelDir}`], trainDir: join(home, 'training_videos') };
}
