import type { DataConfig } from '../config';
import type { Dataset } from '../types';
import { openAvenue } from './avenue-dataset';
import { openFramesDataset } from './frames-dataset';
import { checkTotals } from './integrity';
import { join } from 'node:path';
import { isDir, type RealContext } from './real-context';
import { openShanghaiTech } from './shanghaitech-dataset';
import { openUcsd } from './ucsd-dataset';

/**
 * Opens a dataset on disk by `config.type` and checks the benchmark's known test totals
 * (`config.integrity`); a scene-filtered ShanghaiTech is partial by construction.
 */
export async function openRealDataset(config: DataConfig, root: string, cacheDir: string): Promise<Dataset> {
  const resize = { height: config.height, width: config.width, channels: config.channels, resize: config.resize };
  const ctx: RealContext = { config, root, cacheDir, resize };
  const dataset = await openByType(ctx);
  const mode = config.type === 'shanghaitech' && config.scene !== undefined ? 'partial' : config.integrity;
  const { partial, notes } = checkTotals(config.type, mode, dataset.test, root);
  return { ...dataset, partial: dataset.partial || partial, notes: [...dataset.notes, ...notes], cacheDir };
}

async function openByType(ctx: RealContext): Promise<Dataset> {
  switch (ctx.config.type) {
    case 'ped1':
    case 'ped2':
      return (await isDir(join(ctx.root, 'training', 'frames'))) ? openFramesDataset(ctx, 10) : openUcsd(ctx, ctx.config.type);
    case 'avenue':
      return openAvenue(ctx);
    case 'shanghaitech':
      return openShanghaiTech(ctx);
    default:
      return openFramesDataset(ctx);
  }
}
