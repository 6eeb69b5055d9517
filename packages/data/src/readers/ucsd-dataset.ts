import { UserError } from '@vad/core';
import { resizeNearest } from '../pixels/resize-nearest';
import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Dataset, TestVideo, Video } from '../types';
import { asTestVideo } from '../video';
import { decodeBmp } from './bmp';
import { parseUcsdGroundTruth, rangesToLabels } from './labels';
import { isDir, subDirs, type RealContext } from './real-context';
import { frameNumber, listFrameFolder, openFrameFolder } from './video-sources';

/** Pixel masks from a `TestNNN_gt` folder of BMPs (each the size of the video's frames), read on demand and resized (nearest) to h × w. */
async function bmpMasks(dir: string, length: number, height: number, width: number, source: { height: number; width: number }): Promise<(i: number) => Uint8Array> {
  const files = (await readdir(dir)).filter((n) => /\.bmp$/i.test(n) && !n.startsWith('.')).sort((a, b) => (frameNumber(a) ?? 0) - (frameNumber(b) ?? 0));
  if (files.length !== length) throw new UserError(`${dir}: must hold one mask per frame (${length}), but has ${files.length} BMP files`);
  const cache = new Map<number, Uint8Array>();
  return (i) => {
    let m = cache.get(i);
    if (m === undefined) {
      const path = join(dir, files[i] as string);
      const bmp = decodeBmp(new Uint8Array(readFileSync(path)), path);
      if (source.height > 0 && (bmp.height !== source.height || bmp.width !== source.width)) {
        throw new UserError(`${path}: pixel mask must have the video's frame size ${source.height}×${source.width}, but got ${bmp.height}×${bmp.width}`);
      }
      m = resizeNearest(Uint8Array.from(bmp.data, (v) => (v > 127 ? 1 : 0)), bmp.height, bmp.width, 1, height, width);
      cache.set(i, m);
    }
    return m;
  };
}

/**
 * UCSD Ped1 / Ped2 as distributed: `Train/TrainNNN/*.tif`, `Test/TestNNN/*.tif`, optional
 * `Test/TestNNN_gt/*.bmp` pixel masks and `Test/UCSDpedN.m` frame ranges (`gt_frame{i} = [a:b];`).
 * `root` may be the UCSDpedN folder or the folder holding it.
 */
export async function openUcsd(ctx: RealContext, which: 'ped1' | 'ped2'): Promise<Dataset> {
  const n = which === 'ped1' ? 1 : 2;
  const home = (await isDir(join(ctx.root, `UCSDped${n}`, 'Train'))) ? join(ctx.root, `UCSDped${n}`) : ctx.root;
  if (!(await isDir(join(home, 'Train'))) || !(await isDir(join(home, 'Test')))) {
    throw new UserError(`${ctx.root}: must contain Train/ and Test/ (UCSDped${n} layout), but does not`);
  }
  const fps = 10;
  const open = async (dir: string): Promise<Video> =>
    openFrameFolder(await listFrameFolder(dir), { id: basename(dir), scene: '01', fps }, ctx.resize, ctx.cacheDir);
  const train: Video[] = [];
  for (const dir of await subDirs(join(home, 'Train'))) train.push(await open(dir));
  const gtPath = join(home, 'Test', `UCSDped${n}.m`);
  const text = await readFile(gtPath, 'utf8').catch((error: Error) => {
    throw new UserError(`${gtPath}: the ground-truth file must exist, but got ${error.message}`);
  });
  const ranges = parseUcsdGroundTruth(text, gtPath);
  const test: TestVideo[] = [];
  const dirs = (await subDirs(join(home, 'Test'))).filter((d) => !d.endsWith('_gt'));
  for (const [k, dir] of dirs.entries()) {
    const video = await open(dir);
    const r = ranges.get(k + 1);
    if (r === undefined) throw new UserError(`${gtPath}: must give gt_frame{${k + 1}} for ${basename(dir)}, but it is missing`);
    const labels = rangesToLabels(r, video.length, `${gtPath} gt_frame{${k + 1}}`);
    const gtDir = `${dir}_gt`;
    const masks = (await isDir(gtDir)) ? await bmpMasks(gtDir, video.length, ctx.resize.height, ctx.resize.width, { height: video.sourceHeight, width: video.sourceWidth }) : undefined;
    test.push(asTestVideo(video, labels, masks, gtPath));
  }
  return { name: which, height: ctx.resize.height, width: ctx.resize.width, channels: ctx.resize.channels, train, test, partial: false, notes: [`labels: ${gtPath}`], trainDir: join(home, 'Train') };
}
