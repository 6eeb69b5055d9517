import { UserError } from '@vad/core';
import { readdir, readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { Dataset, TestVideo, Video } from '../types';
import { asTestVideo } from '../video';
import { labelsFromGtCell, splitFlatLabels } from './labels';
import { readMat } from './mat-v5';
import { readNpy } from './npy';
import { npyMasks } from './npy-masks';
import { firstDir, isFile, sceneOf, subDirs, type RealContext } from './real-context';
import { listFrameFolder, openFrameFolder } from './video-sources';

/** Label-file stems of the common releases (MNAD / LNTRA): ped2.mat, frame_labels_shanghai.npy, … */
const labelNames: Record<string, readonly string[]> = {
  ped1: ['ped1'],
  ped2: ['ped2'],
  avenue: ['avenue'],
  shanghaitech: ['shanghai', 'shanghaitech'],
  synthetic: ['synthetic'],
};

/** Opens every video folder under `dir` (natural order) as frames. */
export async function openFolders(dir: string, ctx: RealContext, fps: number): Promise<Video[]> {
  const out: Video[] = [];
  for (const folder of await subDirs(dir)) {
    const id = basename(folder);
    out.push(await openFrameFolder(await listFrameFolder(folder), { id, scene: sceneOf(id), fps }, ctx.resize, ctx.cacheDir));
  }
  return out;
}

/** Finds the label file: config.labels.file, else <root>/<name>.mat, else <root>/frame_labels_<name>.npy. */
export async function findLabelFile(ctx: RealContext): Promise<string> {
  if (ctx.config.labels.file !== undefined) return ctx.config.labels.file;
  const names = ctx.config.labels.name !== undefined ? [ctx.config.labels.name] : (labelNames[ctx.config.type] ?? [basename(ctx.root)]);
  const tried = names.flatMap((n) => [join(ctx.root, `${n}.mat`), join(ctx.root, `frame_labels_${n}.npy`)]);
  for (const path of tried) if (await isFile(path)) return path;
  const single = (await readdir(ctx.root)).filter((n) => /^frame_labels_.+\.npy$/.test(n));
  if (single.length === 1) return join(ctx.root, single[0] as string);
  throw new UserError(`data.labels.file must name the test labels (tried ${tried.join(', ')}), but none exists`);
}

/** Reads per-video labels from a `.mat` (`gt` cell of frame ranges) or `.npy` (0/1 over all test frames). */
export async function readLabelFile(path: string, lengths: readonly number[], ids?: readonly string[]): Promise<Uint8Array[]> {
  const bytes = new Uint8Array(await readFile(path).catch((error: Error) => {
    throw new UserError(`${path}: label file must be readable, but got ${error.message}`);
  }));
  if (extname(path).toLowerCase() === '.npy') return splitFlatLabels(readNpy(bytes, path).data, lengths, path, ids);
  return labelsFromGtCell(readMat(bytes, path).gt, lengths, path);
}

/**
 * The frames layout of MNAD / LNTRA / HF2-VAD: `<root>/training/frames/<video>/<n>.jpg` and
 * `<root>/testing/frames/<video>/<n>.jpg` (also `training/<video>` or `Train/<video>`), labels from
 * `<name>.mat` or `frame_labels_<name>.npy` (or the only `frame_labels_*.npy`), pixel masks from
 * `testing/test_pixel_mask/<video>.npy` when present.
 */
export async function openFramesDataset(ctx: RealContext, fps = 25): Promise<Dataset & { trainDir: string }> {
  const { root } = ctx;
  const trainDir = await firstDir([join(root, 'training', 'frames'), join(root, 'training'), join(root, 'Train')]);
  const testDir = await firstDir([join(root, 'testing', 'frames'), join(root, 'testing'), join(root, 'Test')]);
  if (trainDir === null || testDir === null) {
    throw new UserError(`${root}: must contain training/frames/<video>/ and testing/frames/<video>/ folders, but ${trainDir === null ? 'training' : 'testing'} is missing`);
  }
  const train = await openFolders(trainDir, ctx, fps);
  const testVideos = await openFolders(testDir, ctx, fps);
  const labelFile = await findLabelFile(ctx);
  const labels = await readLabelFile(labelFile, testVideos.map((v) => v.length), testVideos.map((v) => v.id));
  const test: TestVideo[] = [];
  for (const [i, v] of testVideos.entries()) {
    const pixels = join(root, 'testing', 'test_pixel_mask', `${v.id}.npy`);
    const masks = (await isFile(pixels)) ? npyMasks(pixels, v.length, ctx.resize.height, ctx.resize.width, { height: v.sourceHeight, width: v.sourceWidth }) : undefined;
    test.push(asTestVideo(v, labels[i] as Uint8Array, masks, labelFile));
  }
  return { name: ctx.config.type, height: ctx.resize.height, width: ctx.resize.width, channels: ctx.resize.channels, train, test, partial: false, notes: [`labels: ${labelFile}`], trainDir };
}
