import { UserError } from '@vad/core';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { Dataset, TestVideo, Video } from '../types';
import { asTestVideo } from '../video';
import { strictLabels } from './labels';
import { readNpy } from './npy';
import { npyMasks } from './npy-masks';
import { firstDir, isDir, isFile, naturalSort, sceneOf, subDirs, type RealContext } from './real-context';
import { openFolders } from './frames-dataset';
import { listFrameFolder, openFrameFolder, openVideoFile, videoExtensions } from './video-sources';

/**
 * ShanghaiTech Campus: training `training/videos/*.avi` (ffmpeg) or `training/frames/<id>/`, test
 * `testing/frames/<scene>_<id>/`, frame labels `testing/test_frame_mask/<id>.npy`, pixel masks
 * `testing/test_pixel_mask/<id>.npy`. The `data.scene` filter keeps videos whose id starts with `NN_`.
 */
export async function openShanghaiTech(ctx: RealContext): Promise<Dataset> {
  const { root } = ctx;
  const fps = 24;
  const scene = ctx.config.scene;
  const keep = (id: string): boolean => scene === undefined || id.startsWith(`${scene}_`);
  const train: Video[] = [];
  const videoDir = join(root, 'training', 'videos');
  const trainFrames = await firstDir([join(root, 'training', 'frames')]);
  if (trainFrames !== null) train.push(...(await openFolders(trainFrames, ctx, fps)).filter((v) => keep(v.id)));
  else if (await isDir(videoDir)) {
    const files = naturalSort(readdirSync(videoDir).filter((n) => (videoExtensions as readonly string[]).includes(extname(n).toLowerCase())));
    for (const f of files) {
      const id = basename(f, extname(f));
      if (keep(id)) train.push(await openVideoFile(join(videoDir, f), { id, scene: sceneOf(id), fps }, ctx.resize, ctx.cacheDir));
    }
  } else throw new UserError(`${root}: must contain training/frames/ or training/videos/, but has neither`);
  const testDir = join(root, 'testing', 'frames');
  if (!(await isDir(testDir))) throw new UserError(`${root}: must contain testing/frames/<scene>_<video>/, but does not`);
  const test: TestVideo[] = [];
  for (const dir of await subDirs(testDir)) {
    const id = basename(dir);
    if (!keep(id)) continue;
    const video = await openFrameFolder(await listFrameFolder(dir), { id, scene: sceneOf(id), fps }, ctx.resize, ctx.cacheDir);
    const labelPath = join(root, 'testing', 'test_frame_mask', `${id}.npy`);
    if (!(await isFile(labelPath))) throw new UserError(`${labelPath}: frame labels of test video ${id} must exist, but the file is missing`);
    const labels = strictLabels(readNpy(new Uint8Array(readFileSync(labelPath)), labelPath).data, labelPath, id);
    const pixelPath = join(root, 'testing', 'test_pixel_mask', `${id}.npy`);
    const masks = (await isFile(pixelPath)) ? npyMasks(pixelPath, video.length, ctx.resize.height, ctx.resize.width, { height: video.sourceHeight, width: video.sourceWidth }) : undefined;
    test.push(asTestVideo(video, labels, masks, labelPath));
  }
  const trainDir = trainFrames ?? videoDir;
  return { name: 'shanghaitech', height: ctx.resize.height, width: ctx.resize.width, channels: ctx.resize.channels, train, test, partial: scene !== undefined, notes: [], trainDir };
}
